import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse, type ParseError } from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver-types';

import { catalogue, policyDocument, resourceGroupScope, service } from './support';

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource?: string | string[];
  Condition?: unknown;
}

const WHOLE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** The split offered on the statement at `at` (an offset into the text), applied. */
function split(
  text: string,
  at = text.indexOf('"Action"'),
): { result: string; action: CodeAction } {
  const document = policyDocument(text);
  const diagnostics = service.validate(document, resourceGroupScope);
  const position = document.positionAt(at);
  const range = { start: position, end: position };
  const action = service.codeActions(document, range, diagnostics, resourceGroupScope)[0];
  assert.ok(action, 'a split is offered');

  const edits = action.edit!.changes![document.uri]!;
  return { result: TextDocument.applyEdits(document, edits), action };
}

function strictParse(text: string): { Statement: Statement[] } {
  const errors: ParseError[] = [];
  const value = parse(text, errors, { allowTrailingComma: false, disallowComments: true });
  assert.deepEqual(errors, [], 'the result is strict JSON');
  return value;
}

function actionsOf(statement: Statement): string[] {
  return typeof statement.Action === 'string' ? [statement.Action] : statement.Action;
}

function scopeWarnings(text: string): Diagnostic[] {
  return service
    .validate(policyDocument(text), resourceGroupScope)
    .filter((d) => d.code === 'resource-group-unsupported');
}

const MIXED = `{
    "Version": "1",
    "Statement": [
        {
            "Effect": "Allow",
            "Action": [
                "cams:CreateInstance",
                "cams:SendChatappMessage",
                "ecs:DescribeInstances",
                "cams:GetFlow"
            ],
            "Resource": "acs:cams:*:*:instance/*",
            "Condition": {
                "IpAddress": { "acs:SourceIp": "10.0.0.0/8" }
            }
        }
    ]
}
`;

describe('splitting a statement', () => {
  it('keeps the supported actions and moves the account-only ones to a new statement', () => {
    const { result } = split(MIXED);
    const [first, second, ...rest] = strictParse(result).Statement;
    assert.equal(rest.length, 0);
    assert.deepEqual(first!.Action, ['cams:CreateInstance', 'ecs:DescribeInstances']);
    assert.equal(first!.Resource, 'acs:cams:*:*:instance/*');
    assert.deepEqual(second, {
      Effect: 'Allow',
      Action: ['cams:SendChatappMessage', 'cams:GetFlow'],
      Resource: '*',
      Condition: { IpAddress: { 'acs:SourceIp': '10.0.0.0/8' } },
    });
  });

  it("keeps the file's indentation", () => {
    const { result } = split(MIXED);
    assert.match(
      result,
      /\n {8}\},\n {8}\{\n {12}"Effect": "Allow",\n {12}"Action": \[\n {16}"cams:Send/,
    );
    assert.match(result, /\n {16}"cams:GetFlow"\n {12}\],\n {12}"Resource": "\*",/);
  });

  it("keeps the file's CRLF line endings", () => {
    const { result } = split(MIXED.replace(/\n/g, '\r\n'));
    assert.doesNotMatch(result.replace(/\r\n/g, ''), /[\r\n]/);
    strictParse(result);
  });

  it('keeps tabs when the file is indented with tabs', () => {
    const { result } = split(MIXED.replace(/ {4}/g, '\t'));
    assert.match(result, /\n\t\t\},\n\t\t\{\n\t\t\t"Effect"/);
  });

  it('leaves no scope warning on the first statement', () => {
    const { result } = split(MIXED);
    const warnings = scopeWarnings(result);
    assert.equal(warnings.length, 2);
    const firstEnd = result.indexOf('},');
    assert.ok(
      warnings.every((w) => policyDocument(result).offsetAt(w.range.start) > firstEnd),
      'every remaining warning is in the new statement',
    );
  });

  it('works on the string form of Action with a cams wildcard, naming what it covered', () => {
    const text =
      '{"Version": "1", "Statement": [{"Effect": "Deny", "Action": "cams:List*", "Resource": "*"}]}';
    const { result } = split(text);
    const [first, second] = strictParse(result).Statement;
    assert.equal(first!.Action, 'cams:ListInstance');
    assert.equal(second!.Effect, 'Deny');
    assert.equal(actionsOf(second!).length, catalogue.expand('cams:List*').length - 1);
    assert.ok(!actionsOf(second!).includes('cams:ListInstance'));
  });

  it('keeps a one-line statement on one line', () => {
    const text =
      '{"Statement": [{"Effect": "Allow", "Action": ["cams:QueryInstance", "cams:GetFlow"], "Resource": "*"}]}';
    const { result } = split(text);
    assert.equal(result.split('\n').length, 1);
    assert.deepEqual(strictParse(result).Statement.map(actionsOf), [
      ['cams:QueryInstance'],
      ['cams:GetFlow'],
    ]);
  });

  it('loses and duplicates no action, whatever the mix', () => {
    const pool = [
      'cams:CreateInstance',
      'cams:QueryInstance',
      'cams:SendChatappMessage',
      'cams:GetFlow',
      'cams:Get*',
      'cams:*Instance',
      'oss:GetObject',
      'cams:NotARealAction',
    ];
    for (let mask = 1; mask < 1 << pool.length; mask++) {
      const actions = pool.filter((_, i) => mask & (1 << i));
      const text = JSON.stringify(
        {
          Version: '1',
          Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }],
        },
        null,
        2,
      );
      const document = policyDocument(text);
      const offered = service.codeActions(document, WHOLE, [], resourceGroupScope);
      const at = document.positionAt(text.indexOf('"Action"'));
      const here = service.codeActions(document, { start: at, end: at }, [], resourceGroupScope);
      if (here.length === 0) continue;
      assert.equal(offered.length, 0, 'nothing is offered outside any statement');

      const result = TextDocument.applyEdits(document, here[0]!.edit!.changes![document.uri]!);
      const statements = strictParse(result).Statement;
      const before = new Set(actions.flatMap(expandOrSelf));
      const after = statements.flatMap((s) => actionsOf(s).flatMap(expandOrSelf));
      assert.deepEqual(new Set(after), before, `same grants for ${actions.join(' ')}`);
      const written = statements.flatMap(actionsOf);
      assert.equal(new Set(written).size, written.length, `no duplicate for ${actions.join(' ')}`);
      assert.equal(scopeWarnings(result.slice(0, result.indexOf('},'))).length, 0);
    }
  });

  it('is not offered on a statement that has only one kind of action', () => {
    const text =
      '{"Statement": [{"Effect": "Allow", "Action": ["cams:GetFlow"], "Resource": "*"}]}';
    const document = policyDocument(text);
    const at = document.positionAt(text.indexOf('cams:'));
    assert.deepEqual(
      service.codeActions(document, { start: at, end: at }, [], resourceGroupScope),
      [],
    );
  });

  it('is not offered when "*" would have to be divided between services', () => {
    const text = '{"Statement": [{"Effect": "Allow", "Action": ["*", "cams:CreateInstance"]}]}';
    const document = policyDocument(text);
    const at = document.positionAt(text.indexOf('cams:'));
    assert.deepEqual(
      service.codeActions(document, { start: at, end: at }, [], resourceGroupScope),
      [],
    );
  });

  it('is a preferred quick fix for each scope warning of a mixed statement', () => {
    const { action } = split(MIXED, MIXED.indexOf('cams:GetFlow'));
    assert.equal(action.kind, 'quickfix');
    assert.equal(action.isPreferred, true);
    assert.equal(action.diagnostics?.length, 2);
    assert.match(action.title, /move 2 actions/);
  });
});

/** Each catalogue action a string grants, or the string itself when it is not a cams pattern. */
function expandOrSelf(value: string): string[] {
  const covered = value.includes('*') ? catalogue.expand(value) : [];
  return covered.length > 0 ? covered.map((a) => a.name) : [value];
}

describe('splitting where a rewrite could do harm', () => {
  function offered(text: string): CodeAction[] {
    const document = policyDocument(text);
    const at = document.positionAt(text.indexOf('"Action"'));
    const diagnostics = service.validate(document, resourceGroupScope);
    return service
      .codeActions(document, { start: at, end: at }, diagnostics, resourceGroupScope)
      .filter((action) => action.title.startsWith('Split statement'));
  }

  function statementWith(fields: string): string {
    return `{"Version": "1", "Statement": [{"Effect": "Allow", ${fields}}]}`;
  }

  it('wraps a lone statement object in an array', () => {
    const text =
      '{"Version": "1", "Statement": {"Effect": "Allow", "Action": ["cams:CreateInstance", "cams:GetFlow"], "Resource": "*"}}';
    const { result } = split(text);
    assert.deepEqual(strictParse(result).Statement.map(actionsOf), [
      ['cams:CreateInstance'],
      ['cams:GetFlow'],
    ]);
  });

  it('is not offered when a wildcard of every service would move, such as *:Get*', () => {
    for (const pattern of ['*:Get*', '?ams:GetFlow', 'c*:Get*']) {
      const text = statementWith(`"Action": ["oss:GetObject", "${pattern}"], "Resource": "*"`);
      assert.deepEqual(offered(text), [], pattern);
    }
  });

  it('is not offered on a statement with comments, which the rewrite would drop', () => {
    const text = statementWith(
      '"Action": ["cams:CreateInstance", /* flow */ "cams:GetFlow"], "Resource": "*"',
    );
    assert.deepEqual(offered(text), []);
  });

  it('is not offered when Action holds entries that are not strings', () => {
    const text = statementWith(
      '"Action": ["cams:CreateInstance", 42, "cams:GetFlow"], "Resource": "*"',
    );
    assert.deepEqual(offered(text), []);
  });

  it('is not offered on a statement with duplicate keys or with NotResource', () => {
    const actions = '"Action": ["cams:CreateInstance", "cams:GetFlow"]';
    assert.deepEqual(offered(statementWith(`${actions}, "Resource": "*", "Effect": "Deny"`)), []);
    assert.deepEqual(
      offered(statementWith(`${actions}, "NotResource": "acs:cams:*:*:instance/x"`)),
      [],
    );
  });

  it('ends new lines as the first line of the file ends', () => {
    const { result } = split(MIXED.replace('\n', '\r\n'));
    assert.match(result, /\},\r\n {8}\{\r\n {12}"Effect"/);
  });

  it('lists a long expansion one action per line and says which wildcard it replaced', () => {
    const text = MIXED.replace('"cams:GetFlow"', '"cams:List*"');
    const { result, action } = split(text);
    assert.match(action.title, /listing what cams:List\* covers/);
    assert.match(result, /\n {16}"cams:ListAdvert",\n {16}"cams:ListAllAudit",/);
  });

  it('keeps both documented spellings of an action that differ only in case', () => {
    const text = statementWith('"Action": "cams:*", "Resource": "*"');
    const { result } = split(text);
    const moved = actionsOf(strictParse(result).Statement[1]!);
    assert.equal(moved.length, 280);
    assert.ok(moved.includes('cams:GetOSSInfoForUploadFile'));
    assert.ok(moved.includes('cams:GetOssInfoForUploadFile'));
  });
});

describe('splitting a statement written in the short form', () => {
  it('turns the one statement into a list of two', () => {
    const text = `{
  "Statement": {
    "Effect": "Allow",
    "Action": ["ecs:DescribeInstances", "cams:GetFlow"]
  }
}`;
    const { result } = split(text);
    assert.equal(
      result,
      `{
  "Statement": [{
    "Effect": "Allow",
    "Action": ["ecs:DescribeInstances"]
  },
  {
    "Effect": "Allow",
    "Action": ["cams:GetFlow"],
    "Resource": "*"
  }]
}`,
    );
  });

  it('keeps a one-line policy on one line', () => {
    const text =
      '{"Statement": {"Effect": "Deny", "Action": ["cams:QueryInstance", "cams:GetFlow"]}}';
    const { result } = split(text);
    assert.deepEqual(strictParse(result).Statement.map(actionsOf), [
      ['cams:QueryInstance'],
      ['cams:GetFlow'],
    ]);
    assert.equal(result.split('\n').length, 1);
  });
});

describe('splitting a statement whose Condition is not strict JSON', () => {
  it('is not offered, so that the comma or comment is not copied into a new statement', () => {
    const text = MIXED.replace('"10.0.0.0/8" }', '"10.0.0.0/8", }');
    const document = policyDocument(text);
    const at = document.positionAt(text.indexOf('"Action"'));
    const diagnostics = service.validate(document, resourceGroupScope);
    const range = { start: at, end: at };
    assert.deepEqual(service.codeActions(document, range, diagnostics, resourceGroupScope), []);
    assert.ok(diagnostics.some((d) => d.code === 'json-trailing-comma'));
  });
});
