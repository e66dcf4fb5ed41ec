// Where a policy is attached: the sources of scope, their precedence, and the project file.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';

import { readSettings } from '../../server/src/service/settings';
import { recordScope } from '../../server/src/service/workspace/projectFileEdit';
import type { DocumentContext } from '../../server/src/service/languageService';
import { contextWith, policyDocument, service } from './support';
import { projectFile, WORKSPACE, workspaceContext } from './workspaceSupport';

const MIXED = JSON.stringify(
  {
    Version: '1',
    Statement: [
      { Effect: 'Allow', Action: ['cams:QueryInstance', 'cams:SendChatappMessage'], Resource: '*' },
    ],
  },
  null,
  2,
);

function scopeOf(path: string, context: DocumentContext) {
  return service.attachmentScope(policyDocument(MIXED, path), context);
}

function scopeWarnings(path: string, context: DocumentContext): Diagnostic[] {
  return service
    .validate(policyDocument(MIXED, path), context)
    .filter((d) => d.code === 'resource-group-unsupported');
}

function projectFileDiagnostics(text: string): string[] {
  const document = TextDocument.create(`${WORKSPACE}/ram-policy-scopes.json`, 'json', 1, text);
  return service.validate(document, contextWith()).map((d) => `${d.code}: ${d.message}`);
}

describe('the attachment scope of a policy', () => {
  it('is unknown when nothing says where the policy is attached, and nothing is warned', () => {
    assert.deepEqual(scopeOf('p.json', contextWith()), { scope: 'unknown', evidence: [] });
    assert.deepEqual(scopeWarnings('p.json', contextWith()), []);
  });

  it('follows the setting resourceGroupScopedFiles, as before', () => {
    const context = contextWith({ resourceGroupScopedFiles: ['rg/*.json'] });
    assert.equal(scopeOf('rg/p.json', context)?.scope, 'resource-group');
    assert.equal(scopeOf('rg/p.json', context)?.evidence[0]?.source, 'setting');
    assert.equal(scopeWarnings('rg/p.json', context).length, 1);
  });

  it('takes the default from defaultAttachmentScope when nothing else places the policy', () => {
    const rg = contextWith({ defaultAttachmentScope: 'resource-group' });
    assert.equal(scopeOf('p.json', rg)?.scope, 'resource-group');
    assert.equal(scopeOf('p.json', rg)?.evidence[0]?.source, 'default');
    assert.equal(scopeWarnings('p.json', rg).length, 1);

    const account = contextWith({ defaultAttachmentScope: 'account' });
    assert.equal(scopeOf('p.json', account)?.scope, 'account');
    assert.deepEqual(scopeWarnings('p.json', account), []);
  });

  it('reads the project file: the first entry whose glob matches decides', () => {
    const context = workspaceContext({
      'ram-policy-scopes.json': projectFile(
        { files: 'rg/shared.json', scope: 'account' },
        { files: ['rg/**/*.json'], scope: 'resource-group', resourceGroupId: 'rg-1', note: 'team' },
      ),
    });
    const rg = scopeOf('rg/team/p.json', context)!;
    assert.equal(rg.scope, 'resource-group');
    assert.deepEqual(
      rg.evidence.map((e) => [e.source, e.resourceGroupId, e.note, e.uri]),
      [['project-file', 'rg-1', 'team', `${WORKSPACE}/ram-policy-scopes.json`]],
    );
    assert.equal(scopeOf('rg/shared.json', context)?.scope, 'account');
    assert.equal(scopeOf('other.json', context)?.scope, 'unknown');
  });

  it('points the scope warning at the project file entry that sets resource-group scope', () => {
    const text = projectFile({
      files: 'rg/*.json',
      scope: 'resource-group',
      resourceGroupId: 'rg-9',
    });
    const context = workspaceContext({ 'ram-policy-scopes.json': text });
    const [warning] = scopeWarnings('rg/p.json', context);
    const related = warning?.relatedInformation?.[0];
    assert.equal(related?.location.uri, `${WORKSPACE}/ram-policy-scopes.json`);
    assert.equal(related?.location.range.start.line, 2);
    assert.match(related?.message ?? '', /resource-group scope rg-9/);
  });

  it('ranks the project file above the setting and the setting above the default', () => {
    const files = { 'ram-policy-scopes.json': projectFile({ files: 'a.json', scope: 'account' }) };
    const settings = {
      resourceGroupScopedFiles: ['*.json'],
      defaultAttachmentScope: 'account' as const,
    };
    const context = workspaceContext(files, settings);
    assert.equal(scopeOf('a.json', context)?.evidence[0]?.source, 'project-file');
    assert.equal(scopeOf('a.json', context)?.scope, 'account');
    assert.equal(scopeOf('b.json', context)?.evidence[0]?.source, 'setting');
    assert.equal(scopeOf('b.json', context)?.scope, 'resource-group');
  });

  it('carries on with the setting when the project file is broken', () => {
    const context = workspaceContext(
      { 'ram-policy-scopes.json': '{ "scopes": [ { "files": "a.json", "scope": ' },
      { resourceGroupScopedFiles: ['a.json'] },
    );
    assert.equal(scopeOf('a.json', context)?.evidence[0]?.source, 'setting');
  });
});

describe('the project file ram-policy-scopes.json', () => {
  it('has no diagnostics when it is right', () => {
    const text = projectFile(
      { files: 'rg/*.json', scope: 'resource-group', resourceGroupId: 'rg-1', note: 'x' },
      { files: ['a.json', 'b.json'], scope: 'account' },
    );
    assert.deepEqual(projectFileDiagnostics(text), []);
  });

  it('reports broken JSON', () => {
    assert.deepEqual(
      projectFileDiagnostics('{ "scopes": [ }').map((d) => d.split(':')[0]),
      ['scope-file-syntax'],
    );
  });

  it('reports each mistake on its own entry and keeps the valid ones', () => {
    const text = projectFile(
      { files: 'a.json', scope: 'resource-groups' },
      { files: [], scope: 'account' },
      { files: 'c.json', scope: 'account', resourceGroupId: 'rg-1', owner: 'me' },
      { files: 'd.json', scope: 'resource-group' },
    );
    assert.deepEqual(projectFileDiagnostics(text), [
      'scope-file-unknown-scope: Unknown scope "resource-groups": ' +
        'use "account" or "resource-group".',
      'scope-file-structure: "files" must be a glob or a non-empty list of globs.',
      'scope-file-unknown-property: Unknown property "owner": ' +
        'expected files, scope, resourceGroupId, note.',
      'scope-file-account-with-group: resourceGroupId is ignored at account scope. ' +
        'Remove it, or set "scope" to "resource-group".',
    ]);
    const context = workspaceContext({ 'ram-policy-scopes.json': text });
    assert.equal(scopeOf('d.json', context)?.scope, 'resource-group');
    assert.equal(scopeOf('c.json', context)?.scope, 'account');
    assert.equal(scopeOf('a.json', context)?.scope, 'unknown');
  });

  it('reports a file that is not an object with a scopes list', () => {
    assert.deepEqual(
      projectFileDiagnostics('[]').map((d) => d.split(':')[0]),
      ['scope-file-structure'],
    );
    assert.deepEqual(
      projectFileDiagnostics('{ "scope": [] }').map((d) => d.split(':')[0]),
      ['scope-file-unknown-property', 'scope-file-structure'],
    );
  });

  it('is not taken for a project file outside the workspace root', () => {
    const document = TextDocument.create(
      `${WORKSPACE}/sub/ram-policy-scopes.json`,
      'json',
      1,
      '[]',
    );
    assert.deepEqual(service.validate(document, contextWith()), []);
  });
});

describe('recording a scope in the project file', () => {
  const policy = `${WORKSPACE}/rg/p.json`;

  it('creates the project file when there is none', () => {
    const change = recordScope(WORKSPACE, policy, undefined, { scope: 'account' });
    assert.ok('changes' in change);
    assert.ok(change.changes[0] && 'kind' in change.changes[0]);
    const edit = change.changes[1];
    assert.ok(edit && 'edits' in edit);
    assert.deepEqual(JSON.parse(edit.edits[0]!.newText), {
      scopes: [{ files: 'rg/p.json', scope: 'account' }],
    });
  });

  it('puts a new entry first, so that it wins over the globs after it', () => {
    const text = projectFile({ files: 'rg/*.json', scope: 'resource-group' });
    const result = apply(text, recordScope(WORKSPACE, policy, text, { scope: 'account' }));
    assert.deepEqual(JSON.parse(result).scopes, [
      { files: 'rg/p.json', scope: 'account' },
      { files: 'rg/*.json', scope: 'resource-group' },
    ]);
  });

  it("replaces the file's own entry", () => {
    const text = projectFile({ files: 'rg/p.json', scope: 'account', note: 'old' });
    const record = { scope: 'resource-group' as const, resourceGroupId: 'rg-2' };
    const result = apply(text, recordScope(WORKSPACE, policy, text, record));
    assert.deepEqual(JSON.parse(result).scopes, [
      { files: 'rg/p.json', scope: 'resource-group', resourceGroupId: 'rg-2' },
    ]);
  });

  it('refuses to edit a project file that is not an object', () => {
    const change = recordScope(WORKSPACE, policy, '[', { scope: 'account' });
    assert.ok('problem' in change);
  });
});

function apply(text: string, change: ReturnType<typeof recordScope>): string {
  assert.ok('changes' in change, JSON.stringify(change));
  const edit = change.changes[0];
  assert.ok(edit && 'edits' in edit);
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'json', 1, text), edit.edits);
}

describe('the setting defaultAttachmentScope', () => {
  it('is unknown by default and when its value is not one of the three', () => {
    assert.equal(readSettings({}).settings.defaultAttachmentScope, 'unknown');
    const wrong = readSettings({ defaultAttachmentScope: 'everywhere' });
    assert.equal(wrong.settings.defaultAttachmentScope, 'unknown');
    assert.deepEqual(wrong.problems, [
      'camsPolicy.defaultAttachmentScope must be one of "unknown", "account", ' +
        '"resource-group"; it is ignored.',
    ]);
    assert.equal(
      readSettings({ defaultAttachmentScope: 'resource-group' }).settings.defaultAttachmentScope,
      'resource-group',
    );
  });
});
