// Where a policy document is attached, as far as the workspace tells. RAM chooses the scope when
// a policy is attached, never in the policy JSON, so the settings name the files that are
// attached at resource-group scope.
import { matchesAnyGlob } from './glob';
import type { PolicySettings } from './settings';

/** `resource-group`: a setting says so; `unknown`: nothing says where the policy is attached. */
export type AttachmentScope = 'resource-group' | 'unknown';

/** A document's URI as the editor names it, and the workspace folders it may lie in. */
export interface DocumentLocation {
  readonly uri: string;
  readonly workspaceFolders: readonly string[];
}

export function attachmentScopeOf(
  location: DocumentLocation,
  settings: PolicySettings,
): AttachmentScope {
  return matchesSetting(location, settings.resourceGroupScopedFiles) ? 'resource-group' : 'unknown';
}

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
