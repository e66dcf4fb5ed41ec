// Actions that add nothing to their statement: the same action written twice, or an action (or
// narrower wildcard) that a wildcard of the same statement already covers.
import { type Diagnostic, DiagnosticTag } from 'vscode-languageserver-types';

import type { ActionCatalogue } from '../catalogue';
import { matchesWildcard } from '../wildcard';
import type { ActionEntry, PolicyStatement } from '../policyDocument';
import { RULES } from '../rules/ruleCatalogue';
import { nodeRange, report, shown } from './report';
import type { ValidationInput } from './validate';

/** Why an entry is redundant: the entry it repeats, or the wildcard that covers it. */
export interface Redundancy {
  readonly entry: ActionEntry;
  readonly kind: 'repeated' | 'covered';
  readonly by: ActionEntry;
}

export function checkRedundantActions(input: ValidationInput): Diagnostic[] {
  return input.policy.statements.flatMap((statement) =>
    redundanciesOf(statement, input.catalogue).map((redundancy) => {
      const range = nodeRange(input.document, redundancy.entry.node, input.policy.text);
      const diagnostic = report(RULES.redundantAction, range, redundancyMessage(redundancy));
      return { ...diagnostic, tags: [DiagnosticTag.Unnecessary] };
    }),
  );
}

function redundancyMessage({ entry, kind, by }: Redundancy): string {
  if (kind === 'repeated') {
    return `${shown(entry.value)} is already listed in this statement. Remove the repeat.`;
  }
  return `${shown(entry.value)} is already covered by ${shown(by.value)} in this statement. Remove it.`;
}

/** The redundant entries of a statement's Action or NotAction, each with its reason. */
export function redundanciesOf(
  statement: PolicyStatement,
  catalogue: ActionCatalogue,
): Redundancy[] {
  const entries = statement.action?.entries ?? [];
  const keys = entries.map((entry) => identityOf(entry.value, catalogue));
  const covers = (by: number, covered: number) =>
    wildcardCovers(entries[by]!.value, entries[covered]!.value);

  return entries.flatMap((entry, index): Redundancy[] => {
    const earlier = keys.indexOf(keys[index]!);
    if (earlier < index) return [{ entry, kind: 'repeated', by: entries[earlier]! }];

    const wildcard = entries.findIndex(
      (_, at) =>
        keys[at] !== keys[index] &&
        covers(at, index) &&
        // Of two patterns that cover each other, only the later is redundant.
        !(covers(index, at) && index < at),
    );
    return wildcard >= 0 ? [{ entry, kind: 'covered', by: entries[wildcard]! }] : [];
  });
}

// cams names are compared as the catalogue resolves them, so that two documented names that
// differ only in case (GetOSSInfoForUploadFile, GetOssInfoForUploadFile) stay distinct; other
// services' names are compared without case, as RAM matches them.
function identityOf(value: string, catalogue: ActionCatalogue): string {
  const known = catalogue.ownsAction(value) ? catalogue.lookup(value) : undefined;
  return known ? `=${known.name}` : value.toLowerCase();
}

/**
 * True when every action `pattern` names is also matched by `wildcard`. A `?` of the wildcard
 * stands for one character that is not a `*` of the pattern, so that `cams:Get?` never claims to
 * cover `cams:Get*`.
 */
export function wildcardCovers(wildcard: string, pattern: string): boolean {
  if (!wildcard.includes('*') && !wildcard.includes('?')) return false;
  return matchesWildcard(wildcard.toLowerCase(), pattern.toLowerCase(), (c) => c !== '*');
}
