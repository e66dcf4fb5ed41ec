// Setting where a policy is attached from the editor: the command records resource-group scope
// in the project file, the scope warnings appear, and the move fix sends the account-only
// actions to an account-scope companion policy, after which they are gone.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import * as vscode from 'vscode';

import {
  codeOf,
  fixture,
  open,
  policyDiagnostics,
  quickFixTitled,
  SCOPE_WARNING,
  waitFor,
} from './support';

const POLICY = 'team/messaging.json';
const CREATED = ['ram-policy-scopes.json', 'team/messaging.account.json'];

describe('setting the attachment scope and moving account-only actions', () => {
  let original: Uint8Array;

  before(async () => {
    removeCreatedFiles();
    original = await vscode.workspace.fs.readFile(fixture(POLICY));
  });

  // The fixture workspace is part of the repository: leave it exactly as it was.
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.files.saveAll');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.writeFile(fixture(POLICY), original);

    // Deleted through a workspace edit, so that the editor drops its copies of the files too
    // instead of writing them back.
    const removal = new vscode.WorkspaceEdit();
    CREATED.forEach((path) => removal.deleteFile(fixture(path), { ignoreIfNotExists: true }));
    await vscode.workspace.applyEdit(removal);
    removeCreatedFiles();
  });

  it('warns after the command sets resource-group scope, and not after the move', async () => {
    const document = await open(fixture(POLICY));
    const before = await statementLens(document);
    assert.match(before, /Grants 3 actions, 2 without resource-group authorization/);
    assert.deepEqual(scopeWarnings(document), [], 'no scope warning while the scope is unknown');

    await vscode.commands.executeCommand('camsPolicy.setAttachmentScope', {
      uri: document.uri.toString(),
      scope: 'resource-group',
      resourceGroupId: 'rg-e2e',
    });
    const warnings = await waitFor('scope warnings', () => {
      const found = scopeWarnings(document);
      return found.length === 2 ? found : undefined;
    });
    const related = warnings[0]!.relatedInformation?.[0]?.location.uri.path ?? '';
    assert.match(related, /ram-policy-scopes\.json$/);

    const move = await quickFixTitled(document, warnings[0]!, /^Move/);
    assert.ok(move.edit && (await vscode.workspace.applyEdit(move.edit)));

    await waitFor('no scope warning after the move', () =>
      scopeWarnings(document).length === 0 ? true : undefined,
    );
    const companion = await vscode.workspace.openTextDocument(fixture(CREATED[1]!));
    const moved = JSON.parse(companion.getText()) as { Statement: { Action: string[] }[] };
    assert.deepEqual(moved.Statement[0]?.Action, ['cams:SendChatappMessage', 'cams:GetFlow']);
    assert.deepEqual(scopeWarnings(companion), []);
  });
});

function removeCreatedFiles(): void {
  CREATED.forEach((path) => rmSync(fixture(path).fsPath, { force: true }));
}

function scopeWarnings(document: vscode.TextDocument): vscode.Diagnostic[] {
  return policyDiagnostics(document.uri).filter((d) => codeOf(d) === SCOPE_WARNING);
}

async function statementLens(document: vscode.TextDocument): Promise<string> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>(
      'vscode.executeCodeLensProvider',
      document.uri,
    );
    const title = lenses.find((lens) => lens.command?.title.startsWith('Grants'))?.command?.title;
    if (title) return title;
    if (Date.now() > deadline) throw new Error('no statement code lens');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
