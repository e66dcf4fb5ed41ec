// The outline of a policy: one symbol per statement, named by its effect and its actions.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { contextWith, policyDocument, service, unknownScope } from './support';

function outline(text: string): string[] {
  return service.documentSymbols(policyDocument(text), unknownScope).map((symbol) => symbol.name);
}

function policy(...statements: object[]): string {
  return JSON.stringify({ Version: '1', Statement: statements }, null, 2);
}

describe('the outline of a policy', () => {
  it('names each statement by its effect and how many actions it grants', () => {
    const text = policy(
      { Effect: 'Allow', Action: ['cams:GetFlow', 'cams:ListFlow', 'ecs:DescribeInstances'] },
      { Effect: 'Deny', Action: 'cams:DeleteFlow' },
    );
    assert.deepEqual(outline(text), ['Allow · 3 actions', 'Deny · 1 action']);
  });

  it('counts the cams actions a wildcard covers, once each, and names other wildcards', () => {
    const getFlows = service.catalogue.expand('cams:GetFlow*').length;
    const text = policy({ Effect: 'Allow', Action: ['cams:GetFlow*', 'cams:GetFlow', 'ecs:*'] });
    assert.deepEqual(outline(text), [`Allow · ${getFlows} actions + ecs:*`]);
  });

  it('says what "*", NotAction and a statement without actions grant', () => {
    const text = policy(
      { Effect: 'Allow', Action: '*' },
      { Effect: 'Allow', NotAction: ['ram:*', 'sts:*'] },
      { Resource: '*' },
    );
    assert.deepEqual(outline(text), [
      'Allow · every action',
      'Allow · every action but 2 actions',
      'Statement · no actions',
    ]);
  });

  it('spans each statement and selects its effect', () => {
    const text = policy({ Effect: 'Allow', Action: 'cams:GetFlow' });
    const document = policyDocument(text);
    const [symbol] = service.documentSymbols(document, unknownScope);
    assert.equal(document.getText(symbol!.selectionRange), '"Allow"');
    assert.ok(document.getText(symbol!.range).startsWith('{'));
    assert.ok(document.getText(symbol!.range).endsWith('}'));
  });

  it('gives nothing for JSON that is not a policy', () => {
    const document = policyDocument('{ "name": "x" }');
    assert.deepEqual(service.documentSymbols(document, contextWith()), []);
  });
});
