// The items offered in an Action or NotAction value: every catalogue action, `cams:*`, and one
// wildcard per verb family (`cams:Get*`, `cams:List*`, …), each saying what it means at
// resource-group scope.
import { type CompletionItem, CompletionItemKind, MarkupKind } from 'vscode-languageserver-types';

import { isAccountOnly } from '../actionCoverage';
import {
  accessLevelText,
  countOf,
  resourceGroupExplanation,
  resourceGroupSummary,
} from '../actionWording';
import type { ActionCatalogue, ActionInfo } from '../catalogue';

/**
 * The action and wildcard items, without their edits, sorted by name; `listed` holds the
 * lower-cased names the value already lists, which are left out.
 */
export function actionItems(
  catalogue: ActionCatalogue,
  listed: ReadonlySet<string>,
): CompletionItem[] {
  const items = [
    ...catalogue.actions.map((action) => actionItem(catalogue, action)),
    ...wildcardPatterns(catalogue).map((pattern) => wildcardItem(catalogue, pattern)),
  ];

  // Actions come first, in ordinal order, and wildcards after them: accepting the top item
  // after typing part of a name must grant that action, not the broader family.
  return items
    .filter((item) => !listed.has(item.label.toLowerCase()))
    .sort((a, b) => rank(a) - rank(b) || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0))
    .map((item, index) => ({ ...item, sortText: String(index).padStart(4, '0') }));
}

function rank(item: CompletionItem): number {
  return item.label.includes('*') ? 1 : 0;
}

/** `cams:*`, then one pattern per leading word of the action names shared by two or more. */
export function wildcardPatterns(catalogue: ActionCatalogue): string[] {
  const familySizes = new Map<string, number>();
  for (const action of catalogue.actions) {
    const verb = leadingWord(catalogue, action);
    if (verb) familySizes.set(verb, (familySizes.get(verb) ?? 0) + 1);
  }

  const families = [...familySizes].filter(([, size]) => size >= 2).map(([verb]) => verb);
  return [`${catalogue.ramCode}:*`, ...families.map((verb) => `${catalogue.ramCode}:${verb}*`)];
}

function actionItem(catalogue: ActionCatalogue, action: ActionInfo): CompletionItem {
  const derived = action.descriptionSource === 'derived' ? ' *(derived from the action name)*' : '';
  const documentation = [
    action.description + derived,
    `Resource-group authorization: ${resourceGroupExplanation(action)}.`,
    `Access level: ${accessLevelText(action)}.`,
    `[Documentation](${catalogue.documentationUrl(action)})`,
  ].join('\n\n');

  return {
    label: action.name,
    kind: CompletionItemKind.Value,
    detail: `${action.accessLevel} · ${resourceGroupSummary(action)}`,
    documentation: { kind: MarkupKind.Markdown, value: documentation },
  };
}

function wildcardItem(catalogue: ActionCatalogue, pattern: string): CompletionItem {
  const covered = catalogue.expand(pattern);
  const accountOnly = covered.filter(isAccountOnly).length;
  const actions = countOf(covered.length, 'action');
  const scope =
    accountOnly === 0
      ? ''
      : ' In a policy attached at resource-group scope the grant has no effect for those.';
  const support =
    accountOnly === 0
      ? 'all of them support resource-group authorization.'
      : `${accountOnly} of them do not support resource-group authorization.`;
  const documentation = `Covers ${countOf(covered.length, catalogue.serviceName + ' action')}; ${support}${scope}`;

  return {
    label: pattern,
    kind: CompletionItemKind.Value,
    detail: `covers ${actions} · ${accountOnly} without resource-group authorization`,
    documentation: { kind: MarkupKind.Markdown, value: documentation },
  };
}

// The verb of an action name is its leading capitalised word: `Get` in `cams:GetOSSInfo`.
function leadingWord(catalogue: ActionCatalogue, action: ActionInfo): string | undefined {
  return /^[A-Z][a-z]+/.exec(action.name.slice(catalogue.ramCode.length + 1))?.[0];
}
