// Alibaba Cloud resource names as RAM policies write them in `Resource`:
// `acs:<service>:<region>:<account>:<relative-id>`, or `*` for every resource.
// Source: Alibaba Cloud, "Policy elements", https://www.alibabacloud.com/help/en/ram/policy-elements
// (the format), and the cams API pages for the instance ARNs, e.g.
// https://www.alibabacloud.com/help/en/chatapp/developer-reference/api-cams-2020-06-06-deleteinstance

/** The five fields of an ARN; the relative id keeps any colons after the fourth. */
export interface ArnFields {
  readonly service: string;
  readonly region: string;
  readonly account: string;
  readonly relativeId: string;
}

export type ParsedResource =
  | { readonly kind: 'every-resource' }
  | { readonly kind: 'bad-prefix'; readonly prefix: string }
  | { readonly kind: 'missing-field'; readonly fieldCount: number; readonly emptyField?: string }
  | { readonly kind: 'arn'; readonly fields: ArnFields };

export const ARN_PREFIX = 'acs';

export function parseResource(value: string): ParsedResource {
  if (value === '*') return { kind: 'every-resource' };

  const parts = value.split(':');
  const prefix = parts[0] ?? '';
  if (prefix !== ARN_PREFIX) return { kind: 'bad-prefix', prefix };

  const [, service = '', region = '', account = ''] = parts;
  const relativeId = parts.slice(4).join(':');
  const fieldCount = parts.length;
  if (fieldCount < 5) return { kind: 'missing-field', fieldCount };

  // Region and account may be empty (global resources such as RAM roles leave the region out);
  // a resource with no service or no relative id names nothing.
  if (service === '') return { kind: 'missing-field', fieldCount, emptyField: 'service' };
  if (relativeId === '') return { kind: 'missing-field', fieldCount, emptyField: 'relative id' };
  return { kind: 'arn', fields: { service, region, account, relativeId } };
}

/** The cams resource type: RAM authorizes cams instances, and nothing else, by ARN. */
export const CAMS_RESOURCE_TYPE = 'instance';

/** True for a cams relative id that RAM can match: `*` or `instance/<InstanceId>`. */
export function isCamsRelativeId(relativeId: string): boolean {
  return relativeId === '*' || /^instance\/\S+$/.test(relativeId);
}

/** A cams ARN template as the completion offers it. */
export interface ArnTemplate {
  readonly label: string;
  /** The inserted text, as a snippet when it has placeholders. */
  readonly snippet: string;
  readonly description: string;
}

export const CAMS_ARN_TEMPLATES: readonly ArnTemplate[] = [
  {
    label: 'acs:cams:*:*:instance/*',
    snippet: 'acs:cams:*:*:instance/*',
    description: 'Every cams instance, in every region and account.',
  },
  {
    label: 'acs:cams:{regionId}:{accountId}:instance/{InstanceId}',
    snippet: 'acs:cams:${1:regionId}:${2:accountId}:instance/${3:InstanceId}',
    description: 'One cams instance: fill in the region, the account ID and the instance ID.',
  },
  {
    label: '*',
    snippet: '*',
    description:
      'Every resource. Actions that take no resource (documented with "All Resources") ' +
      'need this.',
  },
];
