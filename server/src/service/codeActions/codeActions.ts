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
  const warningsByStatement = new Map<PolicyStatement, Diagnostic[]>();
  const underRange = statementContaining(policy.statements, document.offsetAt(input.range.start));
  if (underRange) warningsByStatement.set(underRange, []);

  // Select-all with every warning in the request is common, so each warning finds its statement
  // by binary search rather than by a walk over all statements.
  for (const warning of input.diagnostics) {
    if (!SCOPE_WARNING_IDS.includes(String(warning.code))) continue;
    const statement = statementContaining(
      policy.statements,
      document.offsetAt(warning.range.start),
    );
    if (!statement) continue;
    warningsByStatement.set(statement, [...(warningsByStatement.get(statement) ?? []), warning]);
  }

  return [...warningsByStatement].flatMap(([statement, warnings]) => {
    const split = splitAction(input, statement, warnings);
    const move = input.workspace
      ? moveToAccountPolicyAction(input, statement, warnings, input.workspace)
      : undefined;
    return [split, move].filter((action): action is CodeAction => action !== undefined);
  });
}

/** The statement whose object holds `offset`; statements are in document order. */
function statementContaining(
  statements: readonly PolicyStatement[],
  offset: number,
): PolicyStatement | undefined {
  let low = 0;
  let high = statements.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const node = statements[middle]!.node;
    if (offset < node.offset) high = middle - 1;
    else if (offset > end(node)) low = middle + 1;
    else return statements[middle];
  }
  return undefined;
}

function splitAction(
  input: CodeActionInput,
  statement: PolicyStatement,
  warnings: Diagnostic[],
): CodeAction | undefined {
  if (input.policy.syntaxProblems.some((p) => p.kind === 'syntax')) return undefined;

  const split = planSplit(statement, input.catalogue, input.policy);
  if (!split) return undefined;

  const count = split.moved.length;
  const noun = count === 1 ? 'action' : 'actions';
  const moved = `${count} ${noun} without resource-group authorization`;
  const expanded =
    split.expanded.length > 0 ? ` (listing what ${split.expanded.join(', ')} covers)` : '';
  const condition = testsResourceGroupCondition(statement)
    ? ` without the ${RESOURCE_GROUP_CONDITION_KEY} condition`
    : '';
  return {
    title: `Split statement: move ${moved} to a new statement${condition}${expanded}`,
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
