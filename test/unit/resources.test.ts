// Resources: the ARN format RAM checks, cams instance ARNs, resources that actions documented
// with "All Resources" do not take, and completion of the cams ARN templates.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  type CompletionItem,
  type Diagnostic,
  DiagnosticSeverity,
  InsertTextFormat,
  type TextEdit,
} from 'vscode-languageserver-types';

import { parseResource } from '../../server/src/service/arn';
import { documentWithCursor, policyDocument, service, unknownScope } from './support';

function statementPolicy(statement: Record<string, unknown>): string {
  return JSON.stringify({ Version: '1', Statement: [statement] }, null, 2);
}

/** A policy granting `action` on `resource`. */
function grant(resource: unknown, action: unknown = 'cams:QueryInstance'): string {
  return statementPolicy({ Effect: 'Allow', Action: action, Resource: resource });
}

function diagnose(text: string): Diagnostic[] {
  return service.validate(policyDocument(text), unknownScope);
}

/** Each diagnostic as `code: underlined text`. */
function found(text: string): string[] {
  const document = policyDocument(text);
  return diagnose(text).map((d) => `${d.code}: ${document.getText(d.range)}`);
}

describe('the ARN of a resource', () => {
  it('accepts *, cams instance ARNs and ARNs of other services', () => {
    const resources = [
      '*',
      'acs:cams:*:*:instance/*',
      'acs:cams:cn-hangzhou:123456789:instance/cams-abc',
      'acs:ram::123456789:role/admin',
      'acs:oss:*:*:bucket/path:with:colons',
    ];
    assert.deepEqual(found(grant(resources)), []);
  });

  it('reports a resource that does not start with acs: as an invalid ARN prefix', () => {
    const text = grant(['arn:aws:s3:::bucket', 'ACS:cams:*:*:instance/*', 'instance/*', '']);
    const diagnostics = diagnose(text);

    assert.deepEqual(found(text), [
      'arn-prefix: arn:aws:s3:::bucket',
      'arn-prefix: ACS:cams:*:*:instance/*',
      'arn-prefix: instance/*',
      'arn-prefix: ',
    ]);
    assert.ok(diagnostics.every((d) => d.severity === DiagnosticSeverity.Error));
    assert.match(diagnostics[0]!.message, /^Invalid ARN prefix: arn: is AWS's/);
    assert.match(diagnostics[1]!.message, /write it in lower case, acs/);
    assert.match(diagnostics[3]!.message, /^Empty resource/);
  });

  it('reports an ARN with fewer than five fields as a missing ARN field', () => {
    const text = grant('acs:cams:*:instance/*');
    const diagnostics = diagnose(text);

    assert.deepEqual(found(text), ['arn-missing-field: acs:cams:*:instance/*']);
    assert.equal(diagnostics[0]!.severity, DiagnosticSeverity.Error);
    assert.match(diagnostics[0]!.message, /has 4 of the 5 fields/);
  });

  it('reports an empty service or relative id, but not an empty region or account', () => {
    assert.deepEqual(found(grant(['acs::*:*:instance/*', 'acs:cams:*:*:', 'acs:ram:::role/x'])), [
      'arn-missing-field: acs::*:*:instance/*',
      'arn-missing-field: acs:cams:*:*:',
    ]);
  });

  it('warns on a cams ARN that names anything but an instance', () => {
    const text = grant(['acs:cams:*:*:template/123', 'acs:cams:*:*:instance/', 'acs:cams:*:*:*']);
    const diagnostics = diagnose(text);

    assert.deepEqual(found(text), [
      'cams-resource-type: acs:cams:*:*:template/123',
      'cams-resource-type: acs:cams:*:*:instance/',
    ]);
    assert.equal(diagnostics[0]!.severity, DiagnosticSeverity.Warning);
    assert.match(diagnostics[0]!.message, /instance\/<InstanceId>, instance\/\* or \*/);
  });

  it('leaves resources that are not strings to the structure checks', () => {
    const findings = found(grant([1, null, { a: 'b' }]));
    assert.ok(
      findings.length > 0 && findings.every((f) => f.startsWith('wrong-type:')),
      `${findings}`,
    );
  });

  it('splits an ARN into its five fields, keeping colons in the relative id', () => {
    assert.deepEqual(parseResource('acs:oss:*:123:bucket/a:b'), {
      kind: 'arn',
      fields: { service: 'oss', region: '*', account: '123', relativeId: 'bucket/a:b' },
    });
  });
});

describe('a specific resource for actions that take none', () => {
  it('hints on the Resource key when every action is documented with "All Resources"', () => {
    const text = grant('acs:cams:*:*:instance/abc', ['cams:SendChatappMessage', 'cams:GetFlow']);
    const diagnostics = diagnose(text);

    assert.deepEqual(found(text), ['resource-not-taken: Resource']);
    assert.equal(diagnostics[0]!.severity, DiagnosticSeverity.Hint);
    assert.match(diagnostics[0]!.message, /None of these actions takes a resource/);
    assert.match(diagnostics[0]!.message, /Use "Resource": "\*"/);
  });

  it('names the action when there is one, and covers wildcards by what they expand to', () => {
    const one = diagnose(grant('acs:cams:*:*:instance/*', 'cams:SendChatappMessage'));
    assert.match(one[0]!.message, /^cams:SendChatappMessage takes no resource/);

    assert.deepEqual(found(grant('acs:cams:*:*:instance/*', 'cams:GetChatapp*')), [
      'resource-not-taken: Resource',
    ]);
  });

  it('says nothing when the resource is *, or * is among the resources', () => {
    assert.deepEqual(found(grant('*', 'cams:SendChatappMessage')), []);
    assert.deepEqual(found(grant(['acs:cams:*:*:instance/*', '*'], 'cams:GetFlow')), []);
  });

  it('says nothing when one action takes a resource, or belongs to another service', () => {
    const mixed = ['cams:SendChatappMessage', 'cams:QueryInstance'];
    assert.deepEqual(found(grant('acs:cams:*:*:instance/*', mixed)), []);
    assert.deepEqual(found(grant('acs:cams:*:*:instance/*', ['cams:GetFlow', 'ecs:Run'])), []);
    assert.deepEqual(found(grant('acs:cams:*:*:instance/*', 'cams:*')), []);
  });

  it('says nothing on a Deny or a NotAction statement', () => {
    const resource = 'acs:cams:*:*:instance/*';
    const deny = statementPolicy({ Effect: 'Deny', Action: 'cams:GetFlow', Resource: resource });
    const notAction = statementPolicy({
      Effect: 'Allow',
      NotAction: 'cams:GetFlow',
      Resource: resource,
    });
    assert.deepEqual(found(deny), []);
    assert.deepEqual(found(notAction), []);
  });
});

describe('completion of resources', () => {
  function complete(textWithCursor: string): CompletionItem[] {
    const { document, position } = documentWithCursor(textWithCursor);
    return service.complete(document, position, unknownScope).items;
  }

  function accept(textWithCursor: string, label: string): string {
    const { document, position } = documentWithCursor(textWithCursor);
    const items = service.complete(document, position, unknownScope).items;
    const item = items.find((candidate) => candidate.label === label);
    assert.ok(item, `no completion item ${label}`);
    return TextDocument.applyEdits(document, [item.textEdit as TextEdit]);
  }

  const TEMPLATES = [
    'acs:cams:*:*:instance/*',
    'acs:cams:{regionId}:{accountId}:instance/{InstanceId}',
    '*',
  ];

  it('offers the cams instance ARNs and * after "Resource":', () => {
    const items = complete('{"Statement": [{"Effect": "Allow", "Resource": |}]}');

    assert.deepEqual(
      items.map((item) => item.label),
      TEMPLATES,
    );
    assert.ok(items.every((item) => item.insertTextFormat === InsertTextFormat.Snippet));
  });

  it('inserts the one-instance ARN as a snippet with tab stops', () => {
    assert.equal(
      accept('{"Statement": [{"Resource": |}]}', TEMPLATES[1]!),
      '{"Statement": [{"Resource": "acs:cams:${1:regionId}:${2:accountId}:instance/${3:InstanceId}"}]}',
    );
  });

  it('completes inside a half-typed string in an array, keeping the closing quote single', () => {
    assert.equal(
      accept('{"Statement": [{"Resource": ["acs:ca|"]}]}', TEMPLATES[0]!),
      '{"Statement": [{"Resource": ["acs:cams:*:*:instance/*"]}]}',
    );
    assert.equal(
      accept('{"Statement": [{"Resource": ["*", "acs:|', TEMPLATES[0]!),
      '{"Statement": [{"Resource": ["*", "acs:cams:*:*:instance/*"',
    );
  });

  it('adds a comma when the ARN goes before another entry', () => {
    assert.equal(
      accept('{"Statement": [{"Resource": [| "*"]}]}', TEMPLATES[0]!),
      '{"Statement": [{"Resource": ["acs:cams:*:*:instance/*", "*"]}]}',
    );
  });

  it('filters by the template as shown rather than by its placeholders', () => {
    const item = complete('{"Statement": [{"Resource": "acs|"}]}')[1]!;
    assert.equal(item.filterText, TEMPLATES[1]);
  });

  it('offers no ARN outside a statement', () => {
    assert.deepEqual(complete('{"Version": "1", "Resource": |}'), []);
  });
});
