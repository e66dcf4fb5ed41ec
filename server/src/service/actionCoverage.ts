// What each Action entry of a statement grants in terms of the catalogue: which cams actions it
// covers and which of those do not support resource-group authorization. Diagnostics, code
// actions and hover all read this one classification.
import { type ActionCatalogue, type ActionInfo, isWildcard } from './catalogue';
import type { ActionEntry, PolicyStatement } from './policyDocument';

export interface EntryCoverage {
  readonly entry: ActionEntry;
  /** `foreign`: another service's action, never checked against this catalogue. */
  readonly kind: 'foreign' | 'action' | 'wildcard';
  /** The catalogue actions the entry covers: none for an unknown name or an empty wildcard. */
  readonly covered: readonly ActionInfo[];
  /** The covered actions whose grants do nothing at resource-group scope. */
  readonly accountOnly: readonly ActionInfo[];
}

export function coverageOf(entry: ActionEntry, catalogue: ActionCatalogue): EntryCoverage {
  const value = entry.value;
  const wildcard = isWildcard(value);
  if (!catalogue.ownsAction(value) && !(wildcard && mayCoverEveryService(value))) {
    return { entry, kind: 'foreign', covered: [], accountOnly: [] };
  }

  const covered = wildcard ? catalogue.expand(value) : optional(catalogue.lookup(value));
  const accountOnly = covered.filter((action) => isAccountOnly(action));
  return { entry, kind: wildcard ? 'wildcard' : 'action', covered, accountOnly };
}

/**
 * True for a pattern whose service part is itself a wildcard (`*`, `*:Get*`): it covers cams
 * actions and other services' alike, so it is never reported as covering nothing.
 */
export function mayCoverEveryService(pattern: string): boolean {
  const colon = pattern.indexOf(':');
  return isWildcard(colon < 0 ? pattern : pattern.slice(0, colon));
}

/** True when a grant of the action has no effect at resource-group scope. */
export function isAccountOnly(action: ActionInfo): boolean {
  return action.resourceGroupAuthorization === 'unsupported';
}

/**
 * The catalogue actions a `NotAction` statement grants that do not support resource-group
 * authorization: every account-only action that none of the entries excludes.
 */
export function accountOnlyGrantedByNotAction(
  statement: PolicyStatement,
  catalogue: ActionCatalogue,
): ActionInfo[] {
  const excluded = new Set(
    (statement.action?.entries ?? []).flatMap((entry) => coverageOf(entry, catalogue).covered),
  );
  return catalogue.actions.filter((action) => isAccountOnly(action) && !excluded.has(action));
}

/**
 * True when an `Action` statement grants both actions that work at resource-group scope (or
 * actions of other services) and account-only ones, so that splitting it helps.
 */
export function isMixedStatement(statement: PolicyStatement, catalogue: ActionCatalogue): boolean {
  if (statement.action?.key !== 'Action') return false;

  const coverages = statement.action.entries.map((entry) => coverageOf(entry, catalogue));
  const grantsAccountOnly = coverages.some((c) => c.accountOnly.length > 0);
  const grantsOthers = coverages.some(
    (c) =>
      c.kind === 'foreign' || c.covered.length === 0 || c.covered.length > c.accountOnly.length,
  );
  return grantsAccountOnly && grantsOthers;
}

function optional<T>(value: T | undefined): T[] {
  return value === undefined ? [] : [value];
}
