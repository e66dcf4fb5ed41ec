// Grants that do nothing: actions without resource-group authorization in a policy attached at
// resource-group scope. Alibaba Cloud accepts such a grant and silently ignores it.
import type { Diagnostic, DiagnosticRelatedInformation } from 'vscode-languageserver-types';

import {
  accountOnlyGrantedByNotAction,
  coverageOf,
  type EntryCoverage,
  isMixedStatement,
} from '../actionCoverage';
import type { ActionInfo } from '../catalogue';
import type { PolicyStatement } from '../policyDocument';
import { RULES } from '../rules/ruleCatalogue';
import { includesResourceGroup, type ScopeEvidence } from '../scope';
import { nodeRange, plural, rangeOf, report, shown } from './report';
import type { ValidationInput } from './validate';

export function checkResourceGroupScope(input: ValidationInput): Diagnostic[] {
  if (!includesResourceGroup(input.scope)) return [];

  const related = relatedInformation(input.scopeEvidence ?? []);
  const both = input.scope === 'both' ? ` ${BOTH_SCOPES}` : '';
  return input.policy.statements
    .flatMap((statement) => checkStatement(input, statement))
    .map((diagnostic) => ({
      ...diagnostic,
      message: diagnostic.message + both,
      ...(related.length > 0 ? { relatedInformation: related } : {}),
    }));
}

const BOTH_SCOPES =
  'The policy is also attached at account scope, where the grant works; ' +
  'only the resource-group attachment is affected.';

// The warning points at what makes the file resource-group scoped, where that is in a file.
function relatedInformation(evidence: readonly ScopeEvidence[]): DiagnosticRelatedInformation[] {
  return evidence
    .filter((item) => item.scope === 'resource-group' && item.uri && item.range)
    .map((item) => ({
      location: { uri: item.uri!, range: item.range! },
      message: `Attached at resource-group scope${groupOf(item)} by ${item.description}.`,
    }));
}

function groupOf(item: ScopeEvidence): string {
  const id = item.resourceGroupId ? ` ${item.resourceGroupId}` : '';
  const note = item.note ? ` (${item.note})` : '';
  return id || note ? `${id}${note}` : '';
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
      return report(
        RULES.resourceGroupUnsupported,
        range,
        entryMessage(input, statement, coverage),
      );
    });
}

function entryMessage(
  input: ValidationInput,
  statement: PolicyStatement,
  coverage: EntryCoverage,
): string {
  const deny = statement.effect === 'Deny';
  const outcome = deny ? 'the deny has no effect' : 'the grant has no effect';
  const verb = deny ? 'Deny' : 'Grant';

  if (coverage.kind === 'action') {
    const name = coverage.covered[0]?.name ?? shown(coverage.entry.value);
    return [
      `${name} does not support resource-group authorization:`,
      `in a policy attached at resource-group scope ${outcome}.`,
      remedy(input, statement, `${verb} it in a policy attached at account scope`),
    ].join(' ');
  }

  const count = coverage.accountOnly.length;
  return [
    `${shown(coverage.entry.value)} covers ${count} ${plural(count, 'action')}`,
    `without resource-group authorization (${examples(coverage.accountOnly)}):`,
    `at resource-group scope ${outcome} for them.`,
    remedy(input, statement, `${verb} them in a policy attached at account scope`),
  ].join(' ');
}

// The split is suggested only where it is offered: on a statement that also grants actions
// which work at resource-group scope.
function remedy(input: ValidationInput, statement: PolicyStatement, move: string): string {
  return isMixedStatement(statement, input.catalogue)
    ? `Split the statement, then ${move[0]!.toLowerCase()}${move.slice(1)}.`
    : `${move} instead.`;
}

function notActionMessage(statement: PolicyStatement, granted: readonly ActionInfo[]): string {
  const deny = statement.effect === 'Deny';
  return [
    `This NotAction ${deny ? 'denies' : 'grants'} ${granted.length} cams`,
    `${plural(granted.length, 'action')} without resource-group authorization`,
    `(${examples(granted)}): at resource-group scope that has no effect for them.`,
    `${deny ? 'Deny' : 'Grant'} them in a policy attached at account scope.`,
  ].join(' ');
}

function examples(actions: readonly ActionInfo[]): string {
  const named = actions.slice(0, 3).map((action) => action.name);
  return actions.length > named.length ? `${named.join(', ')}, …` : named.join(', ');
}
