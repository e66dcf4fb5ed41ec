// cams actions that the catalogue does not know, and cams wildcards that cover nothing. Other
// services' actions are never checked against the cams catalogue.
import type { Diagnostic } from 'vscode-languageserver-types';

import { coverageOf, type EntryCoverage, mayCoverEveryService } from '../actionCoverage';
import { RULES } from '../rules/ruleCatalogue';
import { nodeRange, report, shown } from './report';
import type { ValidationInput } from './validate';

export function checkActions(input: ValidationInput): Diagnostic[] {
  return input.policy.statements.flatMap((statement) =>
    (statement.action?.entries ?? []).flatMap((entry) =>
      checkEntry(input, coverageOf(entry, input.catalogue)),
    ),
  );
}

function checkEntry(input: ValidationInput, coverage: EntryCoverage): Diagnostic[] {
  if (coverage.kind === 'foreign' || coverage.covered.length > 0) return [];
  if (mayCoverEveryService(coverage.entry.value)) return [];

  const { catalogue, document, policy } = input;
  const value = coverage.entry.value;
  const range = nodeRange(document, coverage.entry.node, policy.text);
  if (coverage.kind === 'wildcard') {
    const message = `${shown(value)} covers no known ${catalogue.ramCode} action.`;
    return [report(RULES.wildcardMatchesNothing, range, `${message} Check the pattern.`)];
  }

  const suggestions = catalogue.closest(value).map((action) => action.name);
  const unknown = `Unknown action ${shown(value)}: ${catalogue.serviceName} has no such action.`;
  const hint = suggestions.length > 0 ? ` Did you mean ${suggestions.join(', ')}?` : '';
  return [report(RULES.unknownAction, range, unknown + hint)];
}
