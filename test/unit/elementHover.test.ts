// Hover on the elements of the policy grammar: what each means and the values RAM accepts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { MarkupContent } from 'vscode-languageserver-types';

import { documentWithCursor, service, unknownScope } from './support';

function hoverText(textWithCursor: string): string | undefined {
  const { document, position } = documentWithCursor(textWithCursor);
  const result = service.hover(document, position, unknownScope);
  return result ? (result.contents as MarkupContent).value : undefined;
}

/** A policy with the cursor in the key `key` of its statement. */
function statementKey(keyWithCursor: string, value = '"*"'): string {
  return `{"Version": "1", "Statement": [{"Effect": "Allow", ${keyWithCursor}: ${value}}]}`;
}

describe('hover on policy elements', () => {
  it('gives Version its one allowed value', () => {
    const text = hoverText('{"Ver|sion": "1", "Statement": []}');
    assert.match(text ?? '', /^\*\*Version\*\*\n\nThe version of the policy language\./);
    assert.match(text ?? '', /Allowed value: `"1"`/);
    assert.match(text ?? '', /\[Policy elements\]\(https:\/\/www\.alibabacloud\.com/);
  });

  it('explains Statement at the top level', () => {
    assert.match(hoverText('{"Version": "1", "State|ment": []}') ?? '', /^\*\*Statement\*\*/);
  });

  it('gives Effect its two values, case-sensitive', () => {
    const text = hoverText('{"Statement": [{"Eff|ect": "Allow"}]}');
    assert.match(text ?? '', /`"Allow"` and `"Deny"`, case-sensitive/);
  });

  it('explains each statement element', () => {
    const expected: Record<string, RegExp> = {
      Action: /`<ram-code>:<action-name>`/,
      NotAction: /Every action except these/,
      Resource: /`acs:<service>:<region>:<account>:<relative-id>`/,
      Condition: /`\{ "<operator>": \{ "<key>": value or values \} \}`/,
      Principal: /trust and other resource-based policies only/,
    };
    for (const [key, meaning] of Object.entries(expected)) {
      const cursorKey = `"${key.slice(0, 2)}|${key.slice(2)}"`;
      assert.match(hoverText(statementKey(cursorKey)) ?? '', meaning, key);
    }
  });

  it('covers the key text only, without its quotes', () => {
    const { document, position } = documentWithCursor(statementKey('"Reso|urce"'));
    const result = service.hover(document, position, unknownScope);
    assert.equal(document.getText(result?.range), 'Resource');
  });

  it('gives nothing on a miscased element, a statement key at the top level, or other keys', () => {
    assert.equal(hoverText(statementKey('"eff|ect"')), undefined);
    assert.equal(hoverText('{"Version": "1", "Eff|ect": "Allow", "Statement": []}'), undefined);
    assert.equal(hoverText('{"Version": "1", "Statement": [{"Sid|": "x"}]}'), undefined);
    assert.equal(hoverText('{"Version": "1", "Statement": [{"a": {"Eff|ect": "x"}}]}'), undefined);
    assert.equal(hoverText(statementKey('"toStr|ing"')), undefined);
  });

  it('gives nothing just past the closing quote', () => {
    assert.equal(hoverText('{"Version"|: "1", "Statement": []}'), undefined);
  });
});
