// Hover: what a cams action in an Action or NotAction value does and whether its grants work at
// resource-group scope, and what a wildcard covers.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { Hover, MarkupContent } from 'vscode-languageserver-types';

import { hoverPolicy, LISTED_ACTIONS_LIMIT } from '../../server/src/service/hover/hover';
import { parsePolicy } from '../../server/src/service/policyDocument';
import {
  catalogue,
  documentWithCursor,
  resourceGroupScope,
  service,
  unknownScope,
} from './support';

function hover(textWithCursor: string, context = unknownScope): Hover | null {
  const { document, position } = documentWithCursor(textWithCursor);
  return service.hover(document, position, context);
}

/** The hover's markdown at the `|`, failing when there is no hover. */
function hoverText(textWithCursor: string): string {
  const result = hover(textWithCursor);
  assert.ok(result, 'expected a hover');
  return (result.contents as MarkupContent).value;
}

/** A policy whose one statement has `"Action": [<entry>]`, with the cursor in the entry. */
function actionPolicy(entryWithCursor: string): string {
  return `{"Statement": [{"Effect": "Allow", "Action": [${entryWithCursor}], "Resource": "*"}]}`;
}

const { source } = catalogue;

describe('hover on an action', () => {
  it('names the action and gives its description, authorization, access level and links', () => {
    const text = hoverText(actionPolicy('"cams:Create|Instance"'));

    assert.match(text, /\*\*cams:CreateInstance\*\*/);
    assert.match(text, /Creates a ChatApp Message Service instance\./);
    assert.match(text, /Resource-group authorization:\*\* supported/);
    assert.match(text, /Access level:\*\* create\n/);
    assert.ok(text.includes('api-cams-2020-06-06-createinstance'), 'links the API reference');
    assert.ok(text.includes(source.title) && text.includes(source.lastUpdated), 'cites the source');
  });

  it('covers the string content without its quotes', () => {
    const policy = actionPolicy('"cams:Create|Instance"');
    const result = hover(policy);
    const opening = policy.indexOf('"cams:');

    assert.deepEqual(result?.range, {
      start: { line: 0, character: opening + 1 },
      end: { line: 0, character: opening + 1 + 'cams:CreateInstance'.length },
    });
  });

  it('says when grants of the action have no effect at resource-group scope', () => {
    const text = hoverText(actionPolicy('"cams:AddChat|Group"'));

    assert.match(
      text,
      /Resource-group authorization:\*\* not supported — grants at resource-group/,
    );
    assert.match(text, /resource-group scope have no effect/);
  });

  it('says when the resource-group page does not document the action', () => {
    const text = hoverText(actionPolicy('"cams:ChangeResource|Group"'));

    assert.match(text, /Resource-group authorization:\*\* not documented/);
  });

  it('says when the access level was inferred from the verb', () => {
    const text = hoverText(actionPolicy('"cams:AddChat|Group"'));

    assert.match(text, /Access level:\*\* create \(inferred from the verb\)/);
  });

  it("says when the description was derived from the name, not Alibaba Cloud's wording", () => {
    const derived = hoverText(actionPolicy('"cams:AddAuditViber|Open"'));
    const documented = hoverText(actionPolicy('"cams:AddChat|Group"'));

    assert.match(derived, /derived from the action name, not Alibaba Cloud's wording/);
    assert.doesNotMatch(documented, /derived from the action name/);
  });

  it('matches the name without case and notes the documented spelling', () => {
    const text = hoverText(actionPolicy('"cams:createinst|ance"'));

    assert.match(text, /\*\*cams:CreateInstance\*\*/);
    assert.match(text, /the documented spelling is `cams:CreateInstance`/);
    assert.doesNotMatch(hoverText(actionPolicy('"cams:Create|Instance"')), /documented spelling/);
  });

  it('says that an unknown cams action is not in the catalogue', () => {
    const text = hoverText(actionPolicy('"cams:CreateInstanse|"'));

    assert.match(text, /`cams:CreateInstanse` is not in the ChatApp Message Service/);
    assert.match(text, /Did you mean `cams:CreateInstance`/);
  });

  it('hovers NotAction entries and an Action written as a single string', () => {
    const notAction = '{"Statement": [{"Effect": "Deny", "NotAction": ["cams:List|Instance"]}]}';
    const single = '{"Statement": {"Effect": "Allow", "Action": "cams:List|Instance"}}';

    assert.match(hoverText(notAction), /\*\*cams:ListInstance\*\*/);
    assert.match(hoverText(single), /\*\*cams:ListInstance\*\*/);
  });

  it('says the same whatever the attachment scope', () => {
    const policy = actionPolicy('"cams:AddChat|Group"');

    assert.deepEqual(hover(policy, resourceGroupScope), hover(policy, unknownScope));
  });
});

describe('hover on a wildcard', () => {
  it('counts the actions a family wildcard covers and those lacking the authorization', () => {
    const covered = catalogue.expand('cams:List*');
    const accountOnly = covered.filter((a) => a.resourceGroupAuthorization === 'unsupported');
    const text = hoverText(actionPolicy('"cams:List|*"'));

    assert.ok(accountOnly.length < covered.length, 'cams:ListInstance is supported');
    assert.ok(text.includes(`covers ${covered.length} ChatApp Message Service actions`));
    assert.ok(
      text.includes(`${accountOnly.length} of them do not support resource-group authorization`),
    );
  });

  it(`lists the first ${LISTED_ACTIONS_LIMIT} covered actions, then counts the rest`, () => {
    const covered = catalogue.expand('cams:Get*');
    const text = hoverText(actionPolicy('"cams:Get*|"'));
    const listed = text.split('\n').filter((line) => line.startsWith('- `cams:'));

    assert.equal(listed.length, LISTED_ACTIONS_LIMIT);
    assert.ok(listed[0]?.startsWith(`- \`${covered[0]?.name}\``));
    assert.ok(text.includes(`and ${covered.length - LISTED_ACTIONS_LIMIT} more`));
  });

  it('lists every covered action when there are few, with no "more" line', () => {
    const text = hoverText(actionPolicy('"cams:Send|*"'));

    assert.match(text, /- `cams:SendChatappMassMessage` — no resource-group authorization/);
    assert.match(text, /- `cams:SendChatappMessage` — no resource-group authorization/);
    assert.doesNotMatch(text, /more/);
  });

  it('covers every action for cams:* and for *', () => {
    const expected = `covers ${catalogue.actions.length} ChatApp Message Service actions`;

    assert.ok(hoverText(actionPolicy('"cams:|*"')).includes(expected));
    assert.ok(hoverText(actionPolicy('"|*"')).includes(expected));
  });

  it('understands ? as one character', () => {
    const text = hoverText(actionPolicy('"cams:?istInst|ance"'));

    assert.match(text, /covers 1 ChatApp Message Service action;/);
    assert.match(text, /`cams:ListInstance` — resource-group authorization/);
  });

  it('says when a wildcard covers nothing', () => {
    const text = hoverText(actionPolicy('"cams:Frobnicate|*"'));

    assert.match(text, /`cams:Frobnicate\*` covers no ChatApp Message Service action/);
  });
});

describe('where hover gives nothing', () => {
  it('gives no hover on other services’ actions and wildcards', () => {
    assert.equal(hover(actionPolicy('"ecs:Describe|Instances"')), null);
    assert.equal(hover(actionPolicy('"ecs:|*"')), null);
  });

  it('gives no action hover outside Action and NotAction values', () => {
    const policy = '{"Statement": [{"Effect": "Al|low", "Action": "cams:*", "Resource": "*"}]}';
    const key = '{"Statement": [{"Effect": "Allow", "Act|ion": "cams:*"}]}';
    const condition = '{"Statement": [{"Action": "cams:*", "Condition": {"a": ["cams:|*"]}}]}';

    assert.equal(hover(policy), null);
    assert.doesNotMatch(hoverText(key), /Resource-group authorization/);
    assert.equal(hover(condition), null);
  });

  it('gives no hover just past the closing quote', () => {
    assert.equal(hover(actionPolicy('"cams:CreateInstance"|')), null);
  });

  it('still hovers in a policy missing its closing brackets', () => {
    const { document, position } = documentWithCursor(
      '{"Statement": [{"Effect": "Allow", "Action": ["cams:Create|Instance", ',
    );
    const policy = parsePolicy(document.getText());
    const result = hoverPolicy({ document, policy, catalogue, position });

    assert.match((result?.contents as MarkupContent).value, /\*\*cams:CreateInstance\*\*/);
  });
});

describe('hover on a wildcard of supported actions only', () => {
  it('says all of them support resource-group authorization', () => {
    const found = hover('{"Statement": [{"Effect": "Allow", "Action": ["cams:*Inst|ance"]}]}');
    assert.match(
      JSON.stringify(found?.contents),
      /all of them support resource-group authorization/,
    );
  });
});
