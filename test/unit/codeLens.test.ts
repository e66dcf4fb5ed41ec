// The code lens above each statement counts what it grants and what has no resource-group
// authorization, whatever the attachment scope.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { policyDocument, service, unknownScope } from './support';

function lensTitles(statements: object[]): string[] {
  const text = JSON.stringify({ Version: '1', Statement: statements }, null, 2);
  return service
    .codeLenses(policyDocument(text), unknownScope)
    .map((lens) => `${lens.range.start.line}: ${lens.command?.title}`);
}

describe('the statement code lens', () => {
  it('counts the actions and the account-only ones, where nothing says how it is attached', () => {
    const titles = lensTitles([
      { Effect: 'Allow', Action: ['cams:QueryInstance', 'cams:SendChatappMessage'], Resource: '*' },
      { Effect: 'Allow', Action: 'cams:CreateInstance', Resource: '*' },
    ]);
    assert.deepEqual(titles, [
      '3: Grants 2 actions, 1 without resource-group authorization (account scope only)',
      '11: Grants 1 action, all with resource-group authorization',
    ]);
  });

  it('counts what a wildcard covers once, and other services as written', () => {
    const [title] = lensTitles([
      {
        Effect: 'Deny',
        Action: ['cams:*Instance', 'cams:QueryInstance', 'ecs:DescribeInstances'],
        Resource: '*',
      },
    ]);
    assert.equal(title, '3: Denies 6 actions, all with resource-group authorization');
  });

  it('counts what a NotAction grants', () => {
    const [title] = lensTitles([{ Effect: 'Allow', NotAction: 'cams:*Instance', Resource: '*' }]);
    assert.match(title ?? '', /^3: Grants 281 actions, 280 without resource-group authorization/);
  });

  it('puts no lens on a statement without Action', () => {
    assert.deepEqual(lensTitles([{ Effect: 'Allow', Resource: '*' }]), []);
  });
});
