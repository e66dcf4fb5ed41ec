// The rule catalogue as a whole: every rule fires on a policy made for it, a set of valid
// policies that uses every element raises nothing, and users re-level any rule by id.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';

import type { DocumentContext } from '../../server/src/service/languageService';
import {
  POLICY_ELEMENTS,
  PRINCIPAL_KINDS,
  STATEMENT_ELEMENTS,
} from '../../server/src/service/policyElements';
import { ALL_RULES } from '../../server/src/service/rules/ruleCatalogue';
import { readSettings, RULE_LEVELS } from '../../server/src/service/settings';
import { catalogue, contextWith, policyDocument, resourceGroupScope, service } from './support';

const VALID_POLICIES = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'valid-policies');

/** A policy of one statement, written as people write them. */
function withStatement(statement: object, top: object = { Version: '1' }): string {
  return JSON.stringify({ ...top, Statement: [statement] }, null, 2);
}

const ALLOW = { Effect: 'Allow', Resource: '*' };

function withCondition(condition: object): string {
  return withStatement({ ...ALLOW, Action: 'cams:GetFlow', Condition: condition });
}

/** For each rule, a small policy that breaks it, and where it is attached when that matters. */
const BREAKING: Record<string, { text: string; context?: DocumentContext; path?: string }> = {
  'json-syntax': { text: '{ "Version": "1", "Statement": [ { "Effect" "Allow" } ] }' },
  'json-comment': { text: withStatement({ ...ALLOW, Action: 'cams:GetFlow' }) + '\n// note' },
  'json-trailing-comma': {
    text: withStatement({ ...ALLOW, Action: 'x:y' }).replace('"x:y"', '"x:y",'),
  },
  'unknown-action': { text: withStatement({ ...ALLOW, Action: 'cams:SendChatapMessage' }) },
  'wildcard-matches-nothing': { text: withStatement({ ...ALLOW, Action: 'cams:Frob*' }) },
  'resource-group-unsupported': {
    text: withStatement({ ...ALLOW, Action: 'cams:GetFlow' }),
    context: resourceGroupScope,
  },
  'invalid-version': {
    text: withStatement({ ...ALLOW, Action: 'cams:GetFlow' }, { Version: '2012-10-17' }),
  },
  'missing-element': { text: withStatement({ Action: 'cams:GetFlow', Resource: '*' }) },
  'missing-action': { text: withStatement({ ...ALLOW }) },
  'action-and-not-action': {
    text: withStatement({ ...ALLOW, Action: 'cams:GetFlow', NotAction: 'cams:ListFlow' }),
  },
  'missing-resource': { text: withStatement({ Effect: 'Allow', Action: 'cams:GetFlow' }) },
  'missing-principal': {
    text: JSON.stringify({
      Version: '1',
      Statement: [
        { Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: ['fc.aliyuncs.com'] } },
        { Effect: 'Allow', Action: 'sts:AssumeRole' },
      ],
    }),
  },
  'invalid-effect': { text: withStatement({ ...ALLOW, Effect: 'Permit', Action: 'cams:GetFlow' }) },
  'unknown-element': {
    text: withStatement({ ...ALLOW, Action: 'cams:GetFlow' }, { Version: '1', Id: 'x' }),
  },
  'element-case': {
    text: withStatement({ effect: 'Allow', Action: 'cams:GetFlow', Resource: '*' }),
  },
  'undocumented-syntax': { text: withStatement({ Sid: 'Send', ...ALLOW, Action: 'cams:GetFlow' }) },
  'wrong-type': { text: withStatement({ ...ALLOW, Action: 'cams:GetFlow', Condition: 'secure' }) },
  'empty-array': { text: withStatement({ ...ALLOW, Action: [] }) },
  'duplicate-key': {
    text: withStatement({ ...ALLOW, Action: 'cams:GetFlow' }).replace(
      '"Resource": "*"',
      '"Resource": "*", "Resource": "*"',
    ),
  },
  'action-format': { text: withStatement({ ...ALLOW, Action: 'ecs-DescribeInstances' }) },
  'action-missing-service': { text: withStatement({ ...ALLOW, Action: 'SendChatappMessage' }) },
  'action-case': { text: withStatement({ ...ALLOW, Action: 'cams:sendchatappmessage' }) },
  'redundant-action': { text: withStatement({ ...ALLOW, Action: ['cams:Get*', 'cams:GetFlow'] }) },
  'arn-prefix': { text: withStatement({ ...ALLOW, Action: 'ecs:*', Resource: 'arn:x' }) },
  'arn-missing-field': { text: withStatement({ ...ALLOW, Action: 'ecs:*', Resource: 'acs:ecs' }) },
  'cams-resource-type': {
    text: withStatement({ ...ALLOW, Action: 'cams:*', Resource: 'acs:cams:*:*:template/x' }),
  },
  'resource-not-taken': {
    text: withStatement({ ...ALLOW, Action: 'cams:GetFlow', Resource: 'acs:cams:*:*:instance/x' }),
  },
  'unknown-condition-operator': {
    text: withCondition({ Frobnicate: { 'acs:SourceIp': '10.0.0.1' } }),
  },
  'undocumented-condition-form': {
    text: withCondition({ BoolIfExists: { 'acs:SecureTransport': 'true' } }),
  },
  'condition-key-format': { text: withCondition({ StringEquals: { nokey: 'x' } }) },
  'unknown-condition-key': { text: withCondition({ StringEquals: { 'acs:Nope': 'x' } }) },
  'condition-operator-mismatch': {
    text: withCondition({ DateLessThan: { 'acs:SourceIp': '2026-01-01T00:00:00Z' } }),
  },
  'condition-value-type': { text: withCondition({ DateLessThan: { 'acs:CurrentTime': 'soon' } }) },
  'condition-multiple-boolean': {
    text: withCondition({ Bool: { 'acs:SecureTransport': ['true', 'false'] } }),
  },
  'resource-group-condition-unsupported': {
    text: withCondition({ StringEquals: { 'acs:ResourceGroupId': 'rg-1' } }),
  },
  'scope-file-syntax': { text: '{ "scopes": [', path: 'ram-policy-scopes.json' },
  'scope-file-structure': {
    text: JSON.stringify({ scopes: [{ files: 1, scope: 'account' }] }),
    path: 'ram-policy-scopes.json',
  },
  'scope-file-unknown-scope': {
    text: JSON.stringify({ scopes: [{ files: 'a.json', scope: 'group' }] }),
    path: 'ram-policy-scopes.json',
  },
  'scope-file-unknown-property': {
    text: JSON.stringify({ scopes: [{ files: 'a.json', scope: 'account', owner: 'me' }] }),
    path: 'ram-policy-scopes.json',
  },
  'scope-file-account-with-group': {
    text: JSON.stringify({
      scopes: [{ files: 'a.json', scope: 'account', resourceGroupId: 'rg-1' }],
    }),
    path: 'ram-policy-scopes.json',
  },
  'policy-too-large': { text: `{"Statement": ${'['.repeat(2000)}` },
  'policy-too-long': {
    text: withStatement({ ...ALLOW, Action: catalogue.actions.map((action) => action.name) }),
  },
};

function codesOf(text: string, context: DocumentContext = contextWith(), path?: string): string[] {
  return service.validate(policyDocument(text, path), context).map((d) => String(d.code));
}

describe('every rule', () => {
  it('has a policy that breaks it', () => {
    assert.deepEqual(Object.keys(BREAKING).sort(), ALL_RULES.map((rule) => rule.id).sort());
  });

  for (const [id, example] of Object.entries(BREAKING)) {
    it(`${id} fires on its policy`, () => {
      assert.ok(codesOf(example.text, example.context, example.path).includes(id));
    });
  }

  it('says what to do in a short message', () => {
    for (const [id, example] of Object.entries(BREAKING)) {
      const found = service.validate(
        policyDocument(example.text, example.path),
        example.context ?? contextWith(),
      );
      const diagnostic = found.find((d) => d.code === id)!;
      assert.ok(diagnostic.message.length <= 400, `${id}: ${diagnostic.message}`);
      assert.equal(diagnostic.source, 'cams-policy');
    }
  });
});

/** Every .json file under the valid-policies fixtures, by path relative to that folder. */
function validPolicies(folder = VALID_POLICIES): { path: string; text: string }[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return validPolicies(path);
    return [{ path: relative(VALID_POLICIES, path), text: readFileSync(path, 'utf8') }];
  });
}

describe('valid policies', () => {
  // Files under resource-group/ are attached at resource-group scope.
  const context = contextWith({ resourceGroupScopedFiles: ['valid/resource-group/*.json'] });

  for (const { path, text } of validPolicies()) {
    it(`raise nothing at all: ${path}`, () => {
      const found = service.validate(policyDocument(text, `valid/${path}`), context);
      assert.deepEqual(
        found.map((d) => `${d.code}: ${d.message}`),
        [],
      );
    });
  }

  it('between them use every element, both effects and both forms of a list', () => {
    const used = new Set<string>();
    for (const { text } of validPolicies()) collectElements(JSON.parse(text), used);

    const expected = [
      ...POLICY_ELEMENTS,
      ...STATEMENT_ELEMENTS,
      ...PRINCIPAL_KINDS.map((kind) => `Principal.${kind}`),
      'Effect=Allow',
      'Effect=Deny',
      'Action:string',
      'Action:array',
      'Resource:string',
      'Resource:array',
    ];
    assert.deepEqual(
      expected.filter((element) => !used.has(element)),
      [],
    );
  });
});

function collectElements(policy: Record<string, unknown>, used: Set<string>): void {
  Object.keys(policy).forEach((key) => used.add(key));
  for (const statement of policy.Statement as Record<string, unknown>[]) {
    for (const [key, value] of Object.entries(statement)) {
      used.add(key);
      used.add(`${key}:${Array.isArray(value) ? 'array' : typeof value}`);
      if (key === 'Effect') used.add(`Effect=${String(value)}`);
      if (key === 'Principal')
        Object.keys(value as object).forEach((k) => used.add(`Principal.${k}`));
    }
  }
}

describe('the camsPolicy.rules setting', () => {
  const text = withStatement({ ...ALLOW, Action: ['cams:sendchatappmessage', 'cams:Nope'] });

  it('changes the severity of a rule by id', () => {
    const context = contextWith({ rules: { 'action-case': 'error' } });
    const found = service.validate(policyDocument(text), context);
    assert.equal(found.find((d) => d.code === 'action-case')?.severity, 1);
    assert.equal(found.find((d) => d.code === 'unknown-action')?.severity, 2);
  });

  it('silences a rule set to off', () => {
    const context = contextWith({ rules: { 'unknown-action': 'off' } });
    assert.deepEqual(codesOf(text, context), ['action-case']);
  });

  it('is read from settings, and bad entries are reported and ignored one by one', () => {
    const { settings, problems } = readSettings({
      rules: { 'action-case': 'warning', 'no-such-rule': 'off', 'unknown-action': 'loud' },
    });
    assert.deepEqual(settings.rules, { 'action-case': 'warning' });
    assert.equal(problems.length, 2);
    assert.match(problems[0]!, /no rule "no-such-rule"/);
    assert.match(problems[1]!, /camsPolicy\.rules\.unknown-action must be one of error, warning/);
  });

  it('is ignored as a whole when it is not an object', () => {
    const { settings, problems } = readSettings({ rules: ['off'] });
    assert.deepEqual(settings.rules, {});
    assert.match(problems[0]!, /camsPolicy\.rules must be an object/);
  });
});

describe('the declaration of camsPolicy.rules in package.json', () => {
  const manifest = JSON.parse(
    readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8'),
  ) as { contributes: { configuration: { properties: Record<string, RuleSchema> } } };
  const declared = manifest.contributes.configuration.properties['camsPolicy.rules']!;

  it('names every rule id, and only those', () => {
    assert.deepEqual(
      [...declared.propertyNames.enum].sort(),
      ALL_RULES.map((rule) => rule.id).sort(),
    );
  });

  it('offers the levels readSettings accepts, with a default and a description', () => {
    assert.deepEqual(declared.additionalProperties.enum, [...RULE_LEVELS]);
    assert.deepEqual(declared.default, {});
    assert.match(declared.markdownDescription, /Default: `\{\}`/);
  });
});

describe('the rule table of the README', () => {
  const readme = readFileSync(join(__dirname, '..', '..', '..', 'README.md'), 'utf8');
  const rows = [...readme.matchAll(/^\| `([a-z-]+)` +\| (\w+) +\|/gm)].filter(
    ([, id]) => !id!.startsWith('camsPolicy'),
  );

  it('lists every rule once, with its default severity', () => {
    const severity = ['', 'error', 'warning', 'information', 'hint'];
    assert.deepEqual(
      rows.map(([, id, level]) => `${id} ${level}`).sort(),
      ALL_RULES.map((rule) => `${rule.id} ${severity[rule.severity]}`).sort(),
    );
  });
});

interface RuleSchema {
  propertyNames: { enum: string[] };
  additionalProperties: { enum: string[] };
  default: unknown;
  markdownDescription: string;
}
