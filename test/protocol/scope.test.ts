// The server reads where policies are attached from the workspace on disk: the project file,
// re-read when it changes, and the command that records a scope through workspace/applyEdit.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
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

describe('attachments read by the server from infrastructure code on disk', () => {
  let server: ScopedServer;
  let outside: string;

  before(async () => {
    server = new ScopedServer(mkdtempSync(join(tmpdir(), 'cams-iac-')));
    outside = mkdtempSync(join(tmpdir(), 'cams-outside-'));
    server.write('infra/main.tf', TERRAFORM.replaceAll('POLICY', 'team'));
    // A template outside the workspace, reached through a symlink, is not read; a symlink back
    // up the tree does not make the scan loop.
    writeFileSync(join(outside, 'other.tf'), TERRAFORM.replaceAll('POLICY', 'outside'));
    symlinkSync(outside, join(server.folder, 'linked'));
    symlinkSync(server.folder, join(server.folder, 'infra', 'loop'));
    await server.start();
  });

  after(async () => {
    await server.stop();
    rmSync(server.folder, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  it('points the scope warning at the Terraform attachment', async () => {
    const uri = server.open('policies/team.json', MIXED_POLICY);
    const warning = await server.until('a scope warning', () => server.scopeWarnings(uri)[0]);
    assert.match(warning!.relatedInformation?.[0]?.location.uri ?? '', /infra\/main\.tf$/);
    assert.equal(warning!.relatedInformation?.[0]?.location.range.start.line, 5);
  });

  it('does not read a template that lies outside the workspace', async () => {
    const uri = server.open('policies/outside.json', MIXED_POLICY);
    const scope = await server.until('the scope notification', () => server.scopes.get(uri));
    assert.equal(scope.scope, 'unknown');
  });
});

const TERRAFORM = `resource "alicloud_ram_policy" "p" {
  policy_name     = "POLICY"
  policy_document = file("\${path.module}/../policies/POLICY.json")
}

resource "alicloud_resource_manager_policy_attachment" "a" {
  policy_name       = alicloud_ram_policy.p.policy_name
  policy_type       = "Custom"
  principal_name    = "dev@example.onaliyun.com"
  principal_type    = "IMSUser"
  resource_group_id = "rg-aek2team"
}
`;
