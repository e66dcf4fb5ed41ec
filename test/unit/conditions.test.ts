// Conditions: operators in their exact case, the key format, the common acs: keys, operators
// that fit their keys, value types, undocumented AWS forms; completion and hover of operators
// and keys.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  type CompletionItem,
  type Diagnostic,
  DiagnosticSeverity,
  type MarkupContent,
  type TextEdit,
} from 'vscode-languageserver-types';

import { documentWithCursor, policyDocument, service, unknownScope } from './support';

/** A policy whose one statement has the given Condition. */
function withCondition(condition: unknown): string {
  const statement = { Effect: 'Allow', Action: 'cams:*', Resource: '*', Condition: condition };
  return JSON.stringify({ Version: '1', Statement: [statement] }, null, 2);
}

function diagnose(text: string): Diagnostic[] {
  return service.validate(policyDocument(text), unknownScope);
}

/** Each diagnostic as `code: underlined text`. */
function found(condition: unknown): string[] {
  const text = withCondition(condition);
  const document = policyDocument(text);
  return diagnose(text).map((d) => `${d.code}: ${document.getText(d.range)}`);
}

function messageOf(condition: unknown): string {
  const diagnostics = diagnose(withCondition(condition));
  assert.equal(diagnostics.length, 1, diagnostics.map((d) => d.message).join('\n'));
  return diagnostics[0]!.message;
}

describe('valid conditions', () => {
  it('raise nothing, whatever the family of operator', () => {
    const condition = {
      StringEquals: { 'acs:SourceVpc': ['vpc-1', 'vpc-2'], 'acs:RequestTag/env': 'prod' },
      StringNotEqualsIgnoreCase: { 'acs:AccessId': 'STS.x' },
      StringLike: { 'acs:PrincipalARN': 'acs:ram:*:*:role/*', 'oss:Prefix': 'logs/*' },
      StringNotLike: { 'acs:ResourceTag/owner': 'test-*' },
      NumericLessThanEquals: { 'ecs:Count': ['10', '2.5', '-1'] },
      DateGreaterThan: { 'acs:CurrentTime': '2026-01-31T23:59:59Z' },
      DateLessThan: { 'acs:CurrentTime': ['2026-02-28', '2026-01-31T08:00:00.5+08:00'] },
      Bool: { 'acs:SecureTransport': 'true', 'acs:MFAPresent': ['false'] },
      IpAddress: { 'acs:SourceIp': ['10.0.0.0/8', '192.168.1.1', '2001:db8::/32', '::1'] },
      NotIpAddress: { 'acs:SourceIp': '0.0.0.0/0' },
    };
    assert.deepEqual(found(condition), []);
  });

  it('take JSON numbers and Booleans as the text they stand for', () => {
    assert.deepEqual(
      found({ NumericEquals: { 'ecs:x': 3 }, Bool: { 'acs:MFAPresent': true } }),
      [],
    );
  });

  it('leave keys of other services to those services', () => {
    assert.deepEqual(found({ StringEquals: { 'yundun-waf:Anything': 'x', 'cams:Made': 'y' } }), []);
  });
});

describe('condition operators', () => {
  it('are case-sensitive: a miscased one is an error that names the right case', () => {
    assert.deepEqual(found({ stringequals: { 'acs:SourceVpc': 'v' } }), [
      'unknown-condition-operator: stringequals',
    ]);
    assert.equal(
      messageOf({ stringequals: { 'acs:SourceVpc': 'v' } }),
      'Condition operators are case-sensitive: write StringEquals.',
    );
  });

  it('report an unknown operator with the closest ones', () => {
    const diagnostics = diagnose(withCondition({ StringEqual: { 'acs:SourceVpc': 'v' } }));
    assert.equal(diagnostics[0]!.severity, DiagnosticSeverity.Error);
    assert.match(diagnostics[0]!.message, /Invalid condition operator StringEqual\. Did you mean/);
    assert.match(diagnostics[0]!.message, /StringEquals/);
  });

  it('report an operator nothing resembles with the families there are', () => {
    assert.match(messageOf({ Whatever: {} }), /use a string, numeric, date, Bool or IP address/);
  });

  it('still check the values under a miscased operator', () => {
    assert.deepEqual(found({ bool: { 'acs:SecureTransport': 'yes' } }), [
      'unknown-condition-operator: bool',
      'condition-value-type: yes',
    ]);
  });
});

describe('forms that RAM does not document', () => {
  it('warn on IfExists, ForAnyValue: and ForAllValues:, naming the documented operator', () => {
    for (const operator of [
      'StringEqualsIfExists',
      'ForAnyValue:StringEquals',
      'ForAllValues:StringEquals',
    ]) {
      const diagnostics = diagnose(withCondition({ [operator]: { 'acs:SourceVpc': 'v' } }));
      assert.deepEqual(
        diagnostics.map((d) => d.code),
        ['undocumented-condition-form'],
      );
      assert.equal(diagnostics[0]!.severity, DiagnosticSeverity.Warning);
      assert.match(diagnostics[0]!.message, /RAM does not document .* Write StringEquals alone\./);
    }
  });

  it('warn on Null', () => {
    assert.deepEqual(found({ Null: { 'acs:SourceVpc': 'true' } }), [
      'undocumented-condition-form: Null',
    ]);
    assert.match(messageOf({ Null: { 'acs:SourceVpc': 'true' } }), /does not document the Null/);
  });

  it('check the keys and values under the operator they wrap', () => {
    assert.deepEqual(found({ 'ForAnyValue:NumericEquals': { 'ecs:x': 'ten' } }), [
      'undocumented-condition-form: ForAnyValue:NumericEquals',
      'condition-value-type: ten',
    ]);
  });
});

describe('condition keys', () => {
  it('must be <prefix>:<name>', () => {
    const condition = { StringEquals: { SourceIp: 'x', 'acs:': 'x', ':x': 'x', 'a b:c': 'x' } };
    assert.deepEqual(found(condition), [
      'condition-key-format: SourceIp',
      'condition-key-format: acs:',
      'condition-key-format: :x',
      'condition-key-format: a b:c',
    ]);
    assert.match(messageOf({ Bool: { MFAPresent: 'true' } }), /^Invalid condition key format/);
  });

  it('warn on an acs: key that is not a known common key, with the closest', () => {
    const diagnostics = diagnose(withCondition({ IpAddress: { 'acs:SorceIp': '10.0.0.1' } }));
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['unknown-condition-key'],
    );
    assert.equal(diagnostics[0]!.severity, DiagnosticSeverity.Warning);
    assert.match(
      diagnostics[0]!.message,
      /acs:SorceIp is not a known .* Did you mean acs:SourceIp/,
    );
  });

  it('are matched without case, as the sources spell acs:PrincipalARN both ways', () => {
    assert.deepEqual(found({ StringLike: { 'acs:PrincipalArn': 'acs:ram:*:*:role/*' } }), []);
  });

  it('need a tag name after acs:RequestTag/', () => {
    assert.deepEqual(found({ StringEquals: { 'acs:RequestTag/': 'x' } }), [
      'unknown-condition-key: acs:RequestTag/',
    ]);
  });
});

describe('operators and keys that do not fit', () => {
  it('warn when the operator compares another type than the key holds', () => {
    const diagnostics = diagnose(withCondition({ DateEquals: { 'acs:SourceIp': '10.0.0.1' } }));
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['condition-operator-mismatch'],
    );
    assert.equal(diagnostics[0]!.severity, DiagnosticSeverity.Warning);
    assert.equal(
      diagnostics[0]!.message,
      'acs:SourceIp holds an IP address value, but DateEquals compares date and time values. ' +
        'Use IpAddress or NotIpAddress.',
    );
  });

  it('name a family example when the family has many operators', () => {
    assert.match(
      messageOf({ Bool: { 'acs:CurrentTime': 'true' } }),
      /Use a date and time operator such as DateEquals\./,
    );
  });
});

describe('condition values', () => {
  it('must be numbers under a numeric operator', () => {
    assert.deepEqual(found({ NumericGreaterThan: { 'ecs:x': ['1', '1e3', 'ten', '1.'] } }), [
      'condition-value-type: 1e3',
      'condition-value-type: ten',
      'condition-value-type: 1.',
    ]);
  });

  it('must be ISO 8601 dates under a date operator', () => {
    const values = ['2026-02-29', '2026-13-01', '31/01/2026', '2026-01-31T24:00:00Z', 'today'];
    assert.deepEqual(
      found({ DateLessThan: { 'acs:CurrentTime': values } }).map((f) => f.split(': ')[1]),
      values,
    );
    assert.match(
      messageOf({ DateEquals: { 'acs:CurrentTime': 'today' } }),
      /^Data type mismatch: DateEquals takes an ISO 8601 date and time .*, not "today"\.$/,
    );
  });

  it('must be IP addresses or CIDR blocks under an IP operator', () => {
    const values = ['10.0.0.256', '10.0.0.0/33', '10.0.0', 'fe80::1::2', '2001:db8::/129', 'host'];
    assert.deepEqual(
      found({ IpAddress: { 'acs:SourceIp': values } }).map((f) => f.split(': ')[1]),
      values,
    );
  });

  it('must be one "true" or "false" under Bool', () => {
    assert.deepEqual(found({ Bool: { 'acs:SecureTransport': 'True' } }), [
      'condition-value-type: True',
    ]);
  });

  it('report more than one Boolean as an error on the list', () => {
    const diagnostics = diagnose(withCondition({ Bool: { 'acs:MFAPresent': ['true', 'false'] } }));
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['condition-multiple-boolean'],
    );
    assert.equal(diagnostics[0]!.severity, DiagnosticSeverity.Error);
    assert.match(diagnostics[0]!.message, /^Invalid condition multiple Boolean/);
  });

  it('take any string under a string operator', () => {
    assert.deepEqual(found({ StringEquals: { 'acs:SourceVpc': ['', '10', 'true'] } }), []);
  });

  it('leave shapes other than objects to the structure checks', () => {
    const conditionRules = (condition: unknown) =>
      found(condition).filter((finding) => !finding.startsWith('wrong-type:'));
    assert.deepEqual(conditionRules('StringEquals'), []);
    assert.deepEqual(conditionRules({ StringEquals: ['acs:SourceVpc'] }), []);
    assert.deepEqual(conditionRules({ NumericEquals: { 'ecs:x': [{ a: 1 }, null] } }), []);
  });
});

function complete(textWithCursor: string): CompletionItem[] {
  const { document, position } = documentWithCursor(textWithCursor);
  return service.complete(document, position, unknownScope).items;
}

function accept(textWithCursor: string, label: string): string {
  const item = complete(textWithCursor).find((candidate) => candidate.label === label);
  assert.ok(item, `no completion item ${label}`);
  const { document } = documentWithCursor(textWithCursor);
  return TextDocument.applyEdits(document, [item.textEdit as TextEdit]);
}

function labels(items: readonly CompletionItem[]): string[] {
  return items.map((item) => item.label);
}

describe('completion of condition operators', () => {
  it('offers the 21 documented operators in a Condition, spelt in their exact case', () => {
    const offered = labels(complete('{"Statement": [{"Condition": {|}}]}'));

    assert.equal(offered.length, 21);
    assert.ok(offered.includes('StringEqualsIgnoreCase') && offered.includes('NotIpAddress'));
    assert.ok(!offered.some((label) => /IfExists|ForAnyValue|Null/.test(label)));
  });

  it('inserts an operator with an object for its keys, and asks for key suggestions', () => {
    const text = '{"Statement": [{"Condition": {"Str|"}}]}';
    assert.equal(
      accept(text, 'StringLike'),
      '{"Statement": [{"Condition": {"StringLike": { $1 }}}]}',
    );

    const item = complete(text).find((candidate) => candidate.label === 'StringLike');
    assert.equal(item?.command?.command, 'editor.action.triggerSuggest');
  });

  it('leaves out the operators the Condition already has', () => {
    const offered = labels(complete('{"Statement": [{"Condition": {"Bool": {}, |}}]}'));
    assert.ok(!offered.includes('Bool'));
  });

  it('offers no operator in a Condition outside a statement', () => {
    assert.deepEqual(complete('{"Version": "1", "Condition": {|}}'), []);
  });
});

describe('completion of condition keys', () => {
  it('offers the keys whose values the operator compares', () => {
    assert.deepEqual(labels(complete('{"Statement": [{"Condition": {"Bool": {|}}}]}')), [
      'acs:SecureTransport',
      'acs:MFAPresent',
    ]);
    assert.deepEqual(labels(complete('{"Statement": [{"Condition": {"IpAddress": {"|"}}}]}')), [
      'acs:SourceIp',
    ]);
  });

  it('offers every common key under an operator RAM does not document', () => {
    const offered = labels(complete('{"Statement": [{"Condition": {"Whatever": {|}}}]}'));
    assert.ok(offered.includes('acs:CurrentTime') && offered.includes('acs:SourceVpc'));
  });

  it('inserts a Bool key with a choice of true and false', () => {
    assert.equal(
      accept('{"Statement": [{"Condition": {"Bool": {|}}}]}', 'acs:MFAPresent'),
      '{"Statement": [{"Condition": {"Bool": {"acs:MFAPresent": "${1|true,false|}"}}}]}',
    );
  });

  it('inserts a tag key with a tab stop for the tag name first', () => {
    assert.equal(
      accept(
        '{"Statement": [{"Condition": {"StringEquals": {"acs:Req|"}}}]}',
        'acs:RequestTag/<tag-key>',
      ),
      '{"Statement": [{"Condition": {"StringEquals": {"acs:RequestTag/${1:tag-key}": "$2"}}}]}',
    );
  });
});

function hoverText(textWithCursor: string): string | undefined {
  const { document, position } = documentWithCursor(textWithCursor);
  const result = service.hover(document, position, unknownScope);
  return result ? (result.contents as MarkupContent).value : undefined;
}

describe('hover in a Condition', () => {
  it('explains an operator: its family, meaning and values', () => {
    const text = hoverText('{"Statement": [{"Condition": {"IpAdd|ress": {}}}]}') ?? '';
    assert.match(text, /^\*\*IpAddress\*\* — IP address operator/);
    assert.match(text, /Values: an IP address or CIDR block/);
  });

  it('says when an operator is in the wrong case or in a form RAM does not document', () => {
    const miscased = hoverText('{"Statement": [{"Condition": {"date|equals": {}}}]}') ?? '';
    assert.match(miscased, /case-sensitive: write `DateEquals`/);

    const aws = hoverText('{"Statement": [{"Condition": {"ForAllValues:Str|ingLike": {}}}]}');
    assert.match(aws ?? '', /`ForAllValues:` is not documented by RAM/);
    assert.match(aws ?? '', /\*\*StringLike\*\*/);
  });

  it('explains a common key: its type, operators and how sure the sources are', () => {
    const text = hoverText('{"Statement": [{"Condition": {"Bool": {"acs:MFA|Present": "true"}}}]}');
    assert.match(text ?? '', /^\*\*acs:MFAPresent\*\* — Boolean value/);
    assert.match(text ?? '', /Operators: `Bool`\./);
    assert.match(text ?? '', /documented by RAM/);

    const unsure = hoverText(
      '{"Statement": [{"Condition": {"StringEquals": {"acs:Resource|GroupId": "x"}}}]}',
    );
    assert.match(unsure ?? '', /Not confirmed/);
  });

  it('gives nothing on unknown operators, other services’ keys and condition values', () => {
    assert.equal(hoverText('{"Statement": [{"Condition": {"Wh|atever": {}}}]}'), undefined);
    assert.equal(
      hoverText('{"Statement": [{"Condition": {"Bool": {"oss:Pre|fix": "a"}}}]}'),
      undefined,
    );
    assert.equal(
      hoverText('{"Statement": [{"Condition": {"Bool": {"acs:MFAPresent": "tr|ue"}}}]}'),
      undefined,
    );
  });
});
