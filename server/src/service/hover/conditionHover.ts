// Hover documentation for the operators and common keys of a statement's Condition: what each
// compares, the values it takes, and for a form RAM does not document, that it does not.
import { type Hover, MarkupKind } from 'vscode-languageserver-types';

import {
  conditionKeyNamed,
  isCommonNamespace,
  operatorInOtherCase,
  operatorNamed,
  readOperator,
} from '../conditionCatalogue';
import { conditionKeyMarkdown, operatorMarkdown } from '../conditionWording';
import type { PolicyDocument } from '../policyDocument';
import { keyHover, type KeyAt, objectOf } from './keyAt';

/** The hover of a condition operator or common condition key, or null elsewhere. */
export function conditionHover(policy: PolicyDocument, key: KeyAt): Hover | null {
  const object = objectOf(key);
  if (!object) return null;

  const conditions = policy.statements.flatMap((statement) =>
    statement.conditionNode ? [statement.conditionNode] : [],
  );
  if (conditions.includes(object)) return operatorHover(key);

  // A condition key's object is the value of an operator property of a Condition.
  const operatorProperty = object.parent;
  if (operatorProperty?.type !== 'property' || !operatorProperty.parent) return null;
  return conditions.includes(operatorProperty.parent) ? conditionKeyHover(key) : null;
}

function operatorHover(key: KeyAt): Hover | null {
  const { base, undocumentedForms } = readOperator(key.name);
  const operator = operatorNamed(base) ?? operatorInOtherCase(base);
  const notes: string[] = [];

  if (undocumentedForms.length > 0) {
    const forms = undocumentedForms.map((form) => `\`${form}\``).join(' and ');
    const verb = undocumentedForms.length > 1 ? 'are' : 'is';
    notes.push(`*${forms} ${verb} not documented by RAM (AWS IAM has it); RAM may reject it.*`);
  }
  if (operator && operator.name !== base) {
    notes.push(`*Operator names are case-sensitive: write \`${operator.name}\`.*`);
  }
  if (!operator) return notes.length > 0 ? markdown(key, notes) : null;
  return markdown(key, [...notes, operatorMarkdown(operator)]);
}

// Other services' keys are theirs to document; only the common `acs:` keys are explained.
function conditionKeyHover(key: KeyAt): Hover | null {
  const conditionKey = isCommonNamespace(key.name) ? conditionKeyNamed(key.name) : undefined;
  return conditionKey ? markdown(key, [conditionKeyMarkdown(conditionKey)]) : null;
}

function markdown(key: KeyAt, sections: string[]): Hover {
  return keyHover(key, { kind: MarkupKind.Markdown, value: sections.join('\n\n') });
}
