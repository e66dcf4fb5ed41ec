// The resources of each statement: `*` or an ARN with the `acs` prefix and all five fields, as
// the RAM console checks ("Invalid ARN prefix", "Missing ARN field"); for cams, an instance.
// Values that are not strings are left to the structure checks.
import type { Node } from 'jsonc-parser';
import type { Diagnostic } from 'vscode-languageserver-types';

import { ARN_PREFIX, isCamsRelativeId, type ParsedResource, parseResource } from '../arn';
import { type Rule, RULES } from '../rules/ruleCatalogue';
import { nodeRange, report, shown } from './report';
import type { ValidationInput } from './validate';

const ARN_FORM = 'acs:<service>:<region>:<account>:<relative-id>';

export function checkResources(input: ValidationInput): Diagnostic[] {
  return input.policy.statements.flatMap((statement) =>
    resourceStrings(statement.resourceNode).flatMap((node) => checkResource(input, node)),
  );
}

/** The string entries of a `Resource` value, given as a string or an array. */
export function resourceStrings(value: Node | undefined): Node[] {
  const nodes = value?.type === 'array' ? (value.children ?? []) : value ? [value] : [];
  return nodes.filter((node) => node.type === 'string' && typeof node.value === 'string');
}

function checkResource(input: ValidationInput, node: Node): Diagnostic[] {
  const value = node.value as string;
  const message = problemOf(value, parseResource(value));
  if (!message) return [];

  return [report(message.rule, nodeRange(input.document, node, input.policy.text), message.text)];
}

function problemOf(
  value: string,
  parsed: ParsedResource,
): { rule: Rule; text: string } | undefined {
  switch (parsed.kind) {
    case 'every-resource':
      return undefined;
    case 'bad-prefix':
      return { rule: RULES.arnPrefix, text: prefixMessage(value, parsed.prefix) };
    case 'missing-field':
      return { rule: RULES.arnMissingField, text: missingFieldMessage(value, parsed) };
    case 'arn':
      if (parsed.fields.service !== 'cams' || isCamsRelativeId(parsed.fields.relativeId)) {
        return undefined;
      }
      return {
        rule: RULES.camsResourceType,
        text:
          `cams authorizes instances only: ${shown(parsed.fields.relativeId)} names no cams resource. ` +
          'Write instance/<InstanceId>, instance/* or *.',
      };
  }
}

function prefixMessage(value: string, prefix: string): string {
  if (value === '') return `Empty resource: write * or an ARN ${ARN_FORM}.`;
  if (prefix.toLowerCase() === ARN_PREFIX) {
    return `Invalid ARN prefix ${shown(prefix)}: write it in lower case, ${ARN_PREFIX}.`;
  }
  if (prefix === 'arn') {
    return `Invalid ARN prefix: arn: is AWS's; Alibaba Cloud ARNs are ${ARN_FORM}.`;
  }
  return `Invalid ARN prefix: write * or an ARN ${ARN_FORM}.`;
}

function missingFieldMessage(
  value: string,
  parsed: { fieldCount: number; emptyField?: string },
): string {
  const problem = parsed.emptyField
    ? `the ${parsed.emptyField} of ${shown(value)} is empty`
    : `${shown(value)} has ${parsed.fieldCount} of the 5 fields`;
  return `Missing ARN field: ${problem}. Write ${ARN_FORM}.`;
}
