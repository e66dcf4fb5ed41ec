import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';

import { ALL_RULES } from '../../server/src/service/rules/ruleCatalogue';
import { pageExamplePolicies } from './pageExamples';
import { contextWith, policyDocument, resourceGroupScope, service, unknownScope } from './support';

function policy(actions: unknown, extra = ''): string {
  const statement = { Effect: 'Allow', Action: actions, Resource: '*' };
  return JSON.stringify({ Version: '1', Statement: [statement] }, null, 2) + extra;
}

function diagnose(text: string, context = resourceGroupScope, path?: string): Diagnostic[] {
  return service.validate(policyDocument(text, path), context);
}

function codes(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => String(d.code));
}

/** The text each diagnostic underlines. */
function underlined(text: string, diagnostics: Diagnostic[]): string[] {
  const document = policyDocument(text);
  return diagnostics.map((d) => document.getText(d.range));
}

// One of each mistake the project scope file can hold.
describe('which documents are policies', () => {
  it('checks a JSON document whose top-level object has Statement or Version "1"', () => {
    assert.deepEqual(codes(diagnose('{ "Statement": [ { "Action": "cams:Nope" } ] }')), [
      'missing-element',
      'missing-element',
      'missing-resource',
      'unknown-action',
    ]);
    assert.deepEqual(codes(diagnose('{ "Version": "1", "Statement": [] }')), ['empty-array']);
  });

  it('leaves other JSON alone, package.json and settings included', () => {
    const packageJson = '{ "name": "x", "version": "1.0.0", "scripts": { "a": "cams:Nope" } }';
    assert.deepEqual(diagnose(packageJson), []);
    assert.deepEqual(diagnose('{ "editor.tabSize": 2, // comment\n }'), []);
    assert.deepEqual(diagnose('[1, 2, 3]'), []);
  });

  it('checks any file that the policyFiles setting names, whatever its content', () => {
    const context = contextWith({ policyFiles: ['policies/**/*.json'] });
    assert.deepEqual(codes(diagnose('{ "a": 1, }', context, 'policies/x/p.json')), [
      'missing-element',
      'missing-element',
      'unknown-element',
      'json-trailing-comma',
    ]);
    assert.deepEqual(diagnose('{ "a": 1, }', context, 'other/p.json'), []);
  });
});

describe('strict JSON', () => {
  it('reports a comment as an error on the comment itself', () => {
    const text = policy(['cams:GetFlow']).replace('"Version"', '// why\n  "Version"');
    const found = diagnose(text, unknownScope);
    assert.deepEqual(codes(found), ['json-comment']);
    assert.deepEqual(underlined(text, found), ['// why']);
    assert.equal(found[0]!.severity, 1);
  });

  it('reports a trailing comma as an error on the comma', () => {
    const text =
      '{ "Version": "1", "Statement": [ { "Effect": "Allow", "Action": ["cams:GetFlow",], "Resource": "*" } ] }';
    const found = diagnose(text, unknownScope);
    assert.deepEqual(codes(found), ['json-trailing-comma']);
    assert.equal(policyDocument(text).offsetAt(found[0]!.range.start), text.indexOf(',]'));
  });

  it('reports broken JSON where it breaks', () => {
    const text = '{ "Version": "1", "Statement": [ { "Effect" "Allow" } ] }';
    const found = diagnose(text, unknownScope);
    assert.deepEqual(codes(found), ['json-syntax']);
    assert.match(found[0]!.message, /colon/);
    assert.equal(policyDocument(text).offsetAt(found[0]!.range.start), text.indexOf('"Allow"'));
  });
});

describe('unknown actions', () => {
  it('warns on an unknown cams action and names the closest known ones', () => {
    const text = policy(['cams:SendChatapMessage']);
    const found = diagnose(text, unknownScope);
    assert.deepEqual(codes(found), ['unknown-action']);
    assert.equal(found[0]!.severity, 2);
    assert.match(found[0]!.message, /Did you mean cams:SendChatappMessage/);
    assert.deepEqual(underlined(text, found), ['cams:SendChatapMessage']);
  });

  it('accepts a known action written in another case, with only a hint of its spelling', () => {
    const found = diagnose(policy(['CAMS:getflow']), unknownScope);
    assert.deepEqual(codes(found), ['action-case']);
    assert.equal(found[0]!.severity, 4);
  });

  it('warns on a wildcard that covers no action', () => {
    assert.deepEqual(codes(diagnose(policy(['cams:Frobnicate*']), unknownScope)), [
      'wildcard-matches-nothing',
    ]);
  });

  it("never flags another service's actions", () => {
    assert.deepEqual(diagnose(policy(['ecs:DescribeInstances', 'oss:Whatever', 'ram:*'])), []);
  });
});

describe('resource-group scope', () => {
  it('says nothing about scope when nothing says where the policy is attached', () => {
    assert.deepEqual(diagnose(policy(['cams:SendChatappMessage']), unknownScope), []);
  });

  it('warns on each account-only action in a resource-group scoped file, on its name', () => {
    const text = policy(['cams:SendChatappMessage', 'cams:QueryInstance', 'cams:GetFlow']);
    const found = diagnose(text);
    assert.deepEqual(codes(found), ['resource-group-unsupported', 'resource-group-unsupported']);
    assert.deepEqual(underlined(text, found), ['cams:SendChatappMessage', 'cams:GetFlow']);
    assert.match(found[0]!.message, /no effect/);
    assert.match(found[0]!.codeDescription!.href, /fine-grained-resource-control/);
  });

  it('applies the setting by glob, relative to the workspace folder', () => {
    const context = contextWith({ resourceGroupScopedFiles: ['rg/*.json'] });
    const text = policy(['cams:GetFlow']);
    assert.equal(diagnose(text, context, 'rg/a.json').length, 1);
    assert.equal(diagnose(text, context, 'account/a.json').length, 0);
  });

  it('does not warn on the instance actions or on cams:ChangeResourceGroup', () => {
    const actions = ['cams:CreateInstance', 'cams:ListInstance', 'cams:ChangeResourceGroup'];
    assert.deepEqual(diagnose(policy(actions)), []);
  });

  it('warns on a wildcard with how many account-only actions it covers', () => {
    const found = diagnose(policy(['cams:List*']));
    assert.deepEqual(codes(found), ['resource-group-unsupported']);
    assert.match(found[0]!.message, /cams:List\* covers 57 actions without resource-group/);
  });

  it('warns on the string form of Action too', () => {
    assert.deepEqual(codes(diagnose(policy('cams:GetFlow'))), ['resource-group-unsupported']);
  });

  it('warns on a NotAction statement that grants account-only actions, on the key', () => {
    const text = policy(['cams:GetFlow']).replace('"Action"', '"NotAction"');
    const found = diagnose(text);
    assert.deepEqual(underlined(text, found), ['"NotAction"']);
    assert.match(found[0]!.message, /grants 279 cams actions/);
  });

  it('does not warn on a NotAction statement that excludes every cams action', () => {
    assert.deepEqual(diagnose(policy(['cams:*']).replace('"Action"', '"NotAction"')), []);
  });

  it('says a Deny has no effect rather than a grant', () => {
    const text = policy(['cams:GetFlow']).replace('Allow', 'Deny');
    assert.match(diagnose(text)[0]!.message, /the deny has no effect/);
  });

  it("gives one warning per action in each of the page's example policies", () => {
    // The page's example of every action is longer than RAM's limit, so it also gets that error.
    const [readOnly, everything] = pageExamplePolicies();
    for (const example of [readOnly!, everything!]) {
      const found = diagnose(example.text);
      const warnings = found.filter((d) => d.code === 'resource-group-unsupported');
      assert.equal(warnings.length, example.actions.length);
    }
    assert.equal(diagnose(readOnly!.text).length, readOnly!.actions.length);
    assert.deepEqual(
      codes(diagnose(everything!.text)).filter((code) => code !== 'resource-group-unsupported'),
      ['policy-too-long'],
    );
  });
});

describe('the rule catalogue', () => {
  it('gives every rule a distinct stable id, a severity and a documentation link', () => {
    const ids = ALL_RULES.map((rule) => rule.id);
    assert.equal(new Set(ids).size, ids.length);
    assert.ok(ALL_RULES.every((rule) => /^[a-z]+(-[a-z]+)*$/.test(rule.id) && rule.documentation));
  });
});

describe('documents beyond analysis', () => {
  const policyFiles = contextWith({ policyFiles: ['**/*.json'] });

  it('reports a document nested deeper than the limit once, and analyses nothing else', () => {
    for (const opener of ['[', '{"a":']) {
      const text = `{"Statement": ${opener.repeat(10_000)}`;
      const found = diagnose(text, policyFiles);
      assert.deepEqual(codes(found), ['policy-too-large']);
      assert.match(found[0]!.message, /nests arrays and objects over 1,000 levels/);
    }
  });

  it('answers completion, hover and code actions on it with nothing, without throwing', () => {
    const document = policyDocument(`{"Statement": ${'['.repeat(10_000)}`);
    const start = document.positionAt(20);
    const range = { start, end: start };
    assert.deepEqual(service.complete(document, start, policyFiles).items, []);
    assert.equal(service.hover(document, start, policyFiles), null);
    assert.deepEqual(service.codeActions(document, range, [], policyFiles), []);
  });

  it('is never answered from an earlier text sent under the same version', () => {
    const first = policyDocument(policy(['cams:GetFlow']), 'same.json');
    const second = policyDocument(policy(['cams:GetFlowX']), 'same.json');
    assert.deepEqual(codes(service.validate(first, unknownScope)), []);
    assert.deepEqual(codes(service.validate(second, unknownScope)), ['unknown-action']);
  });
});

describe('the order and wording of findings', () => {
  it('lists findings in document order', () => {
    const text = policy(['cams:Nope', 'cams:GetFlow', 'cams:Zilch']);
    const lines = diagnose(text).map((d) => d.range.start.line);
    assert.deepEqual(
      lines,
      [...lines].sort((a, b) => a - b),
    );
  });

  it('says nothing of a name whose string is still being typed', () => {
    const text = '{"Version": "1", "Statement": [{"Effect": "Allow", "Action": ["cams:Sen';
    assert.ok(!codes(diagnose(text, unknownScope)).includes('unknown-action'));
  });

  it('suggests the split only on a statement that also grants supported actions', () => {
    const mixed = diagnose(policy(['cams:CreateInstance', 'cams:GetFlow']));
    const single = diagnose(policy(['cams:GetFlow']));
    assert.match(mixed[0]!.message, /Split the statement, then grant it/);
    assert.match(single[0]!.message, /Grant it in a policy attached at account scope instead/);
    assert.doesNotMatch(single[0]!.message, /[Ss]plit/);
  });

  it('speaks of denying in a Deny statement', () => {
    const text = policy(['cams:GetFlow']).replace('Allow', 'Deny');
    assert.match(diagnose(text)[0]!.message, /Deny it in a policy attached at account scope/);
  });

  it('allows for an action newer than the dated catalogue', () => {
    const [found] = diagnose(policy(['cams:BeeBotChat']), unknownScope);
    assert.match(found!.message, /is not a known ChatApp Message Service action \(catalogue of/);
  });
});
