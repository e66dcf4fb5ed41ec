// Where a policy document is attached, as far as the workspace tells. RAM chooses the scope when
// a policy is attached, never in the policy JSON, so the scope is read from what the workspace
// says about the file, with this precedence (the first source that says anything decides):
//
//   1. infrastructure code: Terraform and ROS attachments of the file. They describe what is
//      deployed, so they win; attachments both ways make the scope `both`.
//   2. the project file (ram-policy-scopes.json): the first entry whose glob matches the file.
//   3. the setting `camsPolicy.resourceGroupScopedFiles`.
//   4. the setting `camsPolicy.defaultAttachmentScope` (default `unknown`).
import type { Range } from 'vscode-languageserver-types';

import { matchesAnyGlob } from './glob';
import type { PolicySettings } from './settings';
import { type InfrastructureAttachment, type WorkspaceScopes } from './workspace/workspaceScopes';
import { fileStem } from './workspace/workspaceFiles';

/** A scope a single source can state: RAM attaches a policy either way. */
export type DeclaredScope = 'account' | 'resource-group';

/**
 * `both`: attached at account scope and at resource-group scope; `unknown`: nothing says where
 * the policy is attached.
 */
export type AttachmentScope = DeclaredScope | 'both' | 'unknown';

/** The source of a piece of evidence, from the highest precedence to the lowest. */
export type ScopeSource = 'terraform' | 'ros' | 'project-file' | 'setting' | 'default';

/** One source's statement about where a policy is attached. */
export interface ScopeEvidence {
  readonly source: ScopeSource;
  readonly scope: DeclaredScope;
  /** Where the evidence is written (an attachment, a project file entry), when in a file. */
  readonly uri?: string;
  readonly range?: Range;
  readonly resourceGroupId?: string;
  readonly note?: string;
  /** Says where the evidence comes from, for people: "Terraform attachment team in main.tf". */
  readonly description: string;
}

/** The attachment scope of a document and the evidence that decided it. */
export interface ScopeResolution {
  readonly scope: AttachmentScope;
  /** The evidence of the source that decided; empty when the scope is `unknown`. */
  readonly evidence: readonly ScopeEvidence[];
}

/** A document's URI as the editor names it, and the workspace folders it may lie in. */
export interface DocumentLocation {
  readonly uri: string;
  readonly workspaceFolders: readonly string[];
}

export function resolveAttachmentScope(
  location: DocumentLocation,
  settings: PolicySettings,
  workspace?: WorkspaceScopes,
): ScopeResolution {
  const fromInfrastructure = infrastructureEvidence(location, workspace);
  if (fromInfrastructure.length > 0) return combine(fromInfrastructure);

  const fromProjectFile = projectFileEvidence(location, workspace);
  if (fromProjectFile) return combine([fromProjectFile]);

  if (matchesSetting(location, settings.resourceGroupScopedFiles)) {
    const description = 'the setting camsPolicy.resourceGroupScopedFiles';
    return combine([{ source: 'setting', scope: 'resource-group', description }]);
  }

  // Settings built by hand (scripts, older callers) may lack the default: it is then unknown.
  const fallback = settings.defaultAttachmentScope ?? 'unknown';
  if (fallback === 'unknown') return { scope: 'unknown', evidence: [] };
  const description = 'the setting camsPolicy.defaultAttachmentScope';
  return combine([{ source: 'default', scope: fallback, description }]);
}

/** True when the scope makes account-only grants ineffective, at least for one attachment. */
export function includesResourceGroup(scope: AttachmentScope): boolean {
  return scope === 'resource-group' || scope === 'both';
}

function combine(evidence: readonly ScopeEvidence[]): ScopeResolution {
  const scopes = new Set(evidence.map((item) => item.scope));
  const scope: AttachmentScope = scopes.size > 1 ? 'both' : evidence[0]!.scope;
  return { scope, evidence };
}

function infrastructureEvidence(
  location: DocumentLocation,
  workspace: WorkspaceScopes | undefined,
): ScopeEvidence[] {
  const stem = fileStem(location.uri);
  return (workspace?.attachments ?? [])
    .filter((attachment) => attaches(attachment, location.uri, stem))
    .map(({ source, scope, uri, range, resourceGroupId, note, description }) => ({
      source,
      scope,
      uri,
      range,
      description,
      ...(resourceGroupId !== undefined ? { resourceGroupId } : {}),
      ...(note !== undefined ? { note } : {}),
    }));
}

// An attachment names its policy's file through the policy resource, or names the policy; a
// policy file is known by its name without `.json` (policies/<PolicyName>.json).
function attaches(attachment: InfrastructureAttachment, uri: string, stem: string): boolean {
  if (attachment.policyFiles.some((file) => decode(file) === decode(uri))) return true;
  return attachment.policyName !== undefined && attachment.policyName === stem;
}

function projectFileEvidence(
  location: DocumentLocation,
  workspace: WorkspaceScopes | undefined,
): ScopeEvidence | undefined {
  for (const file of workspace?.projectFiles ?? []) {
    const folder = file.folder.replace(/\/$/, '') + '/';
    if (!location.uri.startsWith(folder)) continue;

    const path = decode(location.uri.slice(folder.length));
    const entry = file.entries.find((candidate) => matchesAnyGlob(path, candidate.files));
    if (!entry) continue;

    return {
      source: 'project-file',
      scope: entry.scope,
      uri: file.uri,
      range: entry.range,
      description: `the project file ${PROJECT_FILE_LABEL} (${entry.files.join(', ')})`,
      ...(entry.resourceGroupId !== undefined ? { resourceGroupId: entry.resourceGroupId } : {}),
      ...(entry.note !== undefined ? { note: entry.note } : {}),
    };
  }
  return undefined;
}

const PROJECT_FILE_LABEL = 'ram-policy-scopes.json';

/** True when a glob of the setting matches the document's path in a workspace folder. */
export function matchesSetting(location: DocumentLocation, globs: readonly string[]): boolean {
  if (globs.length === 0) return false;
  return candidatePaths(location).some((path) => matchesAnyGlob(path, globs));
}

// A glob is tried on the path relative to each workspace folder that holds the document, and on
// the path part of the URI itself, so that absolute globs work too.
function candidatePaths(location: DocumentLocation): string[] {
  const paths = location.workspaceFolders
    .map((folder) => folder.replace(/\/$/, '') + '/')
    .filter((folder) => location.uri.startsWith(folder))
    .map((folder) => decode(location.uri.slice(folder.length)));

  const uriPath = /^[a-z][\w+.-]*:\/\/[^/]*(\/.*)$/i.exec(location.uri)?.[1];
  return uriPath ? [...paths, decode(uriPath).replace(/^\//, '')] : paths;
}

function decode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
