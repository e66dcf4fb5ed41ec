// The outline of a policy: one symbol per statement, named by its effect and by how many
// actions it grants or denies, so that a long policy can be read and navigated at a glance.
import { type DocumentSymbol, SymbolKind } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';

import { coverageOf, mayCoverEveryService } from '../actionCoverage';
import { type ActionCatalogue, isWildcard } from '../catalogue';
import { end, type PolicyDocument, type PolicyStatement, propertyValue } from '../policyDocument';

export interface SymbolInput {
  readonly document: TextDocument;
  readonly policy: PolicyDocument;
  readonly catalogue: ActionCatalogue;
}

export function statementSymbols(input: SymbolInput): DocumentSymbol[] {
  return input.policy.statements.map((statement, index) => {
    const { document } = input;
    const effect = propertyValue(statement.node, 'Effect') ?? statement.node;
    return {
      name: `${statement.effect ?? 'Statement'} · ${actionSummary(statement, input.catalogue)}`,
      detail: `statement ${index + 1}`,
      kind: SymbolKind.Object,
      range: rangeOf(document, statement.node.offset, end(statement.node)),
      selectionRange: rangeOf(document, effect.offset, end(effect)),
    };
  });
}

/**
 * How many actions a statement names: cams wildcards count the actions they cover, other
 * services' wildcards are named as written because their services are not catalogued, and a
 * NotAction statement covers every action but those it lists.
 */
export function actionSummary(statement: PolicyStatement, catalogue: ActionCatalogue): string {
  const element = statement.action;
  if (!element) return 'no actions';
  const entries = element.entries;
  if (element.key === 'NotAction') return `every action but ${count(entries.length)}`;
  if (entries.some((entry) => entry.value === '*')) return 'every action';

  const named = new Set<string>();
  const uncounted: string[] = [];
  for (const entry of entries) {
    const coverage = coverageOf(entry, catalogue);
    const known = coverage.covered.map((action) => action.name);
    if (coverage.kind === 'foreign' && isWildcard(entry.value)) uncounted.push(entry.value);
    else if (mayCoverEveryService(entry.value)) uncounted.push(entry.value);
    else if (known.length > 0) known.forEach((name) => named.add(name));
    else if (coverage.kind !== 'wildcard') named.add(entry.value.toLowerCase());
  }
  return [count(named.size), ...uncounted].join(' + ');
}

function count(actions: number): string {
  return `${actions} ${actions === 1 ? 'action' : 'actions'}`;
}

function rangeOf(document: TextDocument, from: number, to: number) {
  return { start: document.positionAt(from), end: document.positionAt(to) };
}
