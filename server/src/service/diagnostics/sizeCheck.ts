// A policy longer than RAM's limit for custom policies is refused when it is created.
import type { Diagnostic } from 'vscode-languageserver-types';

import { propertiesOf } from '../policyElements';
import { characterCount, compactCharacterCount, POLICY_LENGTH_LIMIT } from '../policySize';
import { RULES } from '../rules/ruleCatalogue';
import { nodeRange, rangeOf, report } from './report';
import type { ValidationInput } from './validate';

export function checkPolicySize({ document, policy }: ValidationInput): Diagnostic[] {
  const length = characterCount(policy.text);
  if (length <= POLICY_LENGTH_LIMIT) return [];

  // The Statement key carries the error: marking the whole document would hide every other one.
  const statementKey = propertiesOf(policy.root).find((p) => p.key === 'Statement')?.keyNode;
  const range = statementKey
    ? nodeRange(document, statementKey, policy.text)
    : rangeOf(document, policy.root?.offset ?? 0, 1);
  return [
    report(RULES.policyTooLong, range, sizeMessage(length, compactCharacterCount(policy.text))),
  ];
}

function sizeMessage(length: number, compact: number): string {
  const limit = POLICY_LENGTH_LIMIT.toLocaleString('en-US');
  const compactFits = compact <= POLICY_LENGTH_LIMIT;
  return [
    `The policy is ${length.toLocaleString('en-US')} characters as written,`,
    `over RAM's limit of ${limit} for a custom policy`,
    `(${compact.toLocaleString('en-US')} without whitespace outside strings;`,
    "RAM's documentation does not say whether whitespace counts).",
    compactFits
      ? 'Remove the whitespace, or split it into several policies.'
      : 'Split it into several policies.',
  ].join(' ');
}
