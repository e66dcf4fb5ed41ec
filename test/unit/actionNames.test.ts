// How actions are written: the format, a missing service, the documented case and redundant
// entries, with the quick fix each offers.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';

import { policyDocument, service, unknownScope } from './support';

function policy(actions: unknown): string {
  const statement = { Effect: 'Allow', Action: actions, Resource: '*' };
  return JSON.stringify({ Version: '1', Statement: [statement] }, null, 2);
}

function diagnose(text: string): Diagnostic[] {
  return service.validate(policyDocument(text), unknownScope);
}

/** The quick fixes offered for the diagnostics of `code`, and the text each one produces. */
function fixes(text: string, code: string): { title: string; result: string }[] {
  const document = policyDocument(text);
  const diagnostics = service.validate(document, unknownScope).filter((d) => d.code === code);
  return diagnostics.flatMap((diagnostic) =>
    service
      .codeActions(document, diagnostic.range, [diagnostic], unknownScope)
      .filter((action) => action.diagnostics?.includes(diagnostic))
      .map((action) => ({ title: action.title, result: applied(document, action) })),
  );
}

function applied(document: TextDocument, action: CodeAction): string {
  const edits = action.edit?.changes?.[document.uri] ?? [];
  return TextDocument.applyEdits(document, edits);
}

function actionsOf(text: string): unknown {
  return (JSON.parse(text) as { Statement: { Action: unknown }[] }).Statement[0]!.Action;
}

describe('the action format', () => {
  it('accepts <ram-code>:<action-name>, wildcards in either part, and "*"', () => {
    const text = policy(['ecs:DescribeInstances', 'yundun-waf:Describe*', '*:Get*']);
    assert.deepEqual(diagnose(text), []);
    assert.deepEqual(diagnose(policy('*')), []);
  });

  it('reports anything else as an error that shows the format', () => {
    for (const value of [
      'ecs-DescribeInstances',
      'ecs:',
      ':Get',
      'ecs:Describe Instances',
      'a:b:c',
    ]) {
      const found = diagnose(policy([value]));
      assert.deepEqual(
        found.map((d) => d.code),
        ['action-format'],
        value,
      );
      assert.match(found[0]!.message, /<ram-code>:<action-name>/);
    }
  });

  it('suggests the service for a cams API name written without it, and fixes it', () => {
    const text = policy(['SendChatappMessage']);
    const [found] = diagnose(text);
    assert.equal(found?.code, 'action-missing-service');
    assert.match(found!.message, /write cams:SendChatappMessage/);
    const [fix] = fixes(text, 'action-missing-service');
    assert.equal(fix?.title, 'Write cams:SendChatappMessage');
    assert.deepEqual(actionsOf(fix!.result), ['cams:SendChatappMessage']);
  });
});

describe('the documented case', () => {
  it('gives a hint, not a warning, with a fix to the documented spelling', () => {
    const text = policy(['CAMS:getflowjsonassest']);
    const [found] = diagnose(text);
    assert.equal(found?.code, 'action-case');
    assert.equal(found?.severity, 4);
    const [fix] = fixes(text, 'action-case');
    assert.deepEqual(actionsOf(fix!.result), ['cams:GetFlowJSONAssest']);
  });

  it('keeps both documented spellings of GetOSSInfoForUploadFile', () => {
    assert.deepEqual(
      diagnose(policy(['cams:GetOSSInfoForUploadFile', 'cams:GetOssInfoForUploadFile'])),
      [],
    );
  });
});

describe('redundant actions', () => {
  it('hints at an action listed twice, in any case, on the second one', () => {
    const text = policy(['cams:GetFlow', 'cams:ListFlow', 'CAMS:getflow']);
    const found = diagnose(text).filter((d) => d.code === 'redundant-action');
    assert.equal(found.length, 1);
    assert.equal(found[0]!.severity, 4);
    assert.equal(found[0]!.range.start.line, 8);
    assert.match(found[0]!.message, /already listed/);
  });

  it('hints at an action or a narrower wildcard that a wildcard already covers', () => {
    const text = policy(['cams:GetFlow', 'cams:Get*', 'cams:GetFlow*', 'ecs:*', 'ecs:Describe*']);
    const document = policyDocument(text);
    const covered = diagnose(text)
      .filter((d) => d.code === 'redundant-action')
      .map((d) => document.getText(d.range));
    assert.deepEqual(covered, ['cams:GetFlow', 'cams:GetFlow*', 'ecs:Describe*']);
  });

  it('takes ecs:Get* to cover ecs:Get?, never the other way round', () => {
    const text = policy(['ecs:Get?', 'ecs:Get*']);
    const document = policyDocument(text);
    assert.deepEqual(
      diagnose(text).map((d) => document.getText(d.range)),
      ['ecs:Get?'],
    );
  });

  it('removes the entry with the right comma, keeping valid JSON, in the middle or at the end', () => {
    const middle = fixes(
      policy(['cams:Get*', 'cams:GetFlow', 'cams:ListFlow']),
      'redundant-action',
    );
    assert.deepEqual(actionsOf(middle[0]!.result), ['cams:Get*', 'cams:ListFlow']);
    const last = fixes(policy(['cams:Get*', 'cams:ListFlow', 'cams:GetFlow']), 'redundant-action');
    assert.deepEqual(actionsOf(last[0]!.result), ['cams:Get*', 'cams:ListFlow']);
    assert.equal(last[0]!.title, 'Remove the redundant cams:GetFlow');

    const oneLine =
      '{"Version":"1","Statement":[{"Effect":"Allow","Action":["x:A","x:*"],"Resource":"*"}]}';
    const [first] = fixes(oneLine, 'redundant-action');
    assert.equal(first!.result, oneLine.replace('"x:A",', ''));
  });

  it('applies to NotAction too', () => {
    const text = policy(['cams:Get*', 'cams:GetFlow']).replace('"Action"', '"NotAction"');
    assert.deepEqual(
      diagnose(text).map((d) => d.code),
      ['redundant-action'],
    );
  });
});
