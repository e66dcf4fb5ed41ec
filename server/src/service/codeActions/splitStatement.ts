// Splits a statement so that the actions without resource-group authorization stand in a
// statement of their own, ready to be granted at account scope. The edit keeps the file's
// indentation and line endings, and every action the statement granted stays granted.
import type { TextEdit } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { getNodeValue, type Node } from 'jsonc-parser';

import type { ActionCatalogue, ActionInfo } from '../catalogue';
import { coverageOf, type EntryCoverage } from '../actionCoverage';
import { conditionWithoutResourceGroup, testsResourceGroupCondition } from '../conditionKeys';
import { end, type PolicyDocument, type PolicyStatement, propertyValue } from '../policyDocument';

/** The two lists of action strings a split produces, as JSON literals. */
export interface StatementSplit {
  /** Actions that stay: resource-group capable, of other services, or unknown. */
  readonly kept: readonly string[];
  /** Account-only actions, for the new statement. */
  readonly moved: readonly string[];
  /** The cams wildcards that were replaced by the actions they cover. */
  readonly expanded: readonly string[];
}

/**
 * How a statement's `Action` divides, or undefined when splitting would not help or could do
 * harm: no account-only action or nothing else to keep; a wildcard such as `*` or `*:Get*` that
 * also covers other services, which cannot move without changing what those services grant; or
 * a statement whose text a rewrite could damage (comments, trailing commas, duplicate keys,
 * entries that are not strings) or whose `NotResource` the new statement could not keep.
 */
export function planSplit(
  statement: PolicyStatement,
  catalogue: ActionCatalogue,
  policy: PolicyDocument,
): StatementSplit | undefined {
  // Dropping the acs:ResourceGroupId test from a Deny would widen what it denies.
  if (statement.effect === 'Deny' && testsResourceGroupCondition(statement)) return undefined;

  const division = divideActions(statement, catalogue, policy);
  return division && division.kept.length > 0 ? division : undefined;
}

/**
 * Like planSplit, but `kept` may be empty: for fixes that move every account-only action out of
 * the statement, and the statement too when nothing else is left.
 */
export function divideActions(
  statement: PolicyStatement,
  catalogue: ActionCatalogue,
  policy: PolicyDocument,
): StatementSplit | undefined {
  const element = statement.action;
  if (element?.key !== 'Action' || statement.effect === undefined) return undefined;
  if (!isSafeToRewrite(statement, policy)) return undefined;

  const written = new Set(element.entries.map((entry) => entry.value.toLowerCase()));
  const split = { kept: new LiteralList(written), moved: new LiteralList(written), expanded: [] };
  for (const entry of element.entries) {
    const coverage = coverageOf(entry, catalogue);
    const literal = policy.text.slice(entry.node.offset, end(entry.node));
    if (!assign(coverage, literal, catalogue, split)) return undefined;
  }
  if (split.moved.size === 0) return undefined;

  return { kept: split.kept.literals, moved: split.moved.literals, expanded: split.expanded };
}

function isSafeToRewrite(statement: PolicyStatement, policy: PolicyDocument): boolean {
  const { node, action } = statement;
  const problemInside = policy.syntaxProblems.some(
    (problem) => problem.offset >= node.offset && problem.offset < end(node),
  );
  const keys = (node.children ?? []).map((property) => property.children?.[0]?.value);
  const entries = action!.valueNode.type === 'array' ? (action!.valueNode.children ?? []) : [];

  return (
    !problemInside &&
    new Set(keys).size === keys.length &&
    !keys.includes('NotResource') &&
    entries.every((entry) => entry.type === 'string')
  );
}

interface SplitInProgress {
  readonly kept: LiteralList;
  readonly moved: LiteralList;
  readonly expanded: string[];
}

/** The edit that replaces a statement's Action value with `actions`, in the file's layout. */
export function replaceActionsEdit(
  document: TextDocument,
  statement: PolicyStatement,
  actions: readonly string[],
): TextEdit {
  const text = document.getText();
  const valueNode = statement.action!.valueNode;
  const newText = renderActions(actions, valueNode, layoutOf(text, statement), text);
  return { range: rangeOf(document, valueNode), newText };
}

/** The Condition a statement of moved actions keeps: acs:ResourceGroupId is dropped. */
export function movedCondition(statement: PolicyStatement): unknown {
  const condition = statement.conditionNode;
  if (!condition) return undefined;
  const value: unknown = getNodeValue(condition);
  return testsResourceGroupCondition(statement) ? conditionWithoutResourceGroup(value) : value;
}

// Returns false when the entry cannot be divided.
function assign(
  coverage: EntryCoverage,
  literal: string,
  catalogue: ActionCatalogue,
  split: SplitInProgress,
): boolean {
  const accountOnly = coverage.accountOnly.length;
  if (accountOnly === 0) {
    split.kept.add(literal);
    return true;
  }
  if (coverage.kind === 'wildcard' && !isOwnWildcard(coverage.entry.value, catalogue)) {
    return false;
  }

  if (accountOnly === coverage.covered.length) {
    split.moved.add(literal);
  } else {
    // A cams wildcard that covers both kinds is replaced by the actions it covers, so that
    // neither statement grants more than the original did.
    const accountOnlySet = new Set<ActionInfo>(coverage.accountOnly);
    coverage.covered.forEach((action) =>
      (accountOnlySet.has(action) ? split.moved : split.kept).addUnwritten(action.name),
    );
    split.expanded.push(coverage.entry.value);
  }
  return true;
}

function isOwnWildcard(pattern: string, catalogue: ActionCatalogue): boolean {
  const colon = pattern.indexOf(':');
  return colon >= 0 && pattern.slice(0, colon).toLowerCase() === catalogue.ramCode;
}

/** The edits that carry out a split on the document. */
export function splitEdits(
  document: TextDocument,
  statement: PolicyStatement,
  split: StatementSplit,
): TextEdit[] {
  const text = document.getText();
  const layout = layoutOf(text, statement);
  const action = statement.action!;

  const keptValue = renderActions(split.kept, action.valueNode, layout, text);
  const movedStatement = renderStatement(statement, split.moved, layout, text);
  const separator = layout.oneLine ? ', ' : `,${layout.eol}${layout.statementIndent}`;
  const edits = [
    { range: rangeOf(document, action.valueNode), newText: keptValue },
    insertion(document, end(statement.node), separator + movedStatement),
  ];

  // `"Statement": { … }` holds one statement; two need an array around them.
  if (statement.node.parent?.type !== 'array') {
    edits.unshift(insertion(document, statement.node.offset, '['));
    edits[edits.length - 1]!.newText += ']';
  }
  return edits;
}

function insertion(document: TextDocument, offset: number, newText: string): TextEdit {
  const position = document.positionAt(offset);
  return { range: { start: position, end: position }, newText };
}

interface Layout {
  readonly eol: string;
  readonly statementIndent: string;
  readonly propertyIndent: string;
  readonly unit: string;
  /** The statement is written on one line, so the new one is too. */
  readonly oneLine: boolean;
}

function layoutOf(text: string, statement: PolicyStatement): Layout {
  // The first line break of the file says how its lines end.
  const eol = /\r\n|\r|\n/.exec(text)?.[0] ?? '\n';
  const statementIndent = indentationOfLine(text, statement.node.offset);
  const firstKey = statement.node.children?.[0]?.offset ?? statement.node.offset;
  const propertyIndent = indentationOfLine(text, firstKey);
  const oneLine = !/[\r\n]/.test(text.slice(statement.node.offset, end(statement.node)));

  const deeper = propertyIndent.length > statementIndent.length;
  const unit = deeper ? propertyIndent.slice(statementIndent.length) : detectIndentUnit(text);
  return {
    eol,
    statementIndent,
    propertyIndent: deeper ? propertyIndent : statementIndent + unit,
    unit,
    oneLine,
  };
}

function renderStatement(
  statement: PolicyStatement,
  actions: readonly string[],
  layout: Layout,
  text: string,
): string {
  const effect = propertyValue(statement.node, 'Effect')!;
  const properties = [
    `"Effect": ${text.slice(effect.offset, end(effect))}`,
    `"Action": ${renderActions(actions, statement.action!.valueNode, layout, text)}`,
    // Actions without resource-group authorization take no resource: RAM documents them with
    // "All Resources".
    `"Resource": "*"`,
  ];
  const condition = renderCondition(statement, layout, text);
  if (condition !== undefined) properties.push(`"Condition": ${condition}`);

  if (layout.oneLine) return `{ ${properties.join(', ')} }`;
  const inner = properties.map((p) => layout.propertyIndent + p).join(`,${layout.eol}`);
  return `{${layout.eol}${inner}${layout.eol}${layout.statementIndent}}`;
}

// The new statement keeps the Condition as written, except acs:ResourceGroupId: an account-only
// action has no resource group, so a test of it would keep the moved actions from ever matching.
function renderCondition(
  statement: PolicyStatement,
  layout: Layout,
  text: string,
): string | undefined {
  const condition = statement.conditionNode;
  if (!condition) return undefined;
  if (!testsResourceGroupCondition(statement)) return text.slice(condition.offset, end(condition));

  const kept = conditionWithoutResourceGroup(getNodeValue(condition));
  if (kept === undefined) return undefined;
  if (layout.oneLine) return JSON.stringify(kept);
  return JSON.stringify(kept, null, layout.unit).replace(/\n/g, layout.eol + layout.propertyIndent);
}

// Follows the original value's form: a single string stays a string, an array written on one
// line stays on one line, and a multi-line array keeps one action per line. A long list, as a
// wildcard's expansion makes, gets one action per line in a multi-line statement.
function renderActions(
  actions: readonly string[],
  original: Node,
  layout: Layout,
  text: string,
): string {
  if (actions.length === 1 && original.type === 'string') return actions[0]!;

  const multiLine =
    (original.type === 'array' && /[\r\n]/.test(text.slice(original.offset, end(original)))) ||
    actions.length > LONG_LIST;
  if (!multiLine || layout.oneLine) return `[${actions.join(', ')}]`;

  const itemIndent = layout.propertyIndent + layout.unit;
  const items = actions.map((action) => itemIndent + action).join(`,${layout.eol}`);
  return `[${layout.eol}${items}${layout.eol}${layout.propertyIndent}]`;
}

const LONG_LIST = 8;

function indentationOfLine(text: string, offset: number): string {
  const lineStart =
    Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, offset))![0];
}

function detectIndentUnit(text: string): string {
  const indented = /[\r\n]([ \t]+)\S/.exec(text);
  return indented?.[1] ?? '  ';
}

function rangeOf(document: TextDocument, node: Node) {
  return { start: document.positionAt(node.offset), end: document.positionAt(end(node)) };
}

/**
 * Action literals in the order they will be written. What the user wrote is kept as written; an
 * action that a wildcard's expansion adds is left out when the statement names it already (in
 * any case) or the expansion added it before. Names that differ only in case are both kept, as
 * the documentation lists both.
 */
class LiteralList {
  readonly literals: string[] = [];
  private readonly added = new Set<string>();

  constructor(private readonly written: ReadonlySet<string>) {}

  get size(): number {
    return this.literals.length;
  }

  add(literal: string): void {
    this.literals.push(literal);
  }

  addUnwritten(name: string): void {
    if (this.written.has(name.toLowerCase()) || this.added.has(name)) return;
    this.added.add(name);
    this.literals.push(JSON.stringify(name));
  }
}
