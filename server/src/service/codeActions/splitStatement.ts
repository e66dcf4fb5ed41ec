// Splits a statement so that the actions without resource-group authorization stand in a
// statement of their own, ready to be granted at account scope. The edit keeps the file's
// indentation and line endings, and every action the statement granted stays granted.
import type { TextEdit } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Node } from 'jsonc-parser';

import type { ActionCatalogue, ActionInfo } from '../catalogue';
import { coverageOf, type EntryCoverage } from '../actionCoverage';
import { end, type PolicyStatement, propertyValue } from '../policyDocument';

/** The two lists of action strings a split produces, as JSON literals. */
export interface StatementSplit {
  /** Actions that stay: resource-group capable, of other services, or unknown. */
  readonly kept: readonly string[];
  /** Account-only actions, for the new statement. */
  readonly moved: readonly string[];
}

/**
 * How a statement's `Action` divides, or undefined when splitting would not help: no account-only
 * action, nothing else to keep, or a wildcard such as `*` that also covers other services and so
 * cannot be divided without changing what those services grant.
 */
export function planSplit(
  statement: PolicyStatement,
  catalogue: ActionCatalogue,
  text: string,
): StatementSplit | undefined {
  const element = statement.action;
  if (element?.key !== 'Action' || statement.effect === undefined) return undefined;

  const written = new Set(element.entries.map((entry) => entry.value.toLowerCase()));
  const kept = new LiteralList(written);
  const moved = new LiteralList(written);
  for (const entry of element.entries) {
    const coverage = coverageOf(entry, catalogue);
    const literal = text.slice(entry.node.offset, end(entry.node));
    if (!assign(coverage, literal, catalogue, kept, moved)) return undefined;
  }
  if (kept.size === 0 || moved.size === 0) return undefined;

  return { kept: kept.literals, moved: moved.literals };
}

// Returns false when the entry cannot be divided.
function assign(
  coverage: EntryCoverage,
  literal: string,
  catalogue: ActionCatalogue,
  kept: LiteralList,
  moved: LiteralList,
): boolean {
  const accountOnly = coverage.accountOnly.length;
  if (accountOnly === 0) {
    kept.add(literal);
  } else if (accountOnly === coverage.covered.length) {
    moved.add(literal);
  } else if (isOwnWildcard(coverage.entry.value, catalogue)) {
    // A cams wildcard that covers both kinds is replaced by the actions it covers, so that
    // neither statement grants more than the original did.
    const accountOnlySet = new Set<ActionInfo>(coverage.accountOnly);
    coverage.covered.forEach((action) =>
      (accountOnlySet.has(action) ? moved : kept).addUnwritten(action.name),
    );
  } else {
    return false;
  }
  return true;
}

function isOwnWildcard(pattern: string, catalogue: ActionCatalogue): boolean {
  const service = pattern.slice(0, pattern.indexOf(':'));
  return service.toLowerCase() === catalogue.ramCode;
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
  const insertAt = document.positionAt(end(statement.node));
  const separator = layout.oneLine ? ', ' : `,${layout.eol}${layout.statementIndent}`;
  const edits: TextEdit[] = [
    { range: rangeOf(document, action.valueNode), newText: keptValue },
    { range: { start: insertAt, end: insertAt }, newText: separator + movedStatement },
  ];

  // A statement written in the short form, `"Statement": {…}`, becomes a list of two.
  if (statement.node.parent?.type === 'array') return edits;
  const opening = document.positionAt(statement.node.offset);
  edits[1]!.newText += ']';
  return [{ range: { start: opening, end: opening }, newText: '[' }, ...edits];
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
  const eol = text.includes('\r\n') ? '\r\n' : text.includes('\r') ? '\r' : '\n';
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
  if (statement.conditionNode) {
    const condition = statement.conditionNode;
    properties.push(`"Condition": ${text.slice(condition.offset, end(condition))}`);
  }

  if (layout.oneLine) return `{ ${properties.join(', ')} }`;
  const inner = properties.map((p) => layout.propertyIndent + p).join(`,${layout.eol}`);
  return `{${layout.eol}${inner}${layout.eol}${layout.statementIndent}}`;
}

// Follows the original value's form: a single string stays a string, an array written on one
// line stays on one line, and a multi-line array keeps one action per line.
function renderActions(
  actions: readonly string[],
  original: Node,
  layout: Layout,
  text: string,
): string {
  if (actions.length === 1 && original.type === 'string') return actions[0]!;

  const multiLine =
    original.type === 'array' && /[\r\n]/.test(text.slice(original.offset, end(original)));
  if (!multiLine || layout.oneLine) return `[${actions.join(', ')}]`;

  const itemIndent = layout.propertyIndent + layout.unit;
  const items = actions.map((action) => itemIndent + action).join(`,${layout.eol}`);
  return `[${layout.eol}${items}${layout.eol}${layout.propertyIndent}]`;
}

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
 * Action literals in the order they will be written. What the user wrote is kept as written, and
 * an action that a wildcard's expansion adds is left out when the statement names it already.
 */
class LiteralList {
  readonly literals: string[] = [];

  constructor(private readonly named: Set<string>) {}

  get size(): number {
    return this.literals.length;
  }

  add(literal: string): void {
    this.literals.push(literal);
  }

  addUnwritten(name: string): void {
    const key = name.toLowerCase();
    if (this.named.has(key)) return;
    this.named.add(key);
    this.literals.push(JSON.stringify(name));
  }
}
