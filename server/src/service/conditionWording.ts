// How condition operators and keys read in completion and hover, worded once so that both
// features say the same thing.
import {
  type ConditionKey,
  type ConditionOperator,
  KEY_STATUS_TEXT,
  keyLabel,
  operatorsOfType,
  VALUE_TYPES,
} from './conditionCatalogue';

export const CONDITION_OPERATORS_PAGE =
  'https://www.alibabacloud.com/help/en/ram/conditional-operator';
export const POLICY_ELEMENTS_PAGE = 'https://www.alibabacloud.com/help/en/ram/policy-elements';

export function operatorMarkdown(operator: ConditionOperator): string {
  const type = VALUE_TYPES[operator.type];
  const several =
    operator.type === 'boolean'
      ? 'One value per key.'
      : 'With several values, the condition holds when any of them matches.';

  return [
    `**${operator.name}** — ${type.family} operator`,
    operator.description,
    `Values: ${type.valueForm}. ${several} Operator names are case-sensitive.`,
    `[Conditional operators](${CONDITION_OPERATORS_PAGE})`,
  ].join('\n\n');
}

export function conditionKeyMarkdown(key: ConditionKey): string {
  const type = VALUE_TYPES[key.type];
  const operators = operatorsOfType(key.type).map((operator) => `\`${operator.name}\``);
  const tag = key.tagged ? ' Write the tag key after the slash.' : '';

  return [
    `**${keyLabel(key)}** — ${type.family} value`,
    key.description + tag,
    `Operators: ${operators.join(', ')}.`,
    KEY_STATUS_TEXT[key.status],
    `[Policy elements](${POLICY_ELEMENTS_PAGE})`,
  ].join('\n\n');
}
