// Allow statements whose actions all take no resource (documented with "All Resources") but
// that name a specific resource. RAM matches such actions against `*` only, so the grant does
// not match and grants nothing. A hint rather than a warning: the catalogue gives a resource
// type to the five instance actions only; "All Resources" is read from the API pages for some
// of the others (SendChatappMessage, ListChatappTemplate, …) and assumed for the rest.
import type { Diagnostic } from 'vscode-languageserver-types';

import { coverageOf } from '../actionCoverage';
import type { ActionInfo } from '../catalogue';
import type { PolicyStatement } from '../policyDocument';
import { RULES } from '../rules/ruleCatalogue';
import { nodeRange, report } from './report';
import { resourceStrings } from './resourceCheck';
import type { ValidationInput } from './validate';

export function checkResourcesNotTaken(input: ValidationInput): Diagnostic[] {
  return input.policy.statements.flatMap((statement) => checkStatement(input, statement));
}

function checkStatement(input: ValidationInput, statement: PolicyStatement): Diagnostic[] {
  if (statement.effect !== 'Allow' || statement.action?.key !== 'Action') return [];

  const granted = actionsTakingNoResource(input, statement);
  const resources = resourceStrings(statement.resourceNode).map((node) => String(node.value));
  if (!granted || resources.length === 0 || resources.includes('*')) return [];

  const keyNode = statement.resourceNode?.parent?.children?.[0];
  if (!keyNode) return [];
  const range = nodeRange(input.document, keyNode, input.policy.text);
  return [report(RULES.resourceNotTaken, range, message(granted, resources[0]!))];
}

/**
 * The cams actions the statement grants when every entry covers only actions that take no
 * resource; undefined when an entry is another service's, unknown, or covers an action that
 * does take one.
 */
function actionsTakingNoResource(
  input: ValidationInput,
  statement: PolicyStatement,
): ActionInfo[] | undefined {
  const element = statement.action;
  if (!element || element.entries.length === 0) return undefined;

  const granted: ActionInfo[] = [];
  for (const entry of element.entries) {
    const coverage = coverageOf(entry, input.catalogue);
    if (coverage.kind === 'foreign' || coverage.covered.length === 0) return undefined;
    if (coverage.covered.some((action) => action.resource !== undefined)) return undefined;
    granted.push(...coverage.covered);
  }
  return granted;
}

function message(granted: readonly ActionInfo[], resource: string): string {
  const subject =
    granted.length === 1
      ? `${granted[0]!.name} takes no resource`
      : 'None of these actions takes a resource';
  return [
    `${subject} (documented with "All Resources"),`,
    `so a grant on ${resource} will not match.`,
    'Use "Resource": "*".',
  ].join(' ');
}
