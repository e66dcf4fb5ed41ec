// A statement whose Condition tests acs:ResourceGroupId relies on resource-group semantics: its
// account-only actions are warned about at any scope, and the split moves them to a statement
// without that key.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse, type ParseError } from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';

import type { DocumentContext } from '../../server/src/service/languageService';
import { contextWith, policyDocument, resourceGroupScope, service, unknownScope } from './support';

const CONDITION_WARNING = 'resource-group-condition-unsupported';

function policyWith(condition: object, effect = 'Allow'): string {
  const statement = {
    Effect: effect,
    Action: ['cams:QueryInstance', 'cams:SendChatappMessage'],
    Resource: '*',
    Condition: condition,
  };
  return JSON.stringify({ Version: '1', Statement: [statement] }, null, 2);
}

const RG_CONDITION = { StringEquals: { 'acs:ResourceGroupId': 'rg-1' } };

function warnings(text: string, context: DocumentContext): Diagnostic[] {
  return service.validate(policyDocument(text), context);
}

/** The split offered for the first warning, applied, as parsed strict JSON. */
function splitResult(text: string, context: DocumentContext) {
  const document = policyDocument(text);
  const diagnostics = service.validate(document, context);
  const warning = diagnostics[0]!;
  const actions = service.codeActions(document, warning.range, [warning], context);
  const split = actions.find((action) => action.title.startsWith('Split statement'));
  assert.ok(split, `a split among ${actions.map((a) => a.title).join(', ')}`);

  const result = TextDocument.applyEdits(document, split.edit!.changes![document.uri]!);
  const errors: ParseError[] = [];
  const value = parse(result, errors, { allowTrailingComma: false, disallowComments: true });
  assert.deepEqual(errors, [], result);
  return { title: split.title, statements: value.Statement as Record<string, unknown>[] };
}

describe('a statement that tests acs:ResourceGroupId', () => {
  it('warns on its account-only actions where nothing says how the policy is attached', () => {
    const found = warnings(policyWith(RG_CONDITION), unknownScope);
    assert.deepEqual(
      found.map((d) => d.code),
      [CONDITION_WARNING],
    );
    assert.match(found[0]!.message, /^cams:SendChatappMessage has no resource-group authorization/);
    assert.match(found[0]!.message, /used in practice; Alibaba Cloud does not document it/);
  });

  it('warns at account scope too, and matches the key without case', () => {
    const condition = { StringLike: { 'ACS:resourcegroupid': 'rg-*' } };
    const found = warnings(
      policyWith(condition),
      contextWith({ defaultAttachmentScope: 'account' }),
    );
    assert.deepEqual(
      found.map((d) => d.code),
      [CONDITION_WARNING],
    );
  });

  it('leaves the warning to the scope check at resource-group scope, once per action', () => {
    const found = warnings(policyWith(RG_CONDITION), resourceGroupScope);
    assert.deepEqual(
      found.map((d) => d.code),
      ['resource-group-unsupported'],
    );
  });

  it('is not warned when the Condition tests other keys only', () => {
    const condition = { IpAddress: { 'acs:SourceIp': '10.0.0.0/8' } };
    assert.deepEqual(warnings(policyWith(condition), unknownScope), []);
  });

  it('splits account-only actions into a statement without the key or an emptied operator', () => {
    const condition = {
      StringEquals: { 'acs:ResourceGroupId': 'rg-1' },
      IpAddress: { 'acs:SourceIp': '10.0.0.0/8' },
    };
    const { title, statements } = splitResult(policyWith(condition), unknownScope);
    assert.match(title, /without the acs:ResourceGroupId condition/);
    assert.deepEqual(statements[0]!['Condition'], condition);
    assert.deepEqual(statements[0]!['Action'], ['cams:QueryInstance']);
    assert.deepEqual(statements[1], {
      Effect: 'Allow',
      Action: ['cams:SendChatappMessage'],
      Resource: '*',
      Condition: { IpAddress: { 'acs:SourceIp': '10.0.0.0/8' } },
    });
  });

  it('keeps the other keys of the operator, and drops Condition when nothing is left', () => {
    const shared = { StringEquals: { 'acs:ResourceGroupId': 'rg-1', 'acs:SourceVpc': 'vpc-1' } };
    const kept = splitResult(policyWith(shared), unknownScope).statements[1];
    assert.deepEqual(kept?.['Condition'], { StringEquals: { 'acs:SourceVpc': 'vpc-1' } });

    const dropped = splitResult(policyWith(RG_CONDITION), unknownScope).statements[1];
    assert.deepEqual(dropped, {
      Effect: 'Allow',
      Action: ['cams:SendChatappMessage'],
      Resource: '*',
    });
  });

  it('is not split in a Deny, where dropping the key would widen what is denied', () => {
    const text = policyWith(RG_CONDITION, 'Deny');
    const document = policyDocument(text);
    const diagnostics = service.validate(document, unknownScope);
    assert.ok(diagnostics.some((d) => d.code === CONDITION_WARNING));
    const titles = service
      .codeActions(document, diagnostics[0]!.range, diagnostics, unknownScope)
      .map((action) => action.title);
    assert.ok(
      titles.every((title) => !title.startsWith('Split statement')),
      titles.join(),
    );
  });
});
