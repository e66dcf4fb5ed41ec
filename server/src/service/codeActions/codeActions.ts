// Code actions on policies: the split that separates the account-only actions of a statement.
import {
  type CodeAction,
  CodeActionKind,
  type Diagnostic,
  type Range,
} from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';

import type { ActionCatalogue } from '../catalogue';
import { type PolicyDocument, type PolicyStatement, end } from '../policyDocument';
import { RESOURCE_GROUP_CONDITION_KEY, testsResourceGroupCondition } from '../conditionKeys';
import { RULES } from '../rules/ruleCatalogue';
import { moveToAccountPolicyAction, type MoveWorkspace } from './moveToAccountPolicy';
import { planSplit, splitEdits } from './splitStatement';

export interface CodeActionInput {
  readonly document: TextDocument;
  readonly policy: PolicyDocument;
  readonly catalogue: ActionCatalogue;
  readonly range: Range;
  readonly diagnostics: readonly Diagnostic[];
  /** The workspace, for fixes that write other files. Default: none, so they are not offered. */
  readonly workspace?: MoveWorkspace;
}

/**
 * Offers the split (and, with a workspace, the move to an account-scope policy) on the
 * statement under the range and on every statement that a scope
 * warning in the request points into. With a scope warning it is a quick fix; on a statement
 * that only mixes the two kinds of action, a rewrite.
 */
export function splitStatementActions(input: CodeActionInput): CodeAction[] {
  const { document, policy } = input;
  const scopeWarnings = input.diagnostics.filter((d) => SCOPE_WARNING_IDS.includes(String(d.code)));
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
    const split = splitAction(input, statement, warnings);
    const move = input.workspace
      ? moveToAccountPolicyAction(input, statement, warnings, input.workspace)
      : undefined;
    return [split, move].filter((action): action is CodeAction => action !== undefined);
  });
}

function splitAction(
  input: CodeActionInput,
  statement: PolicyStatement,
  warnings: Diagnostic[],
): CodeAction | undefined {
  if (input.policy.syntaxProblems.some((p) => p.kind === 'syntax')) return undefined;

  const split = planSplit(statement, input.catalogue, input.policy.text);
  if (!split) return undefined;

  const count = split.moved.length;
  const noun = count === 1 ? 'action' : 'actions';
  const moved = `${count} ${noun} without resource-group authorization`;
  const condition = testsResourceGroupCondition(statement)
    ? ` without the ${RESOURCE_GROUP_CONDITION_KEY} condition`
    : '';
  return {
    title: `Split statement: move ${moved} to a new statement${condition}`,
    kind: warnings.length > 0 ? CodeActionKind.QuickFix : CodeActionKind.RefactorRewrite,
    diagnostics: warnings,
    isPreferred: warnings.length > 0,
    edit: {
      changes: { [input.document.uri]: splitEdits(input.document, statement, split) },
    },
  };
}

/** The warnings the split fixes: at resource-group scope, and from a resource-group condition. */
export const SCOPE_WARNING_IDS: readonly string[] = [
  RULES.resourceGroupUnsupported.id,
  RULES.resourceGroupConditionUnsupported.id,
];

function contains(statement: PolicyStatement, offset: number): boolean {
  return statement.node.offset <= offset && offset <= end(statement.node);
}
