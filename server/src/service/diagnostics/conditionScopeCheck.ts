// Grants that rely on resource-group semantics through their Condition: a statement that tests
// acs:ResourceGroupId never matches an account-only action, which has no resource group, so the
// grant does nothing whatever the attachment scope. At resource-group scope the scope warning
// already covers these actions; elsewhere this check reports them.
import type { Diagnostic } from 'vscode-languageserver-types';

import { accountOnlyGrantedByNotAction, coverageOf } from '../actionCoverage';
import { RESOURCE_GROUP_CONDITION_KEY, testsResourceGroupCondition } from '../conditionKeys';
import type { PolicyStatement } from '../policyDocument';
import { RULES } from '../rules/ruleCatalogue';
import { includesResourceGroup } from '../scope';
import { nodeRange, plural, rangeOf, report } from './report';
import type { ValidationInput } from './validate';

export function checkResourceGroupCondition(input: ValidationInput): Diagnostic[] {
  if (includesResourceGroup(input.scope)) return [];
  return input.policy.statements
    .filter(testsResourceGroupCondition)
    .flatMap((statement) => checkStatement(input, statement));
}

function checkStatement(input: ValidationInput, statement: PolicyStatement): Diagnostic[] {
  const element = statement.action;
  if (!element) return [];
  const outcome =
    statement.effect === 'Deny' ? 'the deny never applies' : 'the grant never applies';

  if (element.key === 'NotAction') {
    const count = accountOnlyGrantedByNotAction(statement, input.catalogue).length;
    if (count === 0) return [];
    const range = rangeOf(input.document, element.keyNode.offset, element.keyNode.length);
    const subject = `This NotAction covers ${count} cams ${plural(count, 'action')} without`;
    return [report(RULES.resourceGroupConditionUnsupported, range, message(subject, outcome))];
  }

  return element.entries
    .map((entry) => coverageOf(entry, input.catalogue))
    .filter((coverage) => coverage.accountOnly.length > 0)
    .map((coverage) => {
      const count = coverage.accountOnly.length;
      const subject =
        coverage.kind === 'action'
          ? `${coverage.covered[0]?.name ?? coverage.entry.value} has no`
          : `${coverage.entry.value} covers ${count} ${plural(count, 'action')} without`;
      const range = nodeRange(input.document, coverage.entry.node, input.policy.text);
      return report(RULES.resourceGroupConditionUnsupported, range, message(subject, outcome));
    });
}

function message(subject: string, outcome: string): string {
  return [
    `${subject} resource-group authorization, and this statement's Condition tests`,
    `${RESOURCE_GROUP_CONDITION_KEY}, which such actions never match: ${outcome}.`,
    `(This is how ${RESOURCE_GROUP_CONDITION_KEY} is used in practice; Alibaba Cloud does not`,
    'document it as a global condition key.) Split the statement to grant them without it.',
  ].join(' ');
}
