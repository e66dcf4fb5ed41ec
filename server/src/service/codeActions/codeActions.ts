// Code actions on policies: the split that separates the account-only actions of a statement.
import {
  type CodeAction,
  CodeActionKind,
  type Diagnostic,
  type Range,
} from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Node } from 'jsonc-parser';

import type { ActionCatalogue } from '../catalogue';
import { type PolicyDocument, type PolicyStatement, end } from '../policyDocument';
import { RULES } from '../rules/ruleCatalogue';
import { planSplit, splitEdits } from './splitStatement';

export interface CodeActionInput {
  readonly document: TextDocument;
  readonly policy: PolicyDocument;
  readonly catalogue: ActionCatalogue;
  readonly range: Range;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Offers the split on the statement under the range and on every statement that a scope
 * warning in the request points into. With a scope warning it is a quick fix; on a statement
 * that only mixes the two kinds of action, a rewrite.
 */
export function splitStatementActions(input: CodeActionInput): CodeAction[] {
  const { document, policy } = input;
  const scopeWarnings = input.diagnostics.filter(
    (d) => d.code === RULES.resourceGroupUnsupported.id,
  );
  const offsets = [input.range.start, ...scopeWarnings.map((d) => d.range.start)].map((p) =>
    document.offsetAt(p),
  );

  const statements = policy.statements.filter((statement) =>
    offsets.some((offset) => contains(statement, offset)),
  );
  return statements.flatMap((statement) => {
    const warnings = scopeWarnings.filter((d) =>
      contains(statement, document.offsetAt(d.range.start)),
    );
    const action = splitAction(input, statement, warnings);
    return action ? [action] : [];
  });
}

function splitAction(
  input: CodeActionInput,
  statement: PolicyStatement,
  warnings: Diagnostic[],
): CodeAction | undefined {
  if (input.policy.syntaxProblems.some((p) => p.kind === 'syntax')) return undefined;
  // The new statement copies the Condition: a comment or trailing comma in it would be copied too.
  if (hasProblemWithin(input.policy, statement.conditionNode)) return undefined;

  const split = planSplit(statement, input.catalogue, input.policy.text);
  if (!split) return undefined;

  const count = split.moved.length;
  const noun = count === 1 ? 'action' : 'actions';
  const moved = `${count} ${noun} without resource-group authorization`;
  return {
    title: `Split statement: move ${moved} to a new statement`,
    kind: warnings.length > 0 ? CodeActionKind.QuickFix : CodeActionKind.RefactorRewrite,
    diagnostics: warnings,
    isPreferred: warnings.length > 0,
    edit: {
      changes: { [input.document.uri]: splitEdits(input.document, statement, split) },
    },
  };
}

function contains(statement: PolicyStatement, offset: number): boolean {
  return statement.node.offset <= offset && offset <= end(statement.node);
}

function hasProblemWithin(policy: PolicyDocument, node: Node | undefined): boolean {
  if (!node) return false;
  return policy.syntaxProblems.some((p) => node.offset <= p.offset && p.offset < end(node));
}
