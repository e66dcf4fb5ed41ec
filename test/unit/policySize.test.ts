// RAM's limit of 6,144 characters for a custom policy, and the fix that splits a longer policy
// into policies that each fit.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type CodeAction,
  type CreateFile,
  type Diagnostic,
  type TextDocumentEdit,
  TextDocumentEdit as TextDocumentEditIs,
} from 'vscode-languageserver-types';

import { catalogue, policyDocument, service, unknownScope } from './support';

const LIMIT = 6144;
const ALL_ACTIONS = catalogue.actions.map((action) => action.name);

interface Statement {
  Effect: string;
  Action?: string[];
  NotAction?: string[];
  Resource: string;
  Condition?: object;
}

function policy(statements: Statement[]): string {
  return JSON.stringify({ Version: '1', Statement: statements }, null, 2) + '\n';
}

function tooLong(text: string, path?: string): Diagnostic[] {
  const found = service.validate(policyDocument(text, path), unknownScope);
  return found.filter((d) => d.code === 'policy-too-long');
}

let splits = 0;

/** The split fix for a policy, with the texts of the original and of each new file by URI. */
function split(text: string): { action: CodeAction; files: Map<string, string> } | undefined {
  // A folder of its own: the service keeps one parse per URI and version.
  const path = `split-${++splits}/big.json`;
  const document = policyDocument(text, path);
  const diagnostics = tooLong(text, path);
  const [action] = service
    .codeActions(document, diagnostics[0]!.range, diagnostics, unknownScope)
    .filter((a) => a.title.startsWith('Split into'));
  if (!action) return undefined;

  const files = new Map<string, string>();
  for (const change of action.edit?.documentChanges ?? []) {
    if (!TextDocumentEditIs.is(change)) continue;
    const edit = (change as TextDocumentEdit).edits[0]!;
    files.set(change.textDocument.uri, 'newText' in edit ? edit.newText : '');
  }
  return { action, files };
}

function actionsOf(text: string): string[] {
  const parsed = JSON.parse(text) as { Statement: Statement[] };
  return parsed.Statement.flatMap((statement) => statement.Action ?? []);
}

describe('the length limit', () => {
  it('is an error that gives the count as written and without whitespace', () => {
    const text = policy([{ Effect: 'Allow', Action: ALL_ACTIONS, Resource: '*' }]);
    const [error] = tooLong(text);
    assert.equal(error?.severity, 1);
    assert.match(
      error!.message,
      new RegExp(`is ${text.length.toLocaleString('en-US')} characters`),
    );
    assert.match(error!.message, /as written/);
    assert.match(error!.message, /without whitespace outside strings/);
    assert.match(error!.message, /does not say whether whitespace counts/);
    assert.equal(policyDocument(text).getText(error!.range), 'Statement');
  });

  it('allows exactly 6,144 characters and counts one more', () => {
    const base = policy([{ Effect: 'Allow', Action: ['cams:GetFlow'], Resource: '*' }]);
    const padding = (length: number) => base.replace('"Version"', ' '.repeat(length) + '"Version"');
    assert.deepEqual(tooLong(padding(LIMIT - base.length)), []);
    const [error] = tooLong(padding(LIMIT - base.length + 1));
    assert.match(error!.message, /6,145 characters.*Remove the whitespace/);
  });

  it('counts characters, not UTF-16 units', () => {
    const base = policy([{ Effect: 'Allow', Action: ['cams:GetFlow'], Resource: '*' }]);
    const emoji = '😀'.repeat(LIMIT - base.length - 20);
    const text = base.replace('"Version"', `"Sid": "${emoji}", "Version"`);
    assert.deepEqual(tooLong(text), []);
  });
});

describe('the split fix', () => {
  it('divides a long Action list into policies that each fit, losing no action', () => {
    const text = policy([{ Effect: 'Allow', Action: ALL_ACTIONS, Resource: '*' }]);
    const { action, files } = split(text)!;
    const uri = [...files.keys()][0]!;
    assert.match(uri, /^file:\/\/\/workspace\/split-\d+\/big\.json$/);

    assert.ok(files.size >= 2);
    assert.deepEqual(
      [...files.keys()].slice(1),
      Array.from({ length: files.size - 1 }, (_, i) =>
        uri.replace('big.json', `big.part-${i + 2}.json`),
      ),
    );
    for (const part of files.values()) {
      assert.ok(part.length <= LIMIT, `a part of ${part.length} characters`);
      assert.equal((JSON.parse(part) as { Version: string }).Version, '1');
    }
    assert.deepEqual([...files.values()].flatMap(actionsOf), ALL_ACTIONS);
    assert.match(action.title, /Split into \d policies that each fit in 6,144 characters/);
  });

  it('creates each new file before writing it, and refuses to overwrite one', () => {
    const text = policy([{ Effect: 'Allow', Action: ALL_ACTIONS, Resource: '*' }]);
    const changes = split(text)!.action.edit!.documentChanges!;
    const creates = changes.filter((c): c is CreateFile => 'kind' in c && c.kind === 'create');
    assert.equal(creates.length, changes.length / 2 - 0.5);
    assert.ok(creates.every((c) => c.options?.overwrite === false));
    const createAt = changes.indexOf(creates[0]!);
    assert.equal((changes[createAt + 1] as TextDocumentEdit).textDocument.uri, creates[0]!.uri);
  });

  it('keeps statements whole where they fit, with their Effect, Resource and Condition', () => {
    const condition = { Bool: { 'acs:SecureTransport': 'true' } };
    const most = ALL_ACTIONS.slice(0, 200);
    const text = policy([
      { Effect: 'Allow', Action: most, Resource: '*', Condition: condition },
      { Effect: 'Deny', Action: ['cams:DeleteFlow'], Resource: '*' },
    ]);
    const parts = [...split(text)!.files.values()].map(
      (part) => JSON.parse(part) as { Statement: Statement[] },
    );
    const statements = parts.flatMap((part) => part.Statement);
    assert.ok(statements.filter((s) => s.Effect === 'Allow').every((s) => s.Condition));
    assert.deepEqual(
      statements[statements.length - 1],
      text && {
        Effect: 'Deny',
        Action: ['cams:DeleteFlow'],
        Resource: '*',
      },
    );
    assert.deepEqual(
      statements.flatMap((s) => s.Action),
      [...most, 'cams:DeleteFlow'],
    );
  });

  it('writes the parts in the file’s own layout: on one line when the file is', () => {
    const text = JSON.stringify({
      Version: '1',
      Statement: [{ Effect: 'Allow', Action: ALL_ACTIONS, Resource: '*' }],
    });
    for (const part of split(text)!.files.values()) assert.ok(!part.includes('\n'));
  });

  it('is not offered for a NotAction list, whose parts would grant more', () => {
    const text = policy([{ Effect: 'Allow', NotAction: ALL_ACTIONS, Resource: '*' }]);
    assert.equal(split(text), undefined);
  });
});
