// The element names of the RAM policy language, as the reference documents them. Element names
// are case-sensitive in RAM, so a name in another case is a mistake that can be named exactly.
import type { Node } from 'jsonc-parser';

/** The elements of the top-level object. RAM documents no others (no `Id`). */
export const POLICY_ELEMENTS = ['Version', 'Statement'] as const;

/** The documented elements of a statement. */
export const STATEMENT_ELEMENTS = [
  'Effect',
  'Action',
  'NotAction',
  'Resource',
  'Condition',
  'Principal',
] as const;

/**
 * Statement elements that peers of RAM know but RAM does not document: nothing mentions `Sid`,
 * and only an old grammar offers `NotResource`. The console may or may not accept them.
 */
export const UNDOCUMENTED_STATEMENT_ELEMENTS = ['Sid', 'NotResource'] as const;

/** The principal kinds of a trust policy, as Terraform's policy document accepts them. */
export const PRINCIPAL_KINDS = ['RAM', 'Service', 'Federated'] as const;

/** One property of an object node. */
export interface Property {
  readonly key: string;
  readonly keyNode: Node;
  readonly valueNode: Node | undefined;
}

export function propertiesOf(object: Node | undefined): Property[] {
  if (object?.type !== 'object') return [];

  return (object.children ?? []).flatMap((property) => {
    const keyNode = property.children?.[0];
    if (typeof keyNode?.value !== 'string') return [];
    return [{ key: keyNode.value, keyNode, valueNode: property.children?.[1] }];
  });
}

/** The documented spelling of `name` among `known`, when they differ only in case. */
export function documentedSpelling(name: string, known: readonly string[]): string | undefined {
  const folded = name.toLowerCase();
  return known.find((candidate) => candidate !== name && candidate.toLowerCase() === folded);
}

/** True when the object has `name` in any case, so a misspelt element is not also "missing". */
export function hasElement(object: Node, name: string): boolean {
  const folded = name.toLowerCase();
  return propertiesOf(object).some((property) => property.key.toLowerCase() === folded);
}

/** The statement objects of a policy: the items of `Statement`, or a bare object. */
export function statementNodes(root: Node | undefined): Node[] {
  const statement = propertiesOf(root).find((p) => p.key === 'Statement')?.valueNode;
  const items = statement?.type === 'array' ? (statement.children ?? []) : [statement];
  return items.filter((node): node is Node => node?.type === 'object');
}

/** A trust (resource-based) policy names a `Principal` in its statements; others do not. */
export function isTrustPolicy(root: Node | undefined): boolean {
  return statementNodes(root).some((statement) =>
    propertiesOf(statement).some((property) => property.key === 'Principal'),
  );
}
