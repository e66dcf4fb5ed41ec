// The condition language of RAM policies: the operators in their five families, the values each
// family compares, and the common `acs:` condition keys with the type of value each holds.
//
// Sources (facts only, in our own words):
// - operators and their families: Alibaba Cloud, "Conditional operators",
//   https://www.alibabacloud.com/help/en/ram/conditional-operator
// - common keys: Alibaba Cloud, "Policy elements", https://www.alibabacloud.com/help/en/ram/policy-elements
//   (and its older copy in the AlibabaCloudDocs/ram repository); tag keys: "Use tags to control
//   access to resources"; the others from the service pages named on each key.
// - undocumented forms (`…IfExists`, `ForAnyValue:`, `ForAllValues:`, `Null`): no Alibaba Cloud
//   page documents them for RAM; they are AWS IAM features.
import { editDistance } from './catalogue';

/** The kind of value an operator compares, and the kind a condition key holds. */
export type ValueType = 'string' | 'number' | 'date' | 'boolean' | 'ip';

export interface ConditionOperator {
  readonly name: string;
  readonly type: ValueType;
  readonly description: string;
}

/** How an operator family reads in messages and hovers. */
export interface ValueTypeInfo {
  /** The family's title, e.g. `date and time`. */
  readonly family: string;
  /** What a value looks like, e.g. `an ISO 8601 date and time such as 2026-01-31T23:59:59Z`. */
  readonly valueForm: string;
}

export const VALUE_TYPES: Readonly<Record<ValueType, ValueTypeInfo>> = {
  string: { family: 'string', valueForm: 'a string' },
  number: { family: 'numeric', valueForm: 'a number such as 10 or 2.5' },
  date: {
    family: 'date and time',
    valueForm: 'an ISO 8601 date and time such as 2026-01-31T23:59:59Z',
  },
  boolean: { family: 'Boolean', valueForm: 'one value, "true" or "false"' },
  ip: { family: 'IP address', valueForm: 'an IP address or CIDR block such as 192.168.0.0/16' },
};

export const CONDITION_OPERATORS: readonly ConditionOperator[] = [
  op('StringEquals', 'string', 'The value equals one of the strings, case-sensitively.'),
  op('StringNotEquals', 'string', 'The value equals none of the strings, case-sensitively.'),
  op('StringEqualsIgnoreCase', 'string', 'The value equals one of the strings, ignoring case.'),
  op('StringNotEqualsIgnoreCase', 'string', 'The value equals none of the strings, ignoring case.'),
  op('StringLike', 'string', 'The value matches one of the patterns (`*` any run, `?` one).'),
  op('StringNotLike', 'string', 'The value matches none of the patterns (`*` any run, `?` one).'),
  op('NumericEquals', 'number', 'The value equals one of the numbers.'),
  op('NumericNotEquals', 'number', 'The value equals none of the numbers.'),
  op('NumericLessThan', 'number', 'The value is less than the number.'),
  op('NumericLessThanEquals', 'number', 'The value is less than or equal to the number.'),
  op('NumericGreaterThan', 'number', 'The value is greater than the number.'),
  op('NumericGreaterThanEquals', 'number', 'The value is greater than or equal to the number.'),
  op('DateEquals', 'date', 'The time equals the given time.'),
  op('DateNotEquals', 'date', 'The time differs from the given time.'),
  op('DateLessThan', 'date', 'The time is before the given time.'),
  op('DateLessThanEquals', 'date', 'The time is at or before the given time.'),
  op('DateGreaterThan', 'date', 'The time is after the given time.'),
  op('DateGreaterThanEquals', 'date', 'The time is at or after the given time.'),
  op('Bool', 'boolean', 'The Boolean value is the given one, `"true"` or `"false"`.'),
  op('IpAddress', 'ip', 'The address is one of the IP addresses or in one of the CIDR blocks.'),
  op('NotIpAddress', 'ip', 'The address is none of the IP addresses and in none of the blocks.'),
];

/** Where a condition key is documented, from surest to least sure. */
export type KeyStatus = 'common' | 'service' | 'unconfirmed';

export interface ConditionKey {
  /** The key, or for a tag key the part before the tag name (`acs:RequestTag/`). */
  readonly name: string;
  readonly type: ValueType;
  readonly description: string;
  readonly status: KeyStatus;
  /** True for a key family that a tag name completes, such as `acs:RequestTag/<tag-key>`. */
  readonly tagged?: boolean;
}

export const CONDITION_KEYS: readonly ConditionKey[] = [
  key('acs:CurrentTime', 'date', 'The time at which RAM receives the request.', 'common'),
  key('acs:SecureTransport', 'boolean', 'Whether the request was sent over HTTPS.', 'common'),
  key('acs:SourceIp', 'ip', 'The IP address the request was sent from.', 'common'),
  key('acs:MFAPresent', 'boolean', 'Whether the caller signed in with MFA.', 'common'),
  key('acs:SourceVpc', 'string', 'The ID of the VPC the request was sent from.', 'service'),
  key('acs:AccessId', 'string', 'The AccessKey ID that signed the request.', 'service'),
  key('acs:UserAgent', 'string', 'The User-Agent of the request.', 'service'),
  key('acs:PrincipalARN', 'string', 'The ARN of the identity that sends the request.', 'service'),
  key('acs:PrincipalRdId', 'string', 'The resource directory of the caller.', 'unconfirmed'),
  key('acs:PrincipalRdPath', 'string', 'The resource directory path of the caller.', 'unconfirmed'),
  key('acs:ResourceGroupId', 'string', 'The resource group of the resource.', 'unconfirmed'),
  {
    ...key('acs:RequestTag/', 'string', 'A tag that the request passes.', 'common'),
    tagged: true,
  },
  {
    ...key('acs:ResourceTag/', 'string', 'A tag that the resource carries.', 'common'),
    tagged: true,
  },
];

/** What a status means, for hovers. */
export const KEY_STATUS_TEXT: Readonly<Record<KeyStatus, string>> = {
  common: 'A common condition key documented by RAM.',
  service:
    "Used in Alibaba Cloud services' own examples (OSS, SLS, Resource Directory), not on RAM's " +
    'list of common keys: check that the service you grant supports it.',
  unconfirmed:
    "Not confirmed by Alibaba Cloud's RAM documentation: check that the service you grant " +
    'supports it.',
};

/** The label of a key: `acs:RequestTag/<tag-key>` for a tag key family. */
export function keyLabel(conditionKey: ConditionKey): string {
  return conditionKey.tagged ? `${conditionKey.name}<tag-key>` : conditionKey.name;
}

/** The operator written exactly so; RAM's operator names are case-sensitive. */
export function operatorNamed(name: string): ConditionOperator | undefined {
  return CONDITION_OPERATORS.find((operator) => operator.name === name);
}

/** The operator that `name` spells in another case, if any. */
export function operatorInOtherCase(name: string): ConditionOperator | undefined {
  const folded = name.toLowerCase();
  return CONDITION_OPERATORS.find((operator) => operator.name.toLowerCase() === folded);
}

/** Up to three operators closest to a misspelt name, nearest first. */
export function closestOperators(name: string): ConditionOperator[] {
  const target = name.toLowerCase();
  const limit = Math.max(2, Math.floor(target.length / 3));

  return CONDITION_OPERATORS.map((operator) => ({
    operator,
    distance: editDistance(target, operator.name.toLowerCase()),
  }))
    .filter((candidate) => candidate.distance <= limit)
    .sort((a, b) => a.distance - b.distance)
    .slice(0, 3)
    .map((candidate) => candidate.operator);
}

/** An operator as written, with the forms RAM does not document taken apart. */
export interface WrittenOperator {
  /** The operator without `ForAnyValue:`/`ForAllValues:` and `IfExists`. */
  readonly base: string;
  /** The undocumented forms in it, as written (`ForAnyValue:`, `IfExists`, `Null`). */
  readonly undocumentedForms: readonly string[];
}

// AWS IAM's forms are recognised in any case so that a miscased one still gets its warning.
export function readOperator(written: string): WrittenOperator {
  const forms: string[] = [];
  let base = written;

  const setPrefix = /^(ForAnyValue|ForAllValues):/i.exec(base);
  if (setPrefix) {
    forms.push(setPrefix[0]);
    base = base.slice(setPrefix[0].length);
  }
  const ifExists = /.(IfExists)$/i.exec(base);
  if (ifExists?.[1]) {
    forms.push(ifExists[1]);
    base = base.slice(0, -ifExists[1].length);
  }
  if (base.toLowerCase() === 'null') forms.push(base);

  return { base, undocumentedForms: forms };
}

/** True for a key of the form `<prefix>:<name>`, where the prefix is a service code or `acs`. */
export function isWellFormedKey(name: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9_-]*:[^\s:]\S*$/.test(name);
}

/** True for a key in the `acs:` namespace of the common keys. */
export function isCommonNamespace(name: string): boolean {
  return name.toLowerCase().startsWith('acs:');
}

/**
 * The common key that `name` names. Keys are matched without case: no source says whether RAM
 * matches them with case, and the sources themselves spell `acs:PrincipalARN` both ways.
 */
export function conditionKeyNamed(name: string): ConditionKey | undefined {
  const folded = name.toLowerCase();
  return CONDITION_KEYS.find((candidate) => {
    const known = candidate.name.toLowerCase();
    if (!candidate.tagged) return known === folded;
    return folded.startsWith(known) && folded.length > known.length;
  });
}

/** Up to three common keys closest to a misspelt `acs:` key, nearest first. */
export function closestKeys(name: string): ConditionKey[] {
  const target = name.toLowerCase();
  const limit = Math.max(2, Math.floor(target.length / 3));

  return CONDITION_KEYS.map((candidate) => ({
    candidate,
    distance: editDistance(target, keyLabel(candidate).toLowerCase()),
  }))
    .filter((ranked) => ranked.distance <= limit)
    .sort((a, b) => a.distance - b.distance)
    .slice(0, 3)
    .map((ranked) => ranked.candidate);
}

/** The operators that compare values of a type, for messages: `IpAddress or NotIpAddress`. */
export function operatorsOfType(type: ValueType): ConditionOperator[] {
  return CONDITION_OPERATORS.filter((operator) => operator.type === type);
}

function op(name: string, type: ValueType, description: string): ConditionOperator {
  return { name, type, description };
}

function key(name: string, type: ValueType, description: string, status: KeyStatus) {
  return { name, type, description, status };
}
