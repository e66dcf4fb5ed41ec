// cams actions that the catalogue does not know, and cams wildcards that cover nothing. Other
// services' actions are never checked against the cams catalogue.
import type { Node } from 'jsonc-parser';
import type { Diagnostic } from 'vscode-languageserver-types';

import { coverageOf, type EntryCoverage, mayCoverEveryService } from '../actionCoverage';
import { RULES } from '../rules/ruleCatalogue';
import { nodeRange, report, shown } from './report';
import type { ValidationInput } from './validate';

function isClosedString(node: Node, text: string): boolean {
  return node.length >= 2 && text[node.offset + node.length - 1] === '"';
}

export function checkActions(input: ValidationInput): Diagnostic[] {
  return input.policy.statements.flatMap((statement) =>
    (statement.action?.entries ?? []).flatMap((entry) =>
      checkEntry(input, coverageOf(entry, input.catalogue)),
    ),
  );
}

function checkEntry(input: ValidationInput, coverage: EntryCoverage): Diagnostic[] {
  if (coverage.kind === 'foreign' || coverage.covered.length > 0) return [];
  // A name still being typed has no closing quote yet: judging it would only be noise.
  if (!isClosedString(coverage.entry.node, input.policy.text)) return [];
  if (mayCoverEveryService(coverage.entry.value)) return [];

  const { catalogue, document, policy } = input;
  const value = coverage.entry.value;
  const range = nodeRange(document, coverage.entry.node, policy.text);
  if (coverage.kind === 'wildcard') {
    const message = `${shown(value)} covers no known ${catalogue.ramCode} action.`;
    return [report(RULES.wildcardMatchesNothing, range, `${message} Check the pattern.`)];
  }

  // The catalogue is dated and Alibaba adds actions often, so the message allows for an action
  // newer than the catalogue rather than declaring that it does not exist.
  const suggestions = catalogue.closest(value).map((action) => action.name);
  const unknown = `${shown(value)} is not a known ${catalogue.serviceName} action`;
  const dated = `(catalogue of ${catalogue.source.lastUpdated}).`;
  const hint =
    suggestions.length > 0 ? ` Did you mean ${suggestions.join(', ')}?` : ' Check the spelling.';
  return [report(RULES.unknownAction, range, `${unknown} ${dated}${hint}`)];
}
