// The conditions of each statement, `{ "<operator>": { "<key>": value-or-values } }`: operators
// RAM has, in the right case; keys of the form `<prefix>:<name>`, common `acs:` keys it knows;
// operators that fit their keys; values of the type each operator compares. Keys of other
// services are their own business and are not checked beyond their form. Shapes other than
// objects are left to the structure checks.
import type { Node } from 'jsonc-parser';
import type { Diagnostic } from 'vscode-languageserver-types';

import {
  closestKeys,
  closestOperators,
  type ConditionKey,
  type ConditionOperator,
  conditionKeyNamed,
  isCommonNamespace,
  isWellFormedKey,
  keyLabel,
  operatorInOtherCase,
  operatorNamed,
  operatorsOfType,
  readOperator,
  VALUE_TYPES,
  type ValueType,
} from '../conditionCatalogue';
import { fitsValueType } from '../valueSyntax';
import { type Rule, RULES } from '../rules/ruleCatalogue';
import { nodeRange, report, shown } from './report';
import type { ValidationInput } from './validate';

export function checkConditions(input: ValidationInput): Diagnostic[] {
  return input.policy.statements.flatMap((statement) =>
    propertiesOf(statement.conditionNode).flatMap((block) => checkOperatorBlock(input, block)),
  );
}

/** One `"<operator>": { … }` or `"<key>": values` property: its key and value nodes. */
interface Property {
  readonly keyNode: Node;
  readonly valueNode: Node | undefined;
}

function propertiesOf(object: Node | undefined): Property[] {
  if (object?.type !== 'object') return [];

  return (object.children ?? []).flatMap((property) => {
    const keyNode = property.children?.[0];
    return keyNode ? [{ keyNode, valueNode: property.children?.[1] }] : [];
  });
}

function checkOperatorBlock(input: ValidationInput, block: Property): Diagnostic[] {
  const written = String(block.keyNode.value);
  const { base, undocumentedForms } = readOperator(written);
  const isNull = base.toLowerCase() === 'null';
  const found: Diagnostic[] = [];

  if (undocumentedForms.length > 0) {
    found.push(
      at(input, block.keyNode, RULES.undocumentedConditionForm, formMessage(base, isNull)),
    );
  }

  // A miscased operator still tells which values its keys take, so they are checked too.
  const operator = isNull ? undefined : (operatorNamed(base) ?? operatorInOtherCase(base));
  if (!isNull && operator?.name !== base) {
    found.push(at(input, block.keyNode, RULES.unknownConditionOperator, operatorMessage(base)));
  }

  const keys = propertiesOf(block.valueNode);
  return [...found, ...keys.flatMap((key) => checkKey(input, operator, key))];
}

function checkKey(
  input: ValidationInput,
  operator: ConditionOperator | undefined,
  property: Property,
): Diagnostic[] {
  const name = String(property.keyNode.value);
  if (!isWellFormedKey(name)) {
    return [at(input, property.keyNode, RULES.conditionKeyFormat, keyFormatMessage(name))];
  }

  const known = isCommonNamespace(name) ? conditionKeyNamed(name) : undefined;
  const found: Diagnostic[] = [];
  if (isCommonNamespace(name) && !known) {
    found.push(at(input, property.keyNode, RULES.unknownConditionKey, unknownKeyMessage(name)));
  }
  if (!operator || !property.valueNode) return found;

  if (known && known.type !== operator.type) {
    const message = mismatchMessage(name, known, operator);
    return [...found, at(input, property.keyNode, RULES.conditionOperatorMismatch, message)];
  }
  return [...found, ...checkValues(input, operator, property.valueNode)];
}

function checkValues(
  input: ValidationInput,
  operator: ConditionOperator,
  value: Node,
): Diagnostic[] {
  const nodes = value.type === 'array' ? (value.children ?? []) : [value];
  if (operator.type === 'boolean' && nodes.length > 1) {
    const message =
      `Invalid condition multiple Boolean: ${operator.name} takes one value per key, ` +
      '"true" or "false". Keep one.';
    return [at(input, value, RULES.conditionMultipleBoolean, message)];
  }

  return nodes.flatMap((node) => {
    const text = scalarText(node);
    if (text === undefined || fitsValueType(text, operator.type)) return [];
    return [at(input, node, RULES.conditionValueType, valueMessage(text, operator))];
  });
}

// RAM's documents write every value as a string; a JSON number or Boolean is read as its text.
function scalarText(node: Node): string | undefined {
  const scalar = node.type === 'string' || node.type === 'number' || node.type === 'boolean';
  return scalar ? String(node.value) : undefined;
}

function at(input: ValidationInput, node: Node, rule: Rule, message: string): Diagnostic {
  return report(rule, nodeRange(input.document, node, input.policy.text), message);
}

function formMessage(base: string, isNull: boolean): string {
  if (isNull) {
    return (
      'RAM does not document the Null operator (an AWS IAM form), and may reject the policy. ' +
      'Test the key with a documented operator instead.'
    );
  }
  const known = operatorNamed(base);
  const instead = known ? ` Write ${known.name} alone.` : '';
  return (
    'RAM does not document IfExists, ForAnyValue: or ForAllValues: (AWS IAM forms), and may ' +
    `reject the policy.${instead}`
  );
}

function operatorMessage(written: string): string {
  const other = operatorInOtherCase(written);
  if (other) return `Condition operators are case-sensitive: write ${other.name}.`;

  const closest = closestOperators(written).map((operator) => operator.name);
  if (closest.length > 0) {
    return `Invalid condition operator ${shown(written)}. Did you mean ${closest.join(', ')}?`;
  }
  return (
    `Invalid condition operator ${shown(written)}: ` +
    'use a string, numeric, date, Bool or IP address operator such as StringEquals.'
  );
}

function keyFormatMessage(name: string): string {
  return (
    `Invalid condition key format: ${shown(name)} is not <prefix>:<name>. ` +
    'Write a common key such as acs:SourceIp or a key of the service.'
  );
}

function unknownKeyMessage(name: string): string {
  const closest = closestKeys(name).map(keyLabel);
  const hint = closest.length > 0 ? ` Did you mean ${closest.join(', ')}?` : ' Check the spelling.';
  return `${shown(name)} is not a known common condition key.${hint}`;
}

function mismatchMessage(
  name: string,
  conditionKey: ConditionKey,
  operator: ConditionOperator,
): string {
  const holds = VALUE_TYPES[conditionKey.type].family;
  const compares = VALUE_TYPES[operator.type].family;
  return (
    `${name} holds ${article(holds)} ${holds} value, but ${operator.name} compares ` +
    `${compares} values. Use ${operatorsFor(conditionKey.type)}.`
  );
}

function valueMessage(text: string, operator: ConditionOperator): string {
  const expected = VALUE_TYPES[operator.type].valueForm;
  return `Data type mismatch: ${operator.name} takes ${expected}, not "${shown(text)}".`;
}

/** `IpAddress or NotIpAddress`, `Bool`, or `a date and time operator such as DateEquals`. */
function operatorsFor(type: ValueType): string {
  const names = operatorsOfType(type).map((operator) => operator.name);
  if (names.length <= 2) return names.join(' or ');
  const family = VALUE_TYPES[type].family;
  return `${article(family)} ${family} operator such as ${names[0]}`;
}

function article(word: string): string {
  return /^[aeiouAEIOU]/.test(word) ? 'an' : 'a';
}
