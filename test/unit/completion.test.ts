// Completion: cams actions and wildcards in Action and NotAction values, the policy's own keys,
// and the fixed values of Version and Effect, in complete and half-typed policies.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  type CompletionItem,
  CompletionItemKind,
  InsertTextFormat,
  type MarkupContent,
  type TextEdit,
} from 'vscode-languageserver-types';

import { completePolicy } from '../../server/src/service/completion/completion';
import { parsePolicy } from '../../server/src/service/policyDocument';
import {
  catalogue,
  documentWithCursor,
  resourceGroupScope,
  service,
  unknownScope,
} from './support';

/** The items offered at the `|` in a policy. */
function complete(textWithCursor: string, context = unknownScope): CompletionItem[] {
  const { document, position } = documentWithCursor(textWithCursor);
  return service.complete(document, position, context).items;
}

function labels(items: readonly CompletionItem[]): string[] {
  return items.map((item) => item.label);
}

function itemNamed(items: readonly CompletionItem[], label: string): CompletionItem {
  const item = items.find((candidate) => candidate.label === label);
  assert.ok(item, `no completion item ${label}`);
  return item;
}

/** The policy text after accepting the item labelled `label` at the `|`. */
function accept(textWithCursor: string, label: string): string {
  const { document, position } = documentWithCursor(textWithCursor);
  const item = itemNamed(service.complete(document, position, unknownScope).items, label);
  return TextDocument.applyEdits(document, [item.textEdit as TextEdit]);
}

function documentationOf(item: CompletionItem): string {
  return (item.documentation as MarkupContent).value;
}

const actionCount = catalogue.actions.length;

describe('completion of actions', () => {
  it('offers every catalogue action right after "Action": and inserts it quoted', () => {
    const policy = '{"Statement": [{"Effect": "Allow", "Action": |}]}';
    const items = complete(policy);

    assert.equal(items.filter((item) => !item.label.includes('*')).length, actionCount);
    assert.equal(
      accept(policy, 'cams:CreateInstance'),
      '{"Statement": [{"Effect": "Allow", "Action": "cams:CreateInstance"}]}',
    );
  });

  it('offers actions in an empty array', () => {
    const policy = '{"Statement": [{"Effect": "Allow", "Action": [|]}]}';

    assert.equal(
      accept(policy, 'cams:ListInstance'),
      '{"Statement": [{"Effect": "Allow", "Action": ["cams:ListInstance"]}]}',
    );
  });

  it('offers actions after a comma, leaving out those already listed', () => {
    const items = complete(
      '{"Statement": [{"Effect": "Allow", "Action": ["cams:ListInstance", |]}]}',
    );

    assert.ok(labels(items).includes('cams:CreateInstance'));
    assert.ok(!labels(items).includes('cams:ListInstance'));
  });

  it('treats a listed name in another case as listed, as RAM matches without case', () => {
    const items = complete(
      '{"Statement": [{"Effect": "Allow", "Action": ["cams:listinstance", "|"]}]}',
    );

    assert.ok(!labels(items).includes('cams:ListInstance'));
  });

  it('still offers the action being typed, which is not yet listed', () => {
    const items = complete(
      '{"Statement": [{"Effect": "Allow", "Action": ["cams:ListInstance|"]}]}',
    );

    assert.ok(labels(items).includes('cams:ListInstance'));
  });

  it('replaces a half-typed name up to the closing quote without doubling it', () => {
    const policy = '{"Statement": [{"Effect": "Allow", "Action": ["cams:Send|"]}]}';
    const item = itemNamed(complete(policy), 'cams:SendChatappMessage');

    assert.equal(item.filterText, 'cams:SendChatappMessage');
    assert.equal(
      accept(policy, 'cams:SendChatappMessage'),
      '{"Statement": [{"Effect": "Allow", "Action": ["cams:SendChatappMessage"]}]}',
    );
  });

  it('replaces the whole name when the cursor is in its middle', () => {
    const policy = '{"Statement": [{"Effect": "Allow", "Action": ["cams:Li|stInst"]}]}';

    assert.equal(
      accept(policy, 'cams:ListInstance'),
      '{"Statement": [{"Effect": "Allow", "Action": ["cams:ListInstance"]}]}',
    );
  });

  it('closes a string that has no closing quote', () => {
    const policy = '{"Statement": [{"Effect": "Allow", "Action": ["cams:Send|';

    assert.equal(
      accept(policy, 'cams:SendChatappMessage'),
      '{"Statement": [{"Effect": "Allow", "Action": ["cams:SendChatappMessage"',
    );
  });

  it('adds the comma when another entry follows the inserted one', () => {
    const policy = '{"Statement": [{"Action": [| "cams:ListInstance"]}]}';

    assert.equal(
      accept(policy, 'cams:CreateInstance'),
      '{"Statement": [{"Action": ["cams:CreateInstance", "cams:ListInstance"]}]}',
    );
  });

  it('completes NotAction values too', () => {
    const items = complete('{"Statement": [{"Effect": "Deny", "NotAction": ["|"]}]}');

    assert.ok(labels(items).includes('cams:CreateInstance'));
  });

  it('completes the Action of a Statement written as one object', () => {
    const items = complete('{"Statement": {"Effect": "Allow", "Action": "cams:|"}}');

    assert.ok(labels(items).includes('cams:CreateInstance'));
  });

  it('works in a policy with no closing brackets and a trailing comma', () => {
    const items = complete('{"Version": "1", "Statement": [{"Action": ["cams:ListInstance", |');

    assert.ok(labels(items).includes('cams:CreateInstance'));
  });

  it('offers no action outside Action and NotAction', () => {
    const resourceItems = complete('{"Statement": [{"Effect": "Allow", "Resource": "|"}]}');
    assert.ok(!resourceItems.some((item) => item.label.startsWith('cams:')));
    assert.deepEqual(
      complete('{"Statement": [{"Action": "cams:*", "Condition": {"Bool": {"a": "|"}}}]}'),
      [],
    );
  });

  it('offers nothing just after a complete entry, where a comma must come first', () => {
    assert.deepEqual(
      complete('{"Statement": [{"Effect": "Allow", "Action": ["cams:ListInstance"|]}]}'),
      [],
    );
  });

  it('sorts the actions by name first, and the wildcards after them', () => {
    const items = complete('{"Statement": [{"Effect": "Allow", "Action": [|]}]}');
    const sorted = [...items].sort((a, b) => ((a.sortText ?? '') < (b.sortText ?? '') ? -1 : 1));
    const names = labels(sorted);
    const firstWildcard = names.findIndex((name) => name.includes('*'));

    assert.equal(names[0], 'cams:AddAddressRecoverSuspend');
    assert.equal(names[firstWildcard], 'cams:*');
    assert.ok(names.slice(firstWildcard).every((name) => name.includes('*')));
    assert.ok(names.indexOf('cams:Get*') > names.indexOf('cams:Delete*'));
  });

  it('puts the action before the family when a typed name fits both', () => {
    const items = complete('{"Statement": [{"Effect": "Allow", "Action": ["cams:Sen|"]}]}');
    const order = (label: string) => itemNamed(items, label).sortText ?? '';
    assert.ok(order('cams:SendChatappMessage') < order('cams:Send*'));
  });

  it('offers actions right after an opening bracket, with a comma before what follows', () => {
    const text = '{"Statement": [{"Effect": "Allow", "Action": [|"cams:ListInstance"]}]}';
    const item = itemNamed(complete(text), 'cams:GetFlow');
    assert.equal(
      item.textEdit && 'newText' in item.textEdit && item.textEdit.newText,
      '"cams:GetFlow",',
    );
  });

  it('replaces only the name being typed in an unclosed string, keeping the bracket after it', () => {
    const text = '{"Statement": [{"Effect": "Allow", "Action": ["cams:Sen|],\n"Resource": "*"}]}';
    const { document } = documentWithCursor(text);
    const item = itemNamed(complete(text), 'cams:SendChatappMessage');
    const edited = TextDocument.applyEdits(document, [item.textEdit as TextEdit]);
    assert.match(edited, /"Action": \["cams:SendChatappMessage"\],\n"Resource"/);
  });
});

describe('completion item details', () => {
  const items = complete('{"Statement": [{"Effect": "Allow", "Action": [|]}]}');

  it('gives the access level and resource-group authorization of an action', () => {
    const supported = itemNamed(items, 'cams:CreateInstance');
    const unsupported = itemNamed(items, 'cams:AddChatGroup');
    const undocumented = itemNamed(items, 'cams:ChangeResourceGroup');

    assert.equal(supported.detail, 'create · resource-group authorization');
    assert.equal(unsupported.detail, 'create · no resource-group authorization');
    assert.equal(undocumented.detail, 'update · resource-group authorization not documented');
    const valueKinds: (CompletionItemKind | undefined)[] = [
      CompletionItemKind.Value,
      CompletionItemKind.EnumMember,
    ];
    assert.ok(valueKinds.includes(supported.kind));
  });

  it('documents an action with its description', () => {
    const documentation = documentationOf(itemNamed(items, 'cams:CreateInstance'));

    assert.match(documentation, /Creates a ChatApp Message Service instance\./);
    assert.doesNotMatch(documentation, /derived/);
  });

  it('says when the description was derived from the action name', () => {
    const documentation = documentationOf(itemNamed(items, 'cams:AddAuditViberOpen'));

    assert.match(documentation, /Add audit viber open\. \*\(derived from the action name\)\*/);
  });

  it('offers cams:* covering every action', () => {
    const all = itemNamed(items, 'cams:*');
    const accountOnly = catalogue.actions.filter(
      (action) => action.resourceGroupAuthorization === 'unsupported',
    ).length;

    assert.equal(
      all.detail,
      `covers ${actionCount} actions · ${accountOnly} without resource-group authorization`,
    );
  });

  it('offers one wildcard per verb family of two or more actions', () => {
    const wildcards = labels(items).filter((label) => label.endsWith('*'));

    assert.ok(wildcards.includes('cams:Get*'));
    assert.ok(wildcards.includes('cams:List*'));
    assert.ok(wildcards.includes('cams:Update*'));
    assert.ok(wildcards.includes('cams:Send*'), 'Send has two actions');
    assert.ok(!wildcards.includes('cams:Move*'), 'Move has one action');
  });

  it('says how many actions a family wildcard covers and how many lack the authorization', () => {
    const list = itemNamed(items, 'cams:List*');
    const covered = catalogue.expand('cams:List*');
    const supported = covered.filter((a) => a.resourceGroupAuthorization !== 'unsupported');
    const accountOnly = covered.length - supported.length;

    assert.equal(
      list.detail,
      `covers ${covered.length} actions · ${accountOnly} without resource-group authorization`,
    );
    assert.ok(supported.some((action) => action.name === 'cams:ListInstance'));
    assert.match(documentationOf(list), /do not support resource-group authorization/);
  });

  it('offers the same items whatever the attachment scope', () => {
    const policy = '{"Statement": [{"Effect": "Allow", "Action": [|]}]}';

    assert.deepEqual(labels(complete(policy, resourceGroupScope)), labels(complete(policy)));
  });
});

describe('completion of policy keys', () => {
  it('offers Statement at the top level when Version is present', () => {
    assert.deepEqual(labels(complete('{"Version": "1", |}')), ['Statement']);
  });

  it('offers Version and Statement in an empty policy', () => {
    const { document, position } = documentWithCursor('{|}');
    const policy = parsePolicy(document.getText());
    const list = completePolicy({ document, policy, catalogue, position });

    assert.deepEqual(labels(list.items), ['Version', 'Statement']);
  });

  it('offers the statement keys the statement lacks', () => {
    const items = complete('{"Statement": [{"Effect": "Allow", |}]}');

    assert.deepEqual(labels(items), ['Action', 'NotAction', 'Resource', 'Condition']);
  });

  it('offers neither Action nor NotAction when the statement has one of them', () => {
    const items = complete('{"Statement": [{"NotAction": ["cams:*"], |}]}');

    assert.deepEqual(labels(items), ['Effect', 'Resource', 'Condition']);
  });

  it('inserts the key with a snippet for its value', () => {
    const items = complete('{"Statement": [{|}]}');
    const snippets = Object.fromEntries(items.map((item) => [item.label, item.textEdit?.newText]));

    assert.deepEqual(snippets, {
      Effect: '"Effect": "${1|Allow,Deny|}"',
      Action: '"Action": [ "$1" ]',
      NotAction: '"NotAction": [ "$1" ]',
      Resource: '"Resource": "${1:*}"',
      Condition: '"Condition": { $1 }',
    });
    assert.ok(items.every((item) => item.insertTextFormat === InsertTextFormat.Snippet));
  });

  it('inserts Version with its only value, "1"', () => {
    const items = complete('{"Statement": [], |}');

    assert.deepEqual(labels(items), ['Version']);
    assert.equal(itemNamed(items, 'Version').textEdit?.newText, '"Version": "1"');
  });

  it('inserts Statement with a statement to fill in', () => {
    const statement = itemNamed(complete('{"Version": "1", |}'), 'Statement');

    assert.match(
      statement.textEdit?.newText ?? '',
      /^"Statement": \[\s*\{\s*"Effect": [^]*"Action": [^]*"Resource": [^]*\}\s*\]$/,
    );
  });

  it('completes a half-typed key, replacing its closing quote with the whole property', () => {
    const policy = '{"Statement": [{"Eff|"}]}';

    assert.equal(accept(policy, 'Effect'), '{"Statement": [{"Effect": "${1|Allow,Deny|}"}]}');
    assert.equal(itemNamed(complete(policy), 'Effect').filterText, 'Effect');
  });

  it('completes a half-typed key without a closing quote', () => {
    assert.equal(
      accept('{"Statement": [{"Res|', 'Resource'),
      '{"Statement": [{"Resource": "${1:*}"',
    );
  });

  it('replaces only the key text when the key already has its value', () => {
    assert.equal(
      accept('{"Statement": [{"Eff|": "Allow"}]}', 'Effect'),
      '{"Statement": [{"Effect": "Allow"}]}',
    );
  });

  it('adds the comma when another property follows', () => {
    assert.equal(
      accept('{"Statement": [{"Effect": "Allow", | "Resource": "*"}]}', 'Condition'),
      '{"Statement": [{"Effect": "Allow", "Condition": { $1 }, "Resource": "*"}]}',
    );
  });

  it('asks for action suggestions after inserting an action list', () => {
    const items = complete('{"Statement": [{|}]}');

    assert.equal(itemNamed(items, 'Action').command?.command, 'editor.action.triggerSuggest');
    assert.equal(itemNamed(items, 'Effect').command, undefined);
  });

  it('offers no statement keys inside a Condition', () => {
    const items = labels(complete('{"Statement": [{"Condition": {|}}]}'));
    assert.ok(!items.includes('Effect') && !items.includes('Action'));
  });
});

describe('completion of fixed values', () => {
  it('offers "1" for Version', () => {
    assert.equal(
      accept('{"Statement": [], "Version": |}', '1'),
      '{"Statement": [], "Version": "1"}',
    );
  });

  it('offers Allow and Deny for Effect', () => {
    const policy = '{"Statement": [{"Effect": "|"}]}';

    assert.deepEqual(labels(complete(policy)), ['Allow', 'Deny']);
    assert.equal(accept(policy, 'Deny'), '{"Statement": [{"Effect": "Deny"}]}');
  });
});

describe('completion robustness', () => {
  const brokenPolicies = [
    '{"Statement": [{"Effect": "Allow", "Action": ["cams:Get", , "',
    '{"Statement": [{"Action": "cams:*", "Resource": "*",}],}',
    '{"Statement" [{"Action": ["\\u12", "cams:x"]} // comment',
    '{"Statement": {"Effect": "Allow" "Action": ["a" "b"]}}}]]',
    '["Statement", {"Action": "',
    '',
  ];

  it('never throws, at any offset of broken policies', () => {
    for (const text of brokenPolicies) {
      for (let offset = 0; offset <= text.length; offset++) {
        const { document, position } = documentWithCursor(
          text.slice(0, offset) + '|' + text.slice(offset),
        );
        const policy = parsePolicy(document.getText());
        assert.doesNotThrow(() => completePolicy({ document, policy, catalogue, position }));
      }
    }
  });
});
