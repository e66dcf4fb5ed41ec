// The fix that moves account-only actions to a companion policy at account scope: one edit that
// writes the companion, the project file and the policy, after which the warnings are gone.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse, type ParseError } from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, WorkspaceEdit } from 'vscode-languageserver-types';

import { service } from './support';
import { projectFile, WORKSPACE, workspaceContext } from './workspaceSupport';

// The service caches a parse per URI and version, so every document of these tests is new.
let version = 0;

const PROJECT = projectFile({ files: 'rg/*.json', scope: 'resource-group' });

function policyText(...statements: object[]): string {
  return JSON.stringify({ Version: '1', Statement: statements }, null, 2) + '\n';
}

const MIXED = {
  Effect: 'Allow',
  Action: ['cams:QueryInstance', 'cams:SendChatappMessage', 'cams:GetFlow'],
  Resource: '*',
};

/** The move fix offered for the first warning of `rg/team.json` in a workspace of `files`. */
function moveFix(files: Record<string, string>): CodeAction {
  const context = workspaceContext(files);
  const document = TextDocument.create(
    `${WORKSPACE}/rg/team.json`,
    'json',
    ++version,
    files['rg/team.json']!,
  );
  const diagnostics = service.validate(document, context);
  assert.ok(diagnostics.length > 0, 'the policy has warnings');
  const actions = service.codeActions(document, diagnostics[0]!.range, diagnostics, context);
  const move = actions.find((action) => action.title.startsWith('Move'));
  assert.ok(move, `a move among ${actions.map((a) => a.title).join(', ')}`);
  return move;
}

/** The titles of the fixes offered for the warnings of `rg/team.json`, which must have some. */
function fixTitles(files: Record<string, string>): string[] {
  const context = workspaceContext(files);
  const uri = `${WORKSPACE}/rg/team.json`;
  const document = TextDocument.create(uri, 'json', ++version, files['rg/team.json']!);
  const diagnostics = service.validate(document, context);
  assert.ok(diagnostics.length > 0, 'the policy has warnings');
  return service
    .codeActions(document, diagnostics[0]!.range, diagnostics, context)
    .map((action) => action.title);
}

/** Applies a WorkspaceEdit of file creations and text edits to the files. */
function applyEdit(files: Record<string, string>, edit: WorkspaceEdit): Record<string, string> {
  const result = { ...files };
  const pathOf = (uri: string) => uri.slice(WORKSPACE.length + 1);
  for (const change of edit.documentChanges ?? []) {
    if ('kind' in change) {
      assert.equal(change.kind, 'create');
      assert.equal(result[pathOf(change.uri)], undefined, `${change.uri} does not exist yet`);
      result[pathOf(change.uri)] = '';
      continue;
    }
    const path = pathOf(change.textDocument.uri);
    const document = TextDocument.create(change.textDocument.uri, 'json', 1, result[path]!);
    result[path] = TextDocument.applyEdits(document, change.edits as never);
  }
  return result;
}

function strict(text: string | undefined): any {
  const errors: ParseError[] = [];
  const value = parse(text ?? '', errors, { allowTrailingComma: false, disallowComments: true });
  assert.deepEqual(errors, [], `strict JSON:\n${text}`);
  return value;
}

function warningsOf(files: Record<string, string>, path: string): string[] {
  const document = TextDocument.create(`${WORKSPACE}/${path}`, 'json', ++version, files[path]!);
  return service.validate(document, workspaceContext(files)).map((d) => String(d.code));
}

describe('moving account-only actions to an account-scope policy', () => {
  it('creates the companion, records it as account scope, and leaves no warning', () => {
    const files = { 'ram-policy-scopes.json': PROJECT, 'rg/team.json': policyText(MIXED) };
    const fix = moveFix(files);
    assert.equal(fix.title, 'Move 2 account-only actions to team.account.json (account scope)');

    const after = applyEdit(files, fix.edit!);
    assert.deepEqual(strict(after['rg/team.json']).Statement[0].Action, ['cams:QueryInstance']);
    assert.deepEqual(strict(after['rg/team.account.json']), {
      Version: '1',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['cams:SendChatappMessage', 'cams:GetFlow'],
          Resource: '*',
        },
      ],
    });
    assert.deepEqual(strict(after['ram-policy-scopes.json']).scopes[0], {
      files: 'rg/team.account.json',
      scope: 'account',
    });
    assert.deepEqual(warningsOf(after, 'rg/team.json'), []);
    assert.deepEqual(warningsOf(after, 'rg/team.account.json'), []);
  });

  it('removes a statement left without actions, and extends an existing companion', () => {
    const accountOnly = { Effect: 'Allow', Action: 'cams:SendChatappMessage', Resource: '*' };
    const supported = { Effect: 'Allow', Action: 'cams:QueryInstance', Resource: '*' };
    const existing = policyText({ Effect: 'Allow', Action: 'cams:GetFlow', Resource: '*' });
    const files = {
      'ram-policy-scopes.json': PROJECT,
      'rg/team.json': policyText(accountOnly, supported),
      'rg/team.account.json': existing,
    };
    const after = applyEdit(files, moveFix(files).edit!);

    assert.deepEqual(strict(after['rg/team.json']).Statement, [supported]);
    assert.deepEqual(
      strict(after['rg/team.account.json']).Statement.map((s: { Action: unknown }) => s.Action),
      ['cams:GetFlow', 'cams:SendChatappMessage'],
    );
  });

  it('drops acs:ResourceGroupId from the moved statement', () => {
    const withCondition = {
      ...MIXED,
      Condition: { StringEquals: { 'acs:ResourceGroupId': 'rg-1', 'acs:SourceVpc': 'vpc-1' } },
    };
    const files = { 'rg/team.json': policyText(withCondition) };
    const after = applyEdit(files, moveFix(files).edit!);
    assert.deepEqual(strict(after['rg/team.account.json']).Statement[0].Condition, {
      StringEquals: { 'acs:SourceVpc': 'vpc-1' },
    });
    assert.deepEqual(strict(after['ram-policy-scopes.json']), {
      scopes: [{ files: 'rg/team.account.json', scope: 'account' }],
    });
    assert.deepEqual(warningsOf(after, 'rg/team.json'), []);
  });

  it('is not offered when the companion cannot take another statement', () => {
    const titles = fixTitles({
      'ram-policy-scopes.json': PROJECT,
      'rg/team.json': policyText(MIXED),
      'rg/team.account.json': '{ "Statement": {} }',
    });
    assert.ok(titles.length > 0 && titles.every((t) => !t.startsWith('Move')), titles.join());
  });

  it('is not offered when it would leave the policy without a statement', () => {
    const accountOnly = { Effect: 'Allow', Action: ['cams:GetFlow'], Resource: '*' };
    const titles = fixTitles({
      'ram-policy-scopes.json': PROJECT,
      'rg/team.json': policyText(accountOnly),
    });
    assert.ok(
      titles.every((t) => !t.startsWith('Move')),
      titles.join(),
    );
  });
});
