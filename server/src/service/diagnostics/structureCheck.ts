// The shape of a policy: Version "1", Statement an array of statement objects, and in each
// statement an Effect, exactly one of Action and NotAction, a Resource in identity policies, a
// Principal in trust policies, and values of the right JSON types.
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Node } from 'jsonc-parser';

import {
  hasElement,
  isTrustPolicy,
  type Property,
  propertiesOf,
  statementNodes,
} from '../policyElements';
import { type Rule, RULES } from '../rules/ruleCatalogue';
import { nodeRange, rangeOf, report, shown } from './report';
import type { ValidationInput } from './validate';

export function checkStructure(input: ValidationInput): Diagnostic[] {
  const root = input.policy.root;
  if (root?.type !== 'object') return [];

  const trustPolicy = isTrustPolicy(root);
  return [
    ...checkPolicyElements(input, root),
    ...statementNodes(root).flatMap((statement) => checkStatement(input, statement, trustPolicy)),
  ];
}

function checkPolicyElements(input: ValidationInput, root: Node): Diagnostic[] {
  const found: Diagnostic[] = [];
  const at = (node: Node, rule: Rule, message: string) =>
    found.push(report(rule, nodeRange(input.document, node, input.policy.text), message));

  for (const name of ['Version', 'Statement']) {
    if (hasElement(root, name) || brokenWithin(input, root)) continue;
    const message = `The policy has no ${name}. Add ${REQUIRED_EXAMPLES[name]}.`;
    found.push(report(RULES.missingElement, openingBrace(input, root), message));
  }

  const properties = propertiesOf(root);
  const version = properties.find((p) => p.key === 'Version')?.valueNode;
  if (version && version.value !== '1') at(version, RULES.invalidVersion, versionMessage(version));

  const statement = properties.find((p) => p.key === 'Statement')?.valueNode;
  if (statement) checkStatementList(statement, at);
  return found;
}

const REQUIRED_EXAMPLES: Record<string, string> = {
  Version: '"Version": "1"',
  Statement: '"Statement": [ … ] with at least one statement',
  Effect: '"Effect": "Allow" or "Effect": "Deny"',
};

function versionMessage(version: Node): string {
  if (version.type === 'string') {
    const written = shown(JSON.stringify(version.value));
    return `Version ${written} is not one RAM knows: the only version is "1".`;
  }
  return 'Version must be the string "1", in quotes.';
}

type Report = (node: Node, rule: Rule, message: string) => void;

function checkStatementList(statement: Node, at: Report): void {
  if (statement.type === 'object') {
    const message = [
      'Statement is a single object: RAM documents an array of statements, and does not say',
      'whether it accepts a bare object. Write [ { … } ].',
    ].join(' ');
    at(statement, RULES.undocumentedSyntax, message);
    return;
  }
  if (statement.type !== 'array') {
    at(statement, RULES.wrongType, 'Statement must be an array of statement objects.');
    return;
  }

  if ((statement.children ?? []).length === 0) {
    at(statement, RULES.emptyArray, 'Statement is empty: add at least one statement.');
  }
  for (const item of statement.children ?? []) {
    if (item.type !== 'object') at(item, RULES.wrongType, 'Each statement must be a JSON object.');
  }
}

function checkStatement(
  input: ValidationInput,
  statement: Node,
  trustPolicy: boolean,
): Diagnostic[] {
  const found: Diagnostic[] = [];
  const at: Report = (node, rule, message) =>
    found.push(report(rule, nodeRange(input.document, node, input.policy.text), message));
  const missing = (rule: Rule, message: string) =>
    found.push(report(rule, openingBrace(input, statement), message));

  if (!brokenWithin(input, statement)) checkRequiredElements(statement, trustPolicy, missing);
  checkActionElements(statement, at);
  for (const property of propertiesOf(statement)) checkStatementValue(property, at);
  return found;
}

function checkRequiredElements(
  statement: Node,
  trustPolicy: boolean,
  missing: (rule: Rule, message: string) => void,
): void {
  if (!hasElement(statement, 'Effect')) {
    missing(RULES.missingElement, `This statement has no Effect. Add ${REQUIRED_EXAMPLES.Effect}.`);
  }
  if (!hasElement(statement, 'Action') && !hasElement(statement, 'NotAction')) {
    const message = 'This statement has neither Action nor NotAction. Add the actions it governs.';
    missing(RULES.missingAction, message);
  }

  const hasResource = hasElement(statement, 'Resource') || hasElement(statement, 'NotResource');
  if (!trustPolicy && !hasResource) {
    const message = 'This statement has no Resource. Add "Resource": "*" or the ARNs it covers.';
    missing(RULES.missingResource, message);
  }
  if (trustPolicy && !hasElement(statement, 'Principal')) {
    const message = [
      'Other statements name a Principal, so this is a trust policy and each statement needs',
      'one. Add a Principal, or move this statement to an identity policy.',
    ].join(' ');
    missing(RULES.missingPrincipal, message);
  }
}

// The second of Action and NotAction is reported, so that the one written first stands.
function checkActionElements(statement: Node, at: Report): void {
  const elements = propertiesOf(statement).filter(
    (p) => p.key === 'Action' || p.key === 'NotAction',
  );
  const second = elements.find((p) => p.key !== elements[0]?.key);
  if (!second) return;

  const message = 'A statement takes Action or NotAction, not both. Remove one of them.';
  at(second.keyNode, RULES.actionAndNotAction, message);
}

function checkStatementValue({ key, valueNode }: Property, at: Report): void {
  if (!valueNode) return;

  if (key === 'Effect') checkEffect(valueNode, at);
  if (['Action', 'NotAction', 'Resource', 'NotResource'].includes(key)) {
    checkStringList(key, valueNode, at);
  }
  if (key === 'Condition' && valueNode.type !== 'object') {
    const shape = '{ "<operator>": { "<key>": value } }';
    at(valueNode, RULES.wrongType, `Condition must be an object of operators: ${shape}.`);
  }
  if (key === 'Principal') checkPrincipal(valueNode, at);
  if (key === 'Sid' && valueNode.type !== 'string') {
    at(valueNode, RULES.wrongType, 'Sid must be a string.');
  }
}

function checkEffect(effect: Node, at: Report): void {
  if (effect.type !== 'string') {
    at(effect, RULES.wrongType, 'Effect must be the string "Allow" or "Deny".');
    return;
  }
  if (effect.value === 'Allow' || effect.value === 'Deny') return;

  const folded = String(effect.value).toLowerCase();
  const meant = folded === 'allow' ? 'Allow' : folded === 'deny' ? 'Deny' : undefined;
  const message = meant
    ? `Write "${meant}": Effect values are case-sensitive.`
    : `Effect ${shown(JSON.stringify(effect.value))} is not one RAM knows: use "Allow" or "Deny".`;
  at(effect, RULES.invalidEffect, message);
}

function checkStringList(key: string, value: Node, at: Report): void {
  if (value.type === 'string') return;
  if (value.type !== 'array') {
    at(value, RULES.wrongType, `${key} must be a string or an array of strings.`);
    return;
  }

  const items = value.children ?? [];
  if (items.length === 0) {
    const message = `${key} is an empty array: list at least one value.`;
    at(value, RULES.emptyArray, message);
  }
  for (const item of items) {
    if (item.type !== 'string') at(item, RULES.wrongType, `Each ${key} value must be a string.`);
  }
}

function checkPrincipal(principal: Node, at: Report): void {
  if (principal.type !== 'object') {
    const shape = '{ "RAM": [ … ] }, { "Service": [ … ] } or { "Federated": [ … ] }';
    at(principal, RULES.wrongType, `Principal must be an object of principal kinds: ${shape}.`);
    return;
  }
  for (const kind of propertiesOf(principal)) {
    if (kind.valueNode) checkStringList(`Principal ${kind.key}`, kind.valueNode, at);
  }
}

// While an object is half typed, its JSON is broken and the parser recovers only part of it:
// what looks missing may just not be parsed yet, so nothing is reported missing there.
function brokenWithin({ policy }: ValidationInput, object: Node): boolean {
  return policy.syntaxProblems.some(
    (problem) =>
      problem.kind === 'syntax' &&
      problem.offset >= object.offset &&
      problem.offset <= object.offset + object.length,
  );
}

function openingBrace(input: ValidationInput, object: Node) {
  return rangeOf(input.document, object.offset, 1);
}
