// The service reads workspace files (the project file, Terraform and ROS templates) only through
// this interface, so that it stays pure: the server implements it with the file system, tests
// with a map of texts.

/** Read access to the files of the workspace, by URI. */
export interface WorkspaceFileAccess {
  /**
   * The text of a file, or undefined when it is missing, unreadable, too large to analyse, or
   * outside the workspace.
   */
  readText(uri: string): string | undefined;
  /** The files under a folder whose names end with one of the suffixes, nearest first. */
  listFiles(folderUri: string, suffixes: readonly string[]): readonly string[];
}

/** The folder part of a URI, without the trailing slash. */
export function parentUri(uri: string): string {
  return uri.slice(0, uri.lastIndexOf('/'));
}

/** The last segment of a URI, decoded. */
export function fileName(uri: string): string {
  return decode(uri.slice(uri.lastIndexOf('/') + 1));
}

/** A file's name without its last extension: `policies/team.json` gives `team`. */
export function fileStem(uri: string): string {
  const name = fileName(uri);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/**
 * The URI of a relative, slash-separated path from a folder URI; undefined when the path leaves
 * the folder's root (more `..` than segments) or is absolute.
 */
export function resolveUri(folderUri: string, relativePath: string): string | undefined {
  if (relativePath.startsWith('/') || /^[a-z]:[\\/]/i.test(relativePath)) return undefined;

  const schemeAndAuthority = /^[a-z][\w+.-]*:\/\/[^/]*/i.exec(folderUri)?.[0] ?? '';
  const segments = folderUri.slice(schemeAndAuthority.length).split('/').filter(Boolean);
  for (const part of relativePath.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part !== '..') segments.push(encodeURIComponent(part));
    else if (segments.pop() === undefined) return undefined;
  }
  return `${schemeAndAuthority}/${segments.join('/')}`;
}

/** The path of `uri` relative to `folderUri`, or undefined when it is not inside the folder. */
export function relativePath(folderUri: string, uri: string): string | undefined {
  const folder = folderUri.replace(/\/$/, '') + '/';
  return uri.startsWith(folder) ? decode(uri.slice(folder.length)) : undefined;
}

/** The workspace folder that holds a document, the innermost when folders nest. */
export function folderOf(uri: string, folders: readonly string[]): string | undefined {
  return folders
    .filter((folder) => relativePath(folder, uri) !== undefined)
    .sort((a, b) => b.length - a.length)[0];
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
