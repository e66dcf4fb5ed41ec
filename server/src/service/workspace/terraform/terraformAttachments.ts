// Policy attachments in Terraform (alicloud provider). A module is the .tf files of one folder;
// references between resources are followed only within it. Read:
//   - alicloud_resource_manager_policy_attachment: resource-group scope when resource_group_id
//     is a resource group (a literal rg-… id or an alicloud_resource_manager_resource_group),
//     account scope when it is the account (data.alicloud_account.*.id, or the accountId of the
//     project file written literally). Any other value (variables, locals, modules) is skipped.
//   - alicloud_ram_{user,group,role}_policy_attachment: always account scope.
// The attached policy is an alicloud_ram_policy or alicloud_resource_manager_policy of the same
// module whose document is file("…") or templatefile("…", …) of a file in the workspace, or a
// policy named literally. Relative paths are read from the module's folder, as Terraform does
// for a root module; `${path.module}/` is understood.
import { TextDocument } from 'vscode-languageserver-textdocument';

import type { DeclaredScope } from '../../scope';
import { parentUri, relativePath, resolveUri, type WorkspaceFileAccess } from '../workspaceFiles';
import type { AttachmentScanner, InfrastructureAttachment, ScanContext } from '../workspaceScopes';
import { type HclBlock, type HclToken, readBlocks, scanHcl } from './hclScanner';

const POLICY_TYPES = ['alicloud_ram_policy', 'alicloud_resource_manager_policy'];
const RESOURCE_MANAGER_ATTACHMENT = 'alicloud_resource_manager_policy_attachment';
const RAM_ATTACHMENTS = [
  'alicloud_ram_user_policy_attachment',
  'alicloud_ram_group_policy_attachment',
  'alicloud_ram_role_policy_attachment',
];

interface PolicyResource {
  readonly type: string;
  readonly label: string;
  readonly name?: string;
  readonly file?: string;
}

interface ModuleFile {
  readonly uri: string;
  readonly text: string;
  readonly blocks: readonly HclBlock[];
}

export const scanTerraform: AttachmentScanner = (folder, files, context) => {
  const byModule = new Map<string, ModuleFile[]>();
  const skipped: string[] = [];
  for (const uri of files.listFiles(folder, ['.tf'])) {
    const text = files.readText(uri);
    if (text === undefined) {
      skipped.push(`${uri}: not readable`);
      continue;
    }
    const module = parentUri(uri);
    const blocks = readBlocks(scanHcl(text)).filter((block) => block.type === 'resource');
    byModule.set(module, [...(byModule.get(module) ?? []), { uri, text, blocks }]);
  }

  const attachments: InfrastructureAttachment[] = [];
  for (const [module, moduleFiles] of byModule) {
    const policies = policyResources(module, moduleFiles, files);
    for (const file of moduleFiles) {
      for (const block of file.blocks) {
        const read = readAttachment(folder, file, block, policies, context);
        if (typeof read === 'string') skipped.push(read);
        else if (read) attachments.push(read);
      }
    }
  }
  return { attachments, skipped };
};

function policyResources(
  module: string,
  moduleFiles: readonly ModuleFile[],
  files: WorkspaceFileAccess,
): PolicyResource[] {
  return moduleFiles.flatMap((file) =>
    file.blocks
      .filter((block) => POLICY_TYPES.includes(block.labels[0] ?? '') && block.labels.length === 2)
      .map((block) => {
        const name = literal(block.attributes.get('policy_name') ?? block.attributes.get('name'));
        const document =
          block.attributes.get('policy_document') ?? block.attributes.get('document');
        const file = documentFile(module, document, files);
        return {
          type: block.labels[0]!,
          label: block.labels[1]!,
          ...(name !== undefined ? { name } : {}),
          ...(file !== undefined ? { file } : {}),
        };
      }),
  );
}

// Returns the attachment, a reason it was skipped, or undefined for other resources.
function readAttachment(
  folder: string,
  file: ModuleFile,
  block: HclBlock,
  policies: readonly PolicyResource[],
  context: ScanContext,
): InfrastructureAttachment | string | undefined {
  const [type = '', name = '?'] = block.labels;
  const isResourceManager = type === RESOURCE_MANAGER_ATTACHMENT;
  if (!isResourceManager && !RAM_ATTACHMENTS.includes(type)) return undefined;

  const address = `${type}.${name}`;
  const where = `${address} in ${relativePath(folder, file.uri) ?? file.uri}`;
  // A system policy is Alibaba Cloud's, never a document of this workspace.
  if (literal(block.attributes.get('policy_type')) === 'System') return undefined;
  const policy = attachedPolicy(block.attributes.get('policy_name'), policies);
  if (!policy) return `${where}: the policy_name is not a name or a policy of this module`;

  const group = isResourceManager
    ? resourceGroupOf(block.attributes.get('resource_group_id'), context)
    : { scope: 'account' as const };
  if (!group) return `${where}: the resource_group_id is neither a resource group nor the account`;

  const document = TextDocument.create(file.uri, 'terraform', 0, file.text);
  return {
    source: 'terraform',
    scope: group.scope,
    uri: file.uri,
    range: {
      start: document.positionAt(block.headerOffset),
      end: document.positionAt(block.headerEnd),
    },
    description: `the Terraform attachment ${where}`,
    policyFiles: policy.file ? [policy.file] : [],
    ...(policy.name !== undefined ? { policyName: policy.name } : {}),
    ...(group.resourceGroupId ? { resourceGroupId: group.resourceGroupId } : {}),
    ...(group.note ? { note: group.note } : {}),
  };
}

function attachedPolicy(
  value: readonly HclToken[] | undefined,
  policies: readonly PolicyResource[],
): { name?: string; file?: string } | undefined {
  const name = literal(value);
  if (name !== undefined) {
    const resource = policies.find((policy) => policy.name === name);
    return { name, ...(resource?.file ? { file: resource.file } : {}) };
  }

  const [type, label] = traversal(value) ?? [];
  const resource = policies.find((policy) => policy.type === type && policy.label === label);
  if (!resource || (!resource.name && !resource.file)) return undefined;
  return {
    ...(resource.name !== undefined ? { name: resource.name } : {}),
    ...(resource.file !== undefined ? { file: resource.file } : {}),
  };
}

interface GroupTarget {
  readonly scope: DeclaredScope;
  readonly resourceGroupId?: string;
  readonly note?: string;
}

function resourceGroupOf(
  value: readonly HclToken[] | undefined,
  context: ScanContext,
): GroupTarget | undefined {
  const id = literal(value);
  if (id !== undefined) {
    if (context.accountId !== undefined && id === context.accountId) return { scope: 'account' };
    return id.startsWith('rg-') ? { scope: 'resource-group', resourceGroupId: id } : undefined;
  }

  const path = traversal(value) ?? [];
  if (path[0] === 'data' && path[1] === 'alicloud_account' && path[3] === 'id') {
    return { scope: 'account' };
  }
  if (path[0] === 'alicloud_resource_manager_resource_group' && path[2] === 'id') {
    return { scope: 'resource-group', note: `${path[0]}.${path[1]}` };
  }
  return undefined;
}

/** The file of `file("…")` or `templatefile("…", …)`, when it is in the workspace. */
function documentFile(
  module: string,
  value: readonly HclToken[] | undefined,
  files: WorkspaceFileAccess,
): string | undefined {
  const [call, open, path] = value ?? [];
  if (call?.kind !== 'identifier' || !['file', 'templatefile'].includes(call.text))
    return undefined;
  if (open?.text !== '(' || path?.kind !== 'string') return undefined;

  const relative = path.text.replace(/^\$\{path\.module\}\//, '');
  if (relative.includes('${') || relative.includes('%{')) return undefined;
  const uri = resolveUri(module, relative);
  return uri && files.readText(uri) !== undefined ? uri : undefined;
}

/** The value of a string literal without templates, written alone. */
function literal(value: readonly HclToken[] | undefined): string | undefined {
  if (value?.length !== 1 || value[0]!.kind !== 'string') return undefined;
  const text = value[0]!.text;
  return text.includes('${') || text.includes('%{') ? undefined : text;
}

/** The names of a traversal such as `alicloud_ram_policy.team.policy_name`. */
function traversal(value: readonly HclToken[] | undefined): string[] | undefined {
  if (!value || value.length === 0 || value.length % 2 === 0) return undefined;
  const names: string[] = [];
  for (let i = 0; i < value.length; i++) {
    const token = value[i]!;
    const expected = i % 2 === 0 ? token.kind === 'identifier' : token.text === '.';
    if (!expected) return undefined;
    if (i % 2 === 0) names.push(token.text);
  }
  return names;
}
