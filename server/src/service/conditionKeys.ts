// Condition keys that tie a statement to resource-group semantics. `acs:ResourceGroupId` is used
// in practice to limit a statement to a resource group (see the WAF authorization table and
// community policies), although Alibaba Cloud does not document it as a global condition key. An
// account-only action has no resource group, so such a condition never holds for it.
import type { Node } from 'jsonc-parser';

import type { PolicyStatement } from './policyDocument';

export const RESOURCE_GROUP_CONDITION_KEY = 'acs:ResourceGroupId';

/** True when the statement's Condition tests acs:ResourceGroupId under some operator. */
export function testsResourceGroupCondition(statement: PolicyStatement): boolean {
  return operatorsOf(statement.conditionNode).some((operator) =>
    (operator.children ?? []).some((member) => isResourceGroupKey(member.children?.[0]?.value)),
  );
}

/**
 * The Condition value without acs:ResourceGroupId: the key is dropped from each operator, an
 * operator left empty is dropped, and undefined is returned when nothing is left.
 */
export function conditionWithoutResourceGroup(condition: unknown): object | undefined {
  if (!isRecord(condition)) return undefined;

  const kept: Record<string, unknown> = {};
  for (const [operator, tests] of Object.entries(condition)) {
    if (!isRecord(tests)) {
      kept[operator] = tests;
      continue;
    }
    const remaining = Object.entries(tests).filter(([key]) => !isResourceGroupKey(key));
    if (remaining.length > 0) kept[operator] = Object.fromEntries(remaining);
  }
  return Object.keys(kept).length > 0 ? kept : undefined;
}

// RAM matches condition keys without regard to case.
function isResourceGroupKey(key: unknown): boolean {
  return (
    typeof key === 'string' && key.toLowerCase() === RESOURCE_GROUP_CONDITION_KEY.toLowerCase()
  );
}

function operatorsOf(condition: Node | undefined): Node[] {
  if (condition?.type !== 'object') return [];
  return (condition.children ?? [])
    .map((property) => property.children?.[1])
    .filter((value): value is Node => value?.type === 'object');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
