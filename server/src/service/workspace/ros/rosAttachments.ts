// Policy attachments in ROS templates (JSON or YAML, recognised by ROSTemplateFormatVersion):
//   - ALIYUN::ResourceManager::PolicyAttachment: resource-group scope when ResourceGroupId is a
//     literal rg-… id or refers to an ALIYUN::ResourceManager::ResourceGroup of the template;
//     account scope when it is `Ref: ALIYUN::AccountId` or the project file's accountId.
//   - ALIYUN::RAM::AttachPolicyToUser / ToGroup / ToRole: always account scope.
// ROS templates hold their policy documents inline, so the attached policy is known by name
// only: a literal PolicyName, or the PolicyName of an ALIYUN::RAM::ManagedPolicy it refers to.
// A value built with other functions or parameters is skipped, never guessed.
import { isMap, isScalar, isSeq, type Node, parseDocument, type YAMLMap } from 'yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';

import type { DeclaredScope } from '../../scope';
import { relativePath } from '../workspaceFiles';
import type { AttachmentScanner, InfrastructureAttachment, ScanContext } from '../workspaceScopes';

const RESOURCE_MANAGER_ATTACHMENT = 'ALIYUN::ResourceManager::PolicyAttachment';
const RAM_ATTACHMENTS = [
  'ALIYUN::RAM::AttachPolicyToUser',
  'ALIYUN::RAM::AttachPolicyToGroup',
  'ALIYUN::RAM::AttachPolicyToRole',
];
const MANAGED_POLICY = 'ALIYUN::RAM::ManagedPolicy';
const RESOURCE_GROUP = 'ALIYUN::ResourceManager::ResourceGroup';

export const scanRos: AttachmentScanner = (folder, files, context) => {
  const attachments: InfrastructureAttachment[] = [];
  const skipped: string[] = [];
  for (const uri of files.listFiles(folder, ['.json', '.yaml', '.yml'])) {
    const text = files.readText(uri);
    if (text === undefined || !text.includes('ROSTemplateFormatVersion')) continue;

    const where = relativePath(folder, uri) ?? uri;
    const template = parseDocument(text, { uniqueKeys: false });
    if (template.errors.length > 0) {
      skipped.push(`${where}: not a template that can be read (${template.errors[0]!.code})`);
      continue;
    }
    const read = readTemplate(uri, where, text, template.get('Resources', true), context);
    attachments.push(...read.attachments);
    skipped.push(...read.skipped);
  }
  return { attachments, skipped };
};

interface Template {
  readonly uri: string;
  readonly where: string;
  readonly document: TextDocument;
  /** Resource id to its Type, and to its literal PolicyName where it has one. */
  readonly types: ReadonlyMap<string, string>;
  readonly names: ReadonlyMap<string, string>;
}

function readTemplate(
  uri: string,
  where: string,
  text: string,
  resources: unknown,
  context: ScanContext,
): { attachments: InfrastructureAttachment[]; skipped: string[] } {
  const attachments: InfrastructureAttachment[] = [];
  const skipped: string[] = [];
  if (!isMap(resources)) return { attachments, skipped };

  const template: Template = {
    uri,
    where,
    document: TextDocument.create(uri, 'ros', 0, text),
    ...indexResources(resources),
  };
  for (const pair of resources.items) {
    const read = readAttachment(template, pair.key, pair.value, context);
    if (typeof read === 'string') skipped.push(read);
    else if (read) attachments.push(read);
  }
  return { attachments, skipped };
}

function indexResources(resources: YAMLMap) {
  const types = new Map<string, string>();
  const names = new Map<string, string>();
  for (const pair of resources.items) {
    const id = scalarText(pair.key);
    if (!id || !isMap(pair.value)) continue;
    types.set(id, scalarText(pair.value.get('Type', true)) ?? '');
    const name = scalarText(properties(pair.value)?.get('PolicyName', true));
    if (name) names.set(id, name);
  }
  return { types, names };
}

// Returns the attachment, a reason it was skipped, or undefined for other resources.
function readAttachment(
  template: Template,
  key: unknown,
  resource: unknown,
  context: ScanContext,
): InfrastructureAttachment | string | undefined {
  const id = scalarText(key);
  const type = id ? template.types.get(id) : undefined;
  const isResourceManager = type === RESOURCE_MANAGER_ATTACHMENT;
  if (!id || !type || (!isResourceManager && !RAM_ATTACHMENTS.includes(type))) return undefined;

  const props = properties(resource as YAMLMap);
  // A system policy is Alibaba Cloud's, never a document of this workspace.
  if (scalarText(props?.get('PolicyType', true)) === 'System') return undefined;
  const policyName = policyNameOf(props?.get('PolicyName', true), template.types, template.names);
  if (!policyName) {
    return `${template.where}: ${id}: the PolicyName is not a name or a policy of the template`;
  }
  const group = isResourceManager
    ? resourceGroupOf(props?.get('ResourceGroupId', true), template.types, context)
    : { scope: 'account' as const };
  if (!group) {
    const problem = 'the ResourceGroupId is neither a resource group nor the account';
    return `${template.where}: ${id}: ${problem}`;
  }

  const [start, end] = (key as Node).range ?? [0, 0];
  return {
    source: 'ros',
    scope: group.scope,
    uri: template.uri,
    range: { start: template.document.positionAt(start), end: template.document.positionAt(end) },
    description: `the ROS attachment ${id} in ${template.where}`,
    policyFiles: [],
    policyName,
    ...(group.resourceGroupId ? { resourceGroupId: group.resourceGroupId } : {}),
    ...(group.note ? { note: group.note } : {}),
  };
}

function properties(resource: YAMLMap): YAMLMap | undefined {
  const value = resource.get('Properties', true);
  return isMap(value) ? value : undefined;
}

function policyNameOf(
  value: unknown,
  types: ReadonlyMap<string, string>,
  names: ReadonlyMap<string, string>,
): string | undefined {
  const literal = plainText(value);
  if (literal !== undefined) return literal;

  const target = referencedResource(value);
  return target && types.get(target) === MANAGED_POLICY ? names.get(target) : undefined;
}

interface GroupTarget {
  readonly scope: DeclaredScope;
  readonly resourceGroupId?: string;
  readonly note?: string;
}

function resourceGroupOf(
  value: unknown,
  types: ReadonlyMap<string, string>,
  context: ScanContext,
): GroupTarget | undefined {
  const literal = plainText(value);
  if (literal !== undefined) {
    if (context.accountId !== undefined && literal === context.accountId) {
      return { scope: 'account' };
    }
    return literal.startsWith('rg-')
      ? { scope: 'resource-group', resourceGroupId: literal }
      : undefined;
  }

  if (reference(value) === 'ALIYUN::AccountId') return { scope: 'account' };
  const target = referencedResource(value);
  if (target && types.get(target) === RESOURCE_GROUP) {
    return { scope: 'resource-group', note: `resource group ${target} of the template` };
  }
  return undefined;
}

/** A scalar's text when it carries no tag such as `!Ref`. */
function plainText(value: unknown): string | undefined {
  return isScalar(value) && !value.tag ? scalarText(value) : undefined;
}

function scalarText(value: unknown): string | undefined {
  return isScalar(value) && typeof value.value === 'string' ? value.value : undefined;
}

/** The target of `Ref: X` or `!Ref X`. */
function reference(value: unknown): string | undefined {
  if (isScalar(value) && value.tag === '!Ref') return scalarText(value);
  if (isMap(value) && value.items.length === 1) return plainText(value.get('Ref', true));
  return undefined;
}

/** The resource of `Ref`, or of `Fn::GetAtt: [X, attribute]` / `!GetAtt X.attribute`. */
function referencedResource(value: unknown): string | undefined {
  const ref = reference(value);
  if (ref !== undefined) return ref;

  if (isScalar(value) && value.tag === '!GetAtt') return scalarText(value)?.split('.')[0];
  const getAtt = isSeq(value) && (value as Node).tag === '!GetAtt' ? value : undefined;
  const longForm =
    isMap(value) && value.items.length === 1 ? value.get('Fn::GetAtt', true) : undefined;
  const list = getAtt ?? longForm;
  return isSeq(list) ? plainText(list.items[0]) : undefined;
}
