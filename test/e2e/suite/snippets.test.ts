// The contributed snippets: a policy, a statement, and the page's two example policies.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';

import { revertAndClose } from './support';

const PREFIXES = [
  'ram-policy',
  'ram-statement',
  'cams-account-scope-read-only',
  'cams-account-scope-all',
];

describe('snippets', () => {
  after(revertAndClose);

  it('are offered in an empty JSON file', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'json', content: '' });
    await vscode.window.showTextDocument(document);

    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      document.uri,
      new vscode.Position(0, 0),
    );
    const snippets = list.items
      .filter((item) => item.kind === vscode.CompletionItemKind.Snippet)
      .map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    for (const prefix of PREFIXES) {
      assert.ok(snippets.includes(prefix), `${prefix} among the snippets: ${snippets.join(', ')}`);
    }
  });
});
