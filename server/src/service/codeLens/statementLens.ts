// A code lens above each statement: how many actions it grants, and how many of those have no
// resource-group authorization, whatever the attachment scope, so that the account-only actions
// are visible even where nothing says how the policy is attached.
import type { CodeLens } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';

import { accountOnlyGrantedByNotAction, coverageOf } from '../actionCoverage';
import { countOf } from '../actionWording';
import type { ActionCatalogue, ActionInfo } from '../catalogue';
import type { PolicyDocument, PolicyStatement } from '../policyDocument';

export interface CodeLensInput {
  readonly document: TextDocument;
  readonly policy: PolicyDocument;
  readonly catalogue: ActionCatalogue;
}

/** What a statement grants, counted. */
export interface StatementGrant {
  /** Distinct actions: the catalogue actions covered, and other services' entries as written. */
  readonly granted: number;
  readonly accountOnly: number;
}

export function statementLenses(input: CodeLensInput): CodeLens[] {
  return input.policy.statements.flatMap((statement) => {
    const grant = countGrant(statement, input.catalogue);
    if (!grant) return [];

    const position = input.document.positionAt(statement.node.offset);
    return [{ range: { start: position, end: position }, command: lensCommand(statement, grant) }];
  });
}

export function countGrant(
  statement: PolicyStatement,
  catalogue: ActionCatalogue,
): StatementGrant | undefined {
  const element = statement.action;
  if (!element) return undefined;

  if (element.key === 'NotAction') {
    const excluded = new Set(
      element.entries.flatMap((entry) => coverageOf(entry, catalogue).covered),
    );
    const granted = catalogue.actions.filter((action) => !excluded.has(action)).length;
    return { granted, accountOnly: accountOnlyGrantedByNotAction(statement, catalogue).length };
  }

  const covered = new Set<ActionInfo>();
  const accountOnly = new Set<ActionInfo>();
  const others = new Set<string>();
  for (const entry of element.entries) {
    const coverage = coverageOf(entry, catalogue);
    if (coverage.kind === 'foreign') others.add(entry.value.toLowerCase());
    coverage.covered.forEach((action) => covered.add(action));
    coverage.accountOnly.forEach((action) => accountOnly.add(action));
  }
  return { granted: covered.size + others.size, accountOnly: accountOnly.size };
}

// A lens with an empty command is shown as text: it explains and has nothing to run.
function lensCommand(statement: PolicyStatement, grant: StatementGrant) {
  const verb = statement.effect === 'Deny' ? 'Denies' : 'Grants';
  const title =
    `${verb} ${countOf(grant.granted, 'action')}` +
    (grant.accountOnly > 0
      ? `, ${grant.accountOnly} without resource-group authorization (account scope only)`
      : ', all with resource-group authorization');
  return { title, command: '' };
}
