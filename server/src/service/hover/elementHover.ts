// Hover documentation for the elements of the policy grammar: what Version, Statement and each
// statement element mean and which values RAM accepts. Element names are case-sensitive, so a
// miscased one gets no hover (the structure checks report it).
// Source: Alibaba Cloud, "Policy elements", https://www.alibabacloud.com/help/en/ram/policy-elements
// and "Policy structure and syntax", https://www.alibabacloud.com/help/en/ram/policy-structure-and-syntax
import type { Node } from 'jsonc-parser';
import { type Hover, MarkupKind } from 'vscode-languageserver-types';

import { POLICY_ELEMENTS_PAGE } from '../conditionWording';
import type { PolicyDocument } from '../policyDocument';
import { keyHover, type KeyAt } from './keyAt';

const POLICY_ELEMENTS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    Version: 'The version of the policy language. Allowed value: `"1"`, the only version RAM has.',
    Statement:
      'The statements of the policy: an array of objects, each with `Effect`, `Action` or ' +
      '`NotAction`, `Resource` and, optionally, `Condition`. An explicit Deny in any statement ' +
      'overrides every Allow.',
  }),
);

const STATEMENT_ELEMENTS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    Effect:
      'Whether the statement allows or denies its actions. Allowed values: `"Allow"` and ' +
      '`"Deny"`, case-sensitive. A Deny overrides any Allow.',
    Action:
      'The actions the statement allows or denies, each `<ram-code>:<action-name>` such as ' +
      '`cams:SendChatappMessage`; `*` matches any run of characters and `?` one. A string or an ' +
      'array of strings. A statement has either `Action` or `NotAction`.',
    NotAction:
      'Every action except these, in the same form as `Action`. With Allow it grants very broad ' +
      'access, and it is not the same as a Deny. A statement has either `Action` or `NotAction`.',
    Resource:
      'The resources the statement applies to: `*`, or ARNs ' +
      '`acs:<service>:<region>:<account>:<relative-id>` such as `acs:cams:*:*:instance/*`. A ' +
      'string or an array of strings. Actions documented with "All Resources" take `*` only.',
    Condition:
      'When the statement applies, as `{ "<operator>": { "<key>": value or values } }`. Every ' +
      'operator and every key must hold; the values of one key are alternatives. Optional.',
    Principal:
      'Who the statement applies to, in trust and other resource-based policies only: an object ' +
      'whose keys are `RAM`, `Service` or `Federated`. Identity policies attached to users, ' +
      'groups and roles have `Resource` instead.',
  }),
);

/** The hover of a policy or statement element key, or null elsewhere. */
export function elementHover(policy: PolicyDocument, key: KeyAt): Hover | null {
  const text = documentationOf(policy, key.node, key.name);
  if (!text) return null;

  const value = [`**${key.name}**`, text, `[Policy elements](${POLICY_ELEMENTS_PAGE})`];
  return keyHover(key, { kind: MarkupKind.Markdown, value: value.join('\n\n') });
}

function documentationOf(policy: PolicyDocument, keyNode: Node, name: string): string | undefined {
  const object = keyNode.parent?.parent;
  if (object && object === policy.root) return POLICY_ELEMENTS.get(name);

  const inStatement = policy.statements.some((statement) => statement.node === object);
  return inStatement ? STATEMENT_ELEMENTS.get(name) : undefined;
}
