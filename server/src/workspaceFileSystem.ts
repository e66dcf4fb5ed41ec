// The server's file access for the language service: reads workspace files from disk, or from
// the editor when the file is open there. It refuses what it should not analyse: files too large,
// files that resolve (through symlinks) outside the workspace folders, and folders that loop.
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import type { WorkspaceFileAccess } from './service/workspace/workspaceFiles';

/** Files larger than this are not read: a template that large is not analysed. */
export const MAX_FILE_BYTES = 1024 * 1024;
/** A workspace scan stops after this many files, so that a huge tree cannot stall the server. */
export const MAX_LISTED_FILES = 5000;
/** A scan looks at this many entries at most, so that a vast tree cannot stall the server. */
export const MAX_VISITED_ENTRIES = 50_000;
const MAX_DEPTH = 16;
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.terraform', 'dist', 'out']);

export interface FileSystemAccessOptions {
  readonly workspaceFolders: () => readonly string[];
  /** The text of a document open in the editor, which wins over the disk. */
  readonly openText: (uri: string) => string | undefined;
  /** Says what was skipped and why. */
  readonly log: (message: string) => void;
}

export function fileSystemAccess(options: FileSystemAccessOptions): WorkspaceFileAccess {
  const insideWorkspace = (path: string): boolean =>
    options
      .workspaceFolders()
      .map(realFolder)
      .some((root) => root !== undefined && (path === root || path.startsWith(root + '/')));

  return {
    readText(uri) {
      const open = options.openText(uri);
      if (open !== undefined) return open;

      const path = pathOf(uri);
      if (!path) return undefined;
      try {
        const real = realpathSync(path);
        if (!insideWorkspace(real)) {
          options.log(`skipped ${uri}: it resolves outside the workspace folders`);
          return undefined;
        }
        const stat = statSync(real);
        // A named pipe or a device would block the server on read: only plain files are read.
        if (!stat.isFile()) {
          options.log(`skipped ${uri}: it is not a regular file`);
          return undefined;
        }
        const size = stat.size;
        if (size > MAX_FILE_BYTES) {
          options.log(`skipped ${uri}: ${size} bytes is more than ${MAX_FILE_BYTES} to analyse`);
          return undefined;
        }
        return readFileSync(real, 'utf8');
      } catch {
        return undefined;
      }
    },

    listFiles(folderUri, suffixes) {
      const root = pathOf(folderUri);
      if (!root) return [];
      const found: string[] = [];
      const scan: Scan = {
        seen: new Set<string>(),
        entriesLeft: MAX_VISITED_ENTRIES,
        insideWorkspace,
      };
      walk(root, 0, scan, (file) => {
        if (suffixes.some((suffix) => file.endsWith(suffix))) found.push(file);
        return found.length < MAX_LISTED_FILES;
      });
      if (found.length >= MAX_LISTED_FILES || scan.entriesLeft <= 0) {
        options.log(`scanned part of ${folderUri} only: the folder is larger than the scan limits`);
      }
      return found.map((file) => pathToFileURL(file).toString());
    },
  };
}

/** What one scan has seen and may still do. */
interface Scan {
  readonly seen: Set<string>;
  /** Entries the scan may still look at, files and folders alike, matching or not. */
  entriesLeft: number;
  readonly insideWorkspace: (realPath: string) => boolean;
}

// Visits files breadth-first by folder; `visit` returns false to stop. Symlinked folders are
// followed once: a folder whose real path was seen already is a loop or a duplicate, and one
// that resolves outside the workspace (a link to / or to a home folder) is not entered.
function walk(
  folder: string,
  depth: number,
  scan: Scan,
  visit: (file: string) => boolean,
): boolean {
  const real = realFolder(pathToFileURL(folder).toString());
  if (!real || scan.seen.has(real) || depth > MAX_DEPTH || !scan.insideWorkspace(real)) {
    return true;
  }
  scan.seen.add(real);

  let names: string[];
  try {
    names = readdirSync(folder).sort();
  } catch {
    return true;
  }
  const folders: string[] = [];
  for (const name of names) {
    if (--scan.entriesLeft < 0) return false;
    const path = join(folder, name);
    const kind = kindOf(path);
    if (kind === 'file' && !visit(path)) return false;
    if (kind === 'folder' && !SKIPPED_FOLDERS.has(name)) folders.push(path);
  }
  return folders.every((child) => walk(child, depth + 1, scan, visit));
}

function kindOf(path: string): 'file' | 'folder' | 'other' {
  try {
    const stat = lstatSync(path).isSymbolicLink() ? statSync(path) : lstatSync(path);
    return stat.isFile() ? 'file' : stat.isDirectory() ? 'folder' : 'other';
  } catch {
    return 'other';
  }
}

function realFolder(uri: string): string | undefined {
  const path = pathOf(uri);
  if (!path) return undefined;
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
