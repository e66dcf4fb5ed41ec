// Files too large to analyse: one information diagnostic that says so, and nothing else.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';

import {
  ANALYSIS_LIMIT_CHARACTERS,
  nestingLimitPassedAt,
} from '../../server/src/service/size/analysisLimit';
import {
  contextWith,
  documentWithCursor,
  policyDocument,
  resourceGroupScope,
  service,
} from './support';

/** A policy of `count` statements, each warned about at resource-group scope. */
function policyOf(count: number): string {
  const statement = { Effect: 'Allow', Action: ['cams:GetFlow', 'cams:Nope'], Resource: '*' };
  const statements = Array.from({ length: count }, () => statement);
  return JSON.stringify({ Version: '1', Statement: statements }, null, 2);
}

/** The number of statements that makes a policy at least `characters` long. */
function statementsFor(characters: number): number {
  const perStatement = policyOf(2).length - policyOf(1).length;
  return Math.ceil((characters - policyOf(1).length) / perStatement) + 1;
}

function largePolicy(characters: number): string {
  return policyOf(statementsFor(characters));
}

describe('a policy too large to analyse', () => {
  const text = largePolicy(ANALYSIS_LIMIT_CHARACTERS);

  it('gets one information diagnostic on its first character that says why', () => {
    const document = policyDocument(text);
    const diagnostics = service.validate(document, resourceGroupScope);

    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.severity, document.getText(d.range)]),
      [['policy-too-large', DiagnosticSeverity.Information, '{']],
    );
    assert.match(diagnostics[0]!.message, /not checked .* Split it into smaller policies/);
  });

  it('is analysed in full at the limit, and not one character past it', () => {
    const small = policyOf(statementsFor(ANALYSIS_LIMIT_CHARACTERS) - 1);
    const atLimit = small + ' '.repeat(ANALYSIS_LIMIT_CHARACTERS - small.length);
    const codes = (text: string) => [
      ...new Set(service.validate(policyDocument(text), resourceGroupScope).map((d) => d.code)),
    ];

    assert.deepEqual(codes(atLimit).sort(), [
      'policy-too-long',
      'resource-group-unsupported',
      'unknown-action',
    ]);
    assert.deepEqual(codes(atLimit + ' '), ['policy-too-large']);
  });

  it('offers no completion, hover or code action', () => {
    const { document, position } = documentWithCursor(
      text.replace('cams:GetFlow', 'cams:|GetFlow'),
    );
    const range = { start: position, end: position };

    assert.deepEqual(service.complete(document, position, resourceGroupScope).items, []);
    assert.equal(service.hover(document, position, resourceGroupScope), null);
    assert.deepEqual(service.codeActions(document, range, [], resourceGroupScope), []);
  });

  it('is told from other large JSON by its start', () => {
    const data = JSON.stringify({ items: Array.from({ length: 60_000 }, (_, id) => ({ id })) });
    assert.ok(data.length > ANALYSIS_LIMIT_CHARACTERS);

    assert.deepEqual(service.validate(policyDocument(data), resourceGroupScope), []);
    const named = contextWith({ policyFiles: ['**/data.json'] });
    const diagnostics = service.validate(policyDocument(data, 'data.json'), named);
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['policy-too-large'],
    );
  });
});

describe('a policy nested too deeply to analyse', () => {
  const deep = (levels: number) =>
    `{"Statement": [{"Effect": "Allow", "Condition": ${'['.repeat(levels)}${']'.repeat(levels)}}]}`;

  it('gets one information diagnostic, not a stack overflow', () => {
    const diagnostics = service.validate(policyDocument(deep(50_000)), resourceGroupScope);
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['policy-too-large'],
    );
    assert.match(diagnostics[0]!.message, /nests arrays and objects over 1,000 levels deep/);
  });

  it('is analysed at the limit, and not one level past it', () => {
    // The policy, its Statement array and the statement are three of the levels.
    const atLimit = service.validate(policyDocument(deep(997)), resourceGroupScope);
    const pastLimit = service.validate(policyDocument(deep(998)), resourceGroupScope);
    // At the limit the policy is analysed: its structure problems are found.
    assert.ok(atLimit.length > 0 && atLimit.every((d) => d.code !== 'policy-too-large'));
    assert.deepEqual(
      pastLimit.map((d) => d.code),
      ['policy-too-large'],
    );
  });

  it('counts no bracket inside a string, and no closing bracket of the wrong kind', () => {
    assert.equal(nestingLimitPassedAt(`["${'['.repeat(2000)}"]`), undefined);
    assert.equal(nestingLimitPassedAt('[}'.repeat(1001)), 2000);
  });
});

describe('a pasted value of any length', () => {
  it('is cut short in the message that quotes it', () => {
    const pattern = `cams:${'Get'.repeat(60_000)}*`;
    const text = JSON.stringify({ Statement: [{ Effect: 'Allow', Action: pattern }] });
    const diagnostic = service
      .validate(policyDocument(text), resourceGroupScope)
      .find((d) => d.code === 'wildcard-matches-nothing');

    assert.ok(diagnostic, 'the wildcard is reported');
    assert.ok(diagnostic.message.length < 200, `${diagnostic.message.length} characters`);
  });
});
