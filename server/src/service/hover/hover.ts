// Hover documentation for cams actions and wildcards in Action and NotAction values: what an
// action does and whether its grants work at resource-group scope, or what a wildcard covers.
// On a key, the element, condition operator or condition key hovers explain it.
import type { Node } from 'jsonc-parser';
import { type Hover, MarkupKind, type Position } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';

import { coverageOf, type EntryCoverage, isAccountOnly } from '../actionCoverage';
import {
  accessLevelText,
  countOf,
  resourceGroupExplanation,
  resourceGroupSummary,
} from '../actionWording';
import { type ActionCatalogue, type ActionInfo, isWildcard } from '../catalogue';
import { end, nodeAt, type PolicyDocument, stringContent } from '../policyDocument';
import { conditionHover } from './conditionHover';
import { elementHover } from './elementHover';
import { keyAt } from './keyAt';

export interface HoverInput {
  readonly document: TextDocument;
  readonly policy: PolicyDocument;
  readonly catalogue: ActionCatalogue;
  readonly position: Position;
}

/** How many covered actions a wildcard's hover names before it only counts the rest. */
export const LISTED_ACTIONS_LIMIT = 10;

export function hoverPolicy(input: HoverInput): Hover | null {
  const key = keyAt(input.document, input.policy, input.document.offsetAt(input.position));
  if (key) return elementHover(input.policy, key) ?? conditionHover(input.policy, key);
  return actionHover(input);
}

function actionHover(input: HoverInput): Hover | null {
  const { document, policy, catalogue } = input;
  const node = actionStringAt(policy, document.offsetAt(input.position));
  if (!node || !concernsCatalogue(String(node.value), catalogue)) return null;

  const coverage = coverageOf({ value: String(node.value), node }, catalogue);
  const content = stringContent(node, policy.text);
  return {
    contents: { kind: MarkupKind.Markdown, value: markdownOf(coverage, catalogue) },
    range: {
      start: document.positionAt(content.offset),
      end: document.positionAt(content.offset + content.length),
    },
  };
}

function markdownOf(coverage: EntryCoverage, catalogue: ActionCatalogue): string {
  const value = coverage.entry.value;
  const action = coverage.covered[0];
  const sections =
    coverage.kind === 'wildcard'
      ? wildcardSections(value, coverage.covered, catalogue)
      : action
        ? actionSections(value, action, catalogue)
        : unknownActionSections(value, catalogue);

  return [...sections, sourceLine(catalogue)].join('\n\n');
}

function actionSections(written: string, action: ActionInfo, catalogue: ActionCatalogue): string[] {
  const derived =
    action.descriptionSource === 'derived'
      ? " *(derived from the action name, not Alibaba Cloud's wording)*"
      : '';
  const facts = [
    `- **Resource-group authorization:** ${resourceGroupExplanation(action)}`,
    `- **Access level:** ${accessLevelText(action)}`,
    ...(action.resource ? [`- **Resource:** \`${action.resource}\``] : []),
  ];

  return [
    `**${action.name}**`,
    ...spellingNote(written, action),
    action.description + derived,
    facts.join('\n'),
    `[Documentation](${catalogue.documentationUrl(action)})`,
  ];
}

// RAM matches names without case, so another spelling works; the note shows the documented one.
function spellingNote(written: string, action: ActionInfo): string[] {
  if (written === action.name) return [];
  return [
    `*Written \`${written}\`; the documented spelling is \`${action.name}\`. ` +
      'RAM matches action names without regard to case.*',
  ];
}

function unknownActionSections(written: string, catalogue: ActionCatalogue): string[] {
  const closest = catalogue.closest(written).map((action) => `\`${action.name}\``);
  const hint = closest.length > 0 ? ` Did you mean ${closest.join(', ')}?` : '';
  return [`\`${written}\` is not in the ${catalogue.serviceName} action catalogue.${hint}`];
}

function wildcardSections(
  pattern: string,
  covered: readonly ActionInfo[],
  catalogue: ActionCatalogue,
): string[] {
  if (covered.length === 0) {
    return [`\`${pattern}\` covers no ${catalogue.serviceName} action. Check the pattern.`];
  }

  const accountOnly = covered.filter(isAccountOnly).length;
  const support =
    accountOnly === 0
      ? 'all of them support resource-group authorization'
      : `${accountOnly} of them do not support resource-group authorization: ` +
        'at resource-group scope a grant has no effect for them';
  const summary =
    `\`${pattern}\` covers ${countOf(covered.length, catalogue.serviceName + ' action')}; ` +
    `${support}.`;
  return [summary, coveredList(covered)];
}

function coveredList(covered: readonly ActionInfo[]): string {
  const shown = covered
    .slice(0, LISTED_ACTIONS_LIMIT)
    .map((action) => `- \`${action.name}\` — ${resourceGroupSummary(action)}`);
  const rest = covered.length - shown.length;

  return [...shown, ...(rest > 0 ? [`- …and ${rest} more`] : [])].join('\n');
}

function sourceLine(catalogue: ActionCatalogue): string {
  const source = catalogue.source;
  return `Source: [${source.title}](${source.url}), last updated ${source.lastUpdated}.`;
}

/**
 * The string at `offset` when it is an entry of a statement's Action or NotAction value. The
 * position just past a closing quote is outside the string.
 */
function actionStringAt(policy: PolicyDocument, offset: number): Node | undefined {
  const node = nodeAt(policy, offset);
  if (node?.type !== 'string' || typeof node.value !== 'string') return undefined;

  const closed = node.length >= 2 && policy.text[end(node) - 1] === '"';
  if (closed && offset >= end(node)) return undefined;
  return isActionEntry(policy, node) ? node : undefined;
}

function isActionEntry(policy: PolicyDocument, node: Node): boolean {
  const value = node.parent?.type === 'array' ? node.parent : node;
  const property = value.parent;
  if (property?.type !== 'property' || property.children?.[1] !== value) return false;

  const key = property.children?.[0]?.value;
  if (key !== 'Action' && key !== 'NotAction') return false;
  return policy.statements.some((statement) => statement.node === property.parent);
}

// Other services' actions are left to their own tools; a wildcard over the service part (`*`,
// `*:Get*`) may still cover cams actions.
function concernsCatalogue(value: string, catalogue: ActionCatalogue): boolean {
  if (catalogue.ownsAction(value)) return true;
  if (!isWildcard(value)) return false;

  const colon = value.indexOf(':');
  return isWildcard(colon < 0 ? value : value.slice(0, colon));
}
