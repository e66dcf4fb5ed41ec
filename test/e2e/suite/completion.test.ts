// Completion offers cams actions inside an Action array, also in an unsaved editor.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';

import { firstDiagnostics, fixture, open, revertAndClose } from './support';

const CURSOR = '|';
const POLICY = `{
  "Version": "1",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["cams:CreateInstance", "cams:${CURSOR}"],
      "Resource": "*"
    }
  ]
}
`;

describe('completion', () => {
  before(async () => {
    // The server is running once it has reported on a policy.
    await firstDiagnostics((await open(fixture('unsupported-read-only.json'))).uri);
  });

  after(revertAndClose);

  it('offers cams:SendChatappMessage in an Action array', async () => {
    const content = POLICY.replace(CURSOR, '');
    const document = await vscode.workspace.openTextDocument({ language: 'json', content });
    await vscode.window.showTextDocument(document);

    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      document.uri,
      document.positionAt(POLICY.indexOf(CURSOR)),
    );
    const labels = list.items.map((item) =>
      typeof item.label === 'string' ? item.label : item.label.label,
    );
    assert.ok(
      labels.includes('cams:SendChatappMessage'),
      `offered ${labels.length} items: ${labels.slice(0, 10).join(', ')}`,
    );
  });
});
