// Grants that do nothing: actions without resource-group authorization in a policy attached at
// resource-group scope. Alibaba Cloud accepts such a grant and silently ignores it.
import type { Diagnostic } from 'vscode-languageserver-types';

import { accountOnlyGrantedByNotAction, coverageOf, type EntryCoverage } from '../actionCoverage';
import type { ActionInfo } from '../catalogue';
import type { PolicyStatement } from '../policyDocument';
import { RULES } from '../rules/ruleCatalogue';
import { nodeRange, plural, rangeOf, report, shown } from './report';
import type { ValidationInput } from './validate';

export function checkResourceGroupScope(input: ValidationInput): Diagnostic[] {
  if (input.scope !== 'resource-group') return [];
  return input.policy.statements.flatMap((statement) => checkStatement(input, statement));
}

function checkStatement(input: ValidationInput, statement: PolicyStatement): Diagnostic[] {
  const element = statement.action;
  if (!element) return [];

  if (element.key === 'NotAction') {
    const granted = accountOnlyGrantedByNotAction(statement, input.catalogue);
    if (granted.length === 0) return [];
    const range = rangeOf(input.document, element.keyNode.offset, element.keyNode.length);
    return [report(RULES.resourceGroupUnsupported, range, notActionMessage(statement, granted))];
  }

  return element.entries
    .map((entry) => coverageOf(entry, input.catalogue))
    .filter((coverage) => coverage.accountOnly.length > 0)
    .map((coverage) => {
      const range = nodeRange(input.document, coverage.entry.node, input.policy.text);
      return report(RULES.resourceGroupUnsupported, range, entryMessage(statement, coverage));
    });
}

function entryMessage(statement: PolicyStatement, coverage: EntryCoverage): string {
  const outcome =
    statement.effect === 'Deny' ? 'the deny has no effect' : 'the grant has no effect';

  if (coverage.kind === 'action') {
    const name = coverage.covered[0]?.name ?? shown(coverage.entry.value);
    return [
      `${name} does not support resource-group authorization:`,
      `in a policy attached at resource-group scope ${outcome}.`,
      'Grant it in a policy attached at account scope, or split the statement.',
    ].join(' ');
  }

  const count = coverage.accountOnly.length;
  return [
    `${shown(coverage.entry.value)} covers ${count} ${plural(count, 'action')}`,
    `without resource-group authorization (${examples(coverage.accountOnly)}):`,
    `at resource-group scope ${outcome} for them.`,
    'Name the supported actions instead, or grant the others at account scope.',
  ].join(' ');
}

function notActionMessage(statement: PolicyStatement, granted: readonly ActionInfo[]): string {
  const verb = statement.effect === 'Deny' ? 'denies' : 'grants';
  return [
    `This NotAction ${verb} ${granted.length} cams ${plural(granted.length, 'action')}`,
    `without resource-group authorization (${examples(granted)}):`,
    'at resource-group scope that has no effect for them. Grant them at account scope.',
  ].join(' ');
}

function examples(actions: readonly ActionInfo[]): string {
  const named = actions.slice(0, 3).map((action) => action.name);
  return actions.length > named.length ? `${named.join(', ')}, …` : named.join(', ');
}
