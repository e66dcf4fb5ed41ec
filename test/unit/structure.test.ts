// The shape of a policy: its elements, their names, their types and the two kinds of policy.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';

import { policyDocument, service, unknownScope } from './support';

function diagnose(text: string): Diagnostic[] {
  return service.validate(policyDocument(text), unknownScope);
}

/** Each diagnostic as its code and the text it underlines. */
function found(text: string): string[][] {
  const document = policyDocument(text);
  return diagnose(text).map((d) => [String(d.code), document.getText(d.range)]);
}

function policy(statement: string, top = '"Version": "1"'): string {
  return `{ ${top}, "Statement": [ ${statement} ] }`;
}

const ALLOW = '"Effect": "Allow", "Action": "cams:GetFlow", "Resource": "*"';

describe('the top-level elements', () => {
  it('accepts only the string "1" as Version', () => {
    assert.deepEqual(found(policy(`{ ${ALLOW} }`, '"Version": "2012-10-17"')), [
      ['invalid-version', '2012-10-17'],
    ]);
    assert.deepEqual(found(policy(`{ ${ALLOW} }`, '"Version": 1')), [['invalid-version', '1']]);
    assert.match(diagnose(policy(`{ ${ALLOW} }`, '"Version": 1'))[0]!.message, /in quotes/);
  });

  it('reports a missing Version on the opening brace', () => {
    assert.deepEqual(found(`{ "Statement": [ { ${ALLOW} } ] }`), [['missing-element', '{']]);
  });

  it('wants Statement to be a non-empty array of objects', () => {
    assert.deepEqual(found('{ "Version": "1", "Statement": "all" }'), [['wrong-type', 'all']]);
    assert.deepEqual(found(policy('42')), [['wrong-type', '42']]);
    assert.deepEqual(found('{ "Version": "1", "Statement": [] }'), [['empty-array', '[]']]);
  });

  it('only warns on a bare statement object, which RAM neither documents nor forbids', () => {
    const text = `{ "Version": "1", "Statement": { ${ALLOW} } }`;
    const [warning] = diagnose(text);
    assert.equal(warning?.code, 'undocumented-syntax');
    assert.equal(warning?.severity, 2);
    assert.match(warning!.message, /does not say/);
  });

  it('reports unknown elements, and a wrongly cased one with its right name', () => {
    assert.deepEqual(found(policy(`{ ${ALLOW} }`, '"Version": "1", "Id": "x"')), [
      ['unknown-element', 'Id'],
    ]);
    const text = `{ "version": "1", "Statement": [ { ${ALLOW} } ] }`;
    assert.deepEqual(found(text), [['element-case', 'version']]);
    assert.match(diagnose(text)[0]!.message, /Write Version, not version/);
  });
});

describe('the elements of a statement', () => {
  it('requires Effect, Allow or Deny, in that case', () => {
    assert.deepEqual(found(policy('{ "Action": "cams:GetFlow", "Resource": "*" }')), [
      ['missing-element', '{'],
    ]);
    const lower = policy('{ "Effect": "allow", "Action": "cams:GetFlow", "Resource": "*" }');
    assert.deepEqual(found(lower), [['invalid-effect', 'allow']]);
    assert.match(diagnose(lower)[0]!.message, /Write "Allow"/);
    const number = policy('{ "Effect": 1, "Action": "cams:GetFlow", "Resource": "*" }');
    assert.deepEqual(found(number), [['wrong-type', '1']]);
  });

  it('requires exactly one of Action and NotAction, reporting the second', () => {
    assert.deepEqual(found(policy('{ "Effect": "Allow", "Resource": "*" }')), [
      ['missing-action', '{'],
    ]);
    assert.deepEqual(found(policy(`{ ${ALLOW}, "NotAction": "cams:ListFlow" }`)), [
      ['action-and-not-action', 'NotAction'],
    ]);
  });

  it('wants Action and Resource as a string or a non-empty array of strings', () => {
    const text = policy('{ "Effect": "Allow", "Action": ["cams:GetFlow", 7], "Resource": [] }');
    assert.deepEqual(found(text), [
      ['wrong-type', '7'],
      ['empty-array', '[]'],
    ]);
    assert.deepEqual(found(policy('{ "Effect": "Allow", "Action": {}, "Resource": "*" }')), [
      ['wrong-type', '{}'],
    ]);
  });

  it('checks only that Condition is an object', () => {
    assert.deepEqual(found(policy(`{ ${ALLOW}, "Condition": ["a"] }`)), [['wrong-type', '["a"]']]);
  });

  it('reports unknown elements and warns on Sid and NotResource, which RAM does not document', () => {
    const text = policy(`{ "Sid": "1", ${ALLOW}, "NotResource": "x", "Foo": 1 }`);
    assert.deepEqual(found(text), [
      ['undocumented-syntax', 'Sid'],
      ['undocumented-syntax', 'NotResource'],
      ['unknown-element', 'Foo'],
    ]);
    assert.deepEqual(
      diagnose(text).map((d) => d.severity),
      [2, 2, 1],
    );
  });

  it('fixes a wrongly cased element to its right name', () => {
    const text = policy('{ "effect": "Allow", "Action": "cams:GetFlow", "Resource": "*" }');
    const document = policyDocument(text);
    const [diagnostic] = service.validate(document, unknownScope);
    const [fix] = service.codeActions(document, diagnostic!.range, [diagnostic!], unknownScope);
    assert.equal(fix?.title, 'Write Effect');
    const fixed = TextDocument.applyEdits(document, fix!.edit!.changes![document.uri]!);
    assert.deepEqual(diagnose(fixed), []);
  });

  it('names the right case of a statement element', () => {
    const text = policy('{ "Effect": "Allow", "action": "cams:GetFlow", "RESOURCE": "*" }');
    assert.deepEqual(found(text), [
      ['element-case', 'action'],
      ['element-case', 'RESOURCE'],
    ]);
  });
});

describe('identity and trust policies', () => {
  it('requires Resource in an identity policy', () => {
    const text = policy('{ "Effect": "Allow", "Action": "cams:GetFlow" }');
    assert.deepEqual(found(text), [['missing-resource', '{']]);
  });

  it('takes a policy whose statements name a Principal as a trust policy, without Resource', () => {
    const trust =
      '{ "Effect": "Allow", "Action": "sts:AssumeRole", "Principal": { "RAM": ["1"] } }';
    assert.deepEqual(found(policy(trust)), []);
    const other = '{ "Effect": "Allow", "Action": "sts:AssumeRole" }';
    assert.deepEqual(found(policy(`${trust}, ${other}`)), [['missing-principal', '{']]);
  });

  it('checks the shape and kinds of a Principal', () => {
    const statement = (principal: string) =>
      policy(`{ "Effect": "Allow", "Action": "sts:AssumeRole", "Principal": ${principal} }`);
    assert.deepEqual(found(statement('"*"')), [['wrong-type', '*']]);
    assert.deepEqual(found(statement('{ "service": ["fc.aliyuncs.com"] }')), [
      ['element-case', 'service'],
    ]);
    assert.deepEqual(found(statement('{ "AWS": ["x"] }')), [['undocumented-syntax', 'AWS']]);
    assert.deepEqual(found(statement('{ "RAM": [] }')), [['empty-array', '[]']]);
  });
});

describe('duplicate keys', () => {
  it('reports the second occurrence, at any depth', () => {
    const text = policy(`{ ${ALLOW}, "Effect": "Deny" }`, '"Version": "1", "Version": "1"');
    const document = policyDocument(text);
    const duplicates = diagnose(text).filter((d) => d.code === 'duplicate-key');
    assert.deepEqual(
      duplicates.map((d) => document.offsetAt(d.range.start)),
      [text.lastIndexOf('Version'), text.lastIndexOf('Effect')],
    );
  });
});

describe('a half-typed policy', () => {
  it('reports no missing element inside an object whose JSON is broken', () => {
    const text = '{ "Version": "1", "Statement": [ { "Effect": "Allow", "Act } ] }';
    assert.ok(diagnose(text).every((d) => String(d.code).startsWith('json-')));
  });
});
