// How actions are written, beyond whether the catalogue knows them: the `<ram-code>:<action-name>`
// format or `*`, a cams API name without its service, and a cams name in other than its
// documented case (RAM matches names without case, but the documentation gives one spelling).
import type { Diagnostic } from 'vscode-languageserver-types';

import { isWildcard } from '../catalogue';
import type { ActionEntry } from '../policyDocument';
import { RULES } from '../rules/ruleCatalogue';
import { nodeRange, report, shown } from './report';
import type { ValidationInput } from './validate';

// A service code and an action name, either possibly with wildcards, and nothing else.
const ACTION_FORMAT = /^[A-Za-z0-9*?][\w*?.-]*:[\w*?.-]+$/;

export function checkActionNames(input: ValidationInput): Diagnostic[] {
  return input.policy.statements.flatMap((statement) =>
    (statement.action?.entries ?? []).flatMap((entry) => checkName(input, entry)),
  );
}

function checkName(input: ValidationInput, entry: ActionEntry): Diagnostic[] {
  const { catalogue } = input;
  const value = entry.value;
  const range = nodeRange(input.document, entry.node, input.policy.text);

  // A cams name that does not fit the format is an unknown action, reported as such.
  if (catalogue.ownsAction(value)) {
    const documented = isWildcard(value) ? undefined : catalogue.lookup(value);
    if (!documented || documented.name === value) return [];
    const message = `Write ${documented.name}, as documented. RAM matches names without case.`;
    return [report(RULES.actionCase, range, message)];
  }
  if (value === '*' || ACTION_FORMAT.test(value)) return [];

  const qualified = value.includes(':')
    ? undefined
    : catalogue.lookup(`${catalogue.ramCode}:${value}`);
  if (qualified) {
    const message = `${shown(value)} has no service: write ${qualified.name}.`;
    return [report(RULES.actionMissingService, range, message)];
  }
  const message = [
    `${shown(JSON.stringify(value))} is not an action: write <ram-code>:<action-name>,`,
    'such as cams:SendChatappMessage, or "*".',
  ].join(' ');
  return [report(RULES.actionFormat, range, message)];
}
