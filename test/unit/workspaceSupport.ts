// Builders for tests of attachment scopes: a workspace of in-memory files and its scope index.
import type { WorkspaceFileAccess } from '../../server/src/service/workspace/workspaceFiles';
import {
  indexWorkspaceScopes,
  type WorkspaceScopes,
} from '../../server/src/service/workspace/workspaceScopes';
import { ATTACHMENT_SCANNERS } from '../../server/src/service/workspace/scanners';
import type { DocumentContext } from '../../server/src/service/languageService';
import type { PolicySettings } from '../../server/src/service/settings';
import { contextWith } from './support';

export const WORKSPACE = 'file:///workspace';

/** Files of file:///workspace by relative path. */
export function memoryFiles(files: Record<string, string>): WorkspaceFileAccess {
  const byUri = new Map(
    Object.entries(files).map(([path, text]) => [`${WORKSPACE}/${path}`, text]),
  );
  return {
    readText: (uri) => byUri.get(uri),
    listFiles: (folder, suffixes) =>
      [...byUri.keys()].filter(
        (uri) => uri.startsWith(folder + '/') && suffixes.some((suffix) => uri.endsWith(suffix)),
      ),
  };
}

export function indexOf(files: Record<string, string>): WorkspaceScopes {
  return indexWorkspaceScopes([WORKSPACE], memoryFiles(files), ATTACHMENT_SCANNERS);
}

/** A context in file:///workspace whose project file and templates are `files`. */
export function workspaceContext(
  files: Record<string, string>,
  settings: Partial<PolicySettings> = {},
): DocumentContext {
  return {
    ...contextWith(settings),
    workspaceScopes: indexOf(files),
    files: memoryFiles(files),
  };
}

/** A project file with the given entries. */
export function projectFile(...scopes: object[]): string {
  return JSON.stringify({ scopes }, null, 2);
}
