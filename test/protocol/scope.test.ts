// The server reads where policies are attached from the workspace on disk: the project file,
// re-read when it changes, and the command that records a scope through workspace/applyEdit.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CodeLensRequest, ExecuteCommandRequest } from 'vscode-languageserver-protocol/node';

import { SET_ATTACHMENT_SCOPE_COMMAND } from '../../server/src/protocol';
import { MIXED_POLICY, ScopedServer } from './scopedServer';

describe('attachment scopes read by the server from the workspace', () => {
  let server: ScopedServer;

  before(async () => {
    server = new ScopedServer(mkdtempSync(join(tmpdir(), 'cams-scope-')));
    server.write(
      'ram-policy-scopes.json',
      JSON.stringify({ scopes: [{ files: 'rg/*.json', scope: 'resource-group' }] }),
    );
    await server.start();
  });

  after(async () => {
    await server.stop();
    rmSync(server.folder, { recursive: true, force: true });
  });

  it('warns in a file the project file puts at resource-group scope, and says so', async () => {
    const uri = server.open('rg/team.json', MIXED_POLICY);
    const warnings = await server.until('a scope warning', () => {
      const found = server.scopeWarnings(uri);
      return found.length > 0 ? found : undefined;
    });
    assert.match(warnings[0]!.relatedInformation?.[0]?.location.uri ?? '', /ram-policy-scopes/);

    const scope = await server.until('the scope notification', () => server.scopes.get(uri));
    assert.equal(scope.scope, 'resource-group');
    assert.match(scope.source, /project file/);
  });

  it('reads the project file again when it changes on disk', async () => {
    const uri = server.open('rg/later.json', MIXED_POLICY);
    await server.until('a scope warning', () => server.scopeWarnings(uri)[0]);

    const project = server.write(
      'ram-policy-scopes.json',
      JSON.stringify({ scopes: [{ files: 'rg/*.json', scope: 'account' }] }),
    );
    await server.changed(project);
    await server.until('no scope warning', () =>
      server.scopes.get(uri)?.scope === 'account' && server.scopeWarnings(uri).length === 0
        ? true
        : undefined,
    );
  });

  it('records a scope in the project file through workspace/applyEdit', async () => {
    const uri = server.open('other/p.json', MIXED_POLICY);
    await server.connection.sendRequest(ExecuteCommandRequest.type, {
      command: SET_ATTACHMENT_SCOPE_COMMAND,
      arguments: [{ uri, scope: 'resource-group', resourceGroupId: 'rg-7' }],
    });
    const edit = await server.until('an applyEdit request', () => server.edits[0]);
    const change = edit.edit.documentChanges?.[0];
    assert.ok(change && 'edits' in change);
    assert.match(change.textDocument.uri, /ram-policy-scopes\.json$/);
    assert.match(change.edits.map((e) => e.newText).join(''), /"files": "other\/p\.json"/);
  });

  it('puts a code lens on each statement', async () => {
    const uri = server.open('lens.json', MIXED_POLICY);
    const lenses = await server.connection.sendRequest(CodeLensRequest.type, {
      textDocument: { uri },
    });
    assert.deepEqual(
      lenses?.map((lens) => lens.command?.title),
      ['Grants 2 actions, 1 without resource-group authorization (account scope only)'],
    );
  });
});
