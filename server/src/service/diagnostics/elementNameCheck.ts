// Element names: unknown ones, ones in the wrong case (RAM's names are case-sensitive), ones RAM
// does not document, and keys written twice in one object.
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Node } from 'jsonc-parser';

import {
  documentedSpelling,
  POLICY_ELEMENTS,
  PRINCIPAL_KINDS,
  type Property,
  propertiesOf,
  STATEMENT_ELEMENTS,
  statementNodes,
  UNDOCUMENTED_STATEMENT_ELEMENTS,
} from '../policyElements';
import { RULES } from '../rules/ruleCatalogue';
import { nodeRange, report, shown } from './report';
import type { ValidationInput } from './validate';

/** The names an object may hold: documented ones, and ones RAM neither documents nor forbids. */
interface ElementNames {
  readonly where: string;
  readonly documented: readonly string[];
  readonly undocumented: readonly string[];
}

const POLICY_NAMES: ElementNames = {
  where: 'the policy',
  documented: POLICY_ELEMENTS,
  undocumented: [],
};
const STATEMENT_NAMES: ElementNames = {
  where: 'a statement',
  documented: STATEMENT_ELEMENTS,
  undocumented: UNDOCUMENTED_STATEMENT_ELEMENTS,
};

export function checkElementNames(input: ValidationInput): Diagnostic[] {
  const root = input.policy.root;
  const statements = statementNodes(root);

  return [
    ...propertiesOf(root).flatMap((p) => checkName(input, p, POLICY_NAMES)),
    ...statements.flatMap((statement) =>
      propertiesOf(statement).flatMap((p) => checkName(input, p, STATEMENT_NAMES)),
    ),
    ...statements.flatMap((statement) => checkPrincipalKinds(input, statement)),
  ];
}

function checkName(input: ValidationInput, property: Property, names: ElementNames): Diagnostic[] {
  const { documented, undocumented } = names;
  if (documented.includes(property.key) || isHalfTyped(input, property)) return [];

  const range = nodeRange(input.document, property.keyNode, input.policy.text);
  if (undocumented.includes(property.key)) {
    return [report(RULES.undocumentedSyntax, range, UNDOCUMENTED_MESSAGES[property.key]!)];
  }

  const spelling = documentedSpelling(property.key, [...documented, ...undocumented]);
  if (spelling) {
    const message = `Write ${spelling}, not ${shown(property.key)}: RAM element names are case-sensitive.`;
    return [report(RULES.elementCase, range, message)];
  }

  const message = [
    `Unknown element ${shown(property.key)} in ${names.where}: RAM rejects the policy.`,
    `Remove it, or use one of ${documented.join(', ')}.`,
  ].join(' ');
  return [report(RULES.unknownElement, range, message)];
}

// A key still being typed (an unterminated string) is not yet a name to judge.
function isHalfTyped({ policy }: ValidationInput, property: Property): boolean {
  const key = property.keyNode;
  return policy.syntaxProblems.some(
    (problem) =>
      problem.kind === 'syntax' &&
      problem.offset >= key.offset &&
      problem.offset <= key.offset + key.length,
  );
}

const UNDOCUMENTED_MESSAGES: Record<string, string> = {
  Sid: 'RAM does not document Sid: the console may reject it. Remove it if the policy is refused.',
  NotResource: [
    'RAM documents Resource only; NotResource appears in just one old grammar.',
    'The policy may be refused: prefer Resource.',
  ].join(' '),
};

// The principal kinds are the ones Terraform's policy document accepts; RAM's pages show no
// complete list, so an unknown kind is a warning rather than an error.
function checkPrincipalKinds(input: ValidationInput, statement: Node): Diagnostic[] {
  const principal = propertiesOf(statement).find((p) => p.key === 'Principal')?.valueNode;
  const kinds: readonly string[] = PRINCIPAL_KINDS;

  return propertiesOf(principal).flatMap((property) => {
    if (kinds.includes(property.key)) return [];
    const range = nodeRange(input.document, property.keyNode, input.policy.text);
    const spelling = documentedSpelling(property.key, kinds);
    if (spelling) {
      const message = `Write ${spelling}, not ${shown(property.key)}: principal kinds are case-sensitive.`;
      return [report(RULES.elementCase, range, message)];
    }
    const message = [
      `${shown(property.key)} is not a principal kind RAM is known to accept.`,
      `Use ${kinds.join(', ')}, or check that RAM accepts it.`,
    ].join(' ');
    return [report(RULES.undocumentedSyntax, range, message)];
  });
}

/** Every key after the first of the same name in one object, anywhere in the policy. */
export function checkDuplicateKeys(input: ValidationInput): Diagnostic[] {
  return duplicateKeys(input.policy.root).map((keyNode) => {
    const message = [
      `Duplicate key ${shown(String(keyNode.value))}: this object already has one, and RAM may keep`,
      'either. Merge the two, or remove one.',
    ].join(' ');
    return report(
      RULES.duplicateKey,
      nodeRange(input.document, keyNode, input.policy.text),
      message,
    );
  });
}

/** The key nodes that repeat an earlier key of the same object. */
export function duplicateKeys(node: Node | undefined): Node[] {
  if (node === undefined) return [];

  const seen = new Set<string>();
  const repeated = propertiesOf(node).flatMap((property) => {
    if (!seen.has(property.key)) {
      seen.add(property.key);
      return [];
    }
    return [property.keyNode];
  });
  return [...repeated, ...childValues(node).flatMap(duplicateKeys)];
}

function childValues(node: Node): Node[] {
  if (node.type === 'array') return node.children ?? [];
  if (node.type !== 'object') return [];
  return propertiesOf(node).flatMap((property) => (property.valueNode ? [property.valueNode] : []));
}
