// The attachment scopes the workspace declares: the project file and the infrastructure code
// that attaches policies. They are read again, at most every 300 ms, whenever one of them
// changes on disk or in an editor, and every open policy is then checked again.
import {
  type Connection,
  DidChangeWatchedFilesNotification,
  type RemoteConsole,
} from 'vscode-languageserver/node';

import type { Guard } from './featureGuard';
import { PROJECT_SCOPE_FILE } from './service/workspace/projectScopeFile';
import { ATTACHMENT_SCANNERS, WATCHED_FILES, affectsScopes } from './service/workspace/scanners';
import { resolveUri, type WorkspaceFileAccess } from './service/workspace/workspaceFiles';
import {
  EMPTY_WORKSPACE_SCOPES,
  indexWorkspaceScopes,
  type WorkspaceScopes,
} from './service/workspace/workspaceScopes';

const REINDEX_DELAY_MS = 300;

export interface WorkspaceScopeIndexOptions {
  readonly workspaceFolders: () => readonly string[];
  readonly files: WorkspaceFileAccess;
  readonly guard: Guard;
  readonly log: RemoteConsole;
  /** Runs after each scan, to check the open policies against what it found. */
  readonly reindexed: () => void;
}

export class WorkspaceScopeIndex {
  private scopes: WorkspaceScopes = EMPTY_WORKSPACE_SCOPES;
  private reindexTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: WorkspaceScopeIndexOptions) {}

  /** What the last scan found; nothing before the first. */
  get current(): WorkspaceScopes {
    return this.scopes;
  }

  /** Scans the workspace folders now, logs what was found, and checks the open policies. */
  readonly reindex = (): void => {
    const { workspaceFolders, files, guard, log } = this.options;
    this.scopes = guard('workspace scan', EMPTY_WORKSPACE_SCOPES, () =>
      indexWorkspaceScopes(workspaceFolders(), files, ATTACHMENT_SCANNERS),
    );

    const { projectFiles, attachments, skipped } = this.scopes;
    log.info(
      `scopes: ${projectFiles.length} project file(s), ${attachments.length} attachment(s) ` +
        `in infrastructure code, ${skipped.length} template(s) skipped`,
    );
    skipped.forEach((reason) => log.info(`skipped: ${reason}`));

    this.options.reindexed();
  };

  /** Scans again once changes have paused for 300 ms. */
  scheduleReindex(): void {
    if (this.reindexTimer) clearTimeout(this.reindexTimer);
    this.reindexTimer = setTimeout(this.reindex, REINDEX_DELAY_MS);
  }

  /** The text of the project file in `folder`, from the editor or the disk. */
  projectFileText(folder: string): string | undefined {
    const uri = resolveUri(folder, PROJECT_SCOPE_FILE);
    return uri ? this.options.files.readText(uri) : undefined;
  }

  /** Scans again when the edited document is, or now looks like, a file that places policies. */
  documentChanged(uri: string, text: string): void {
    if (affectsScopes(uri, text)) this.scheduleReindex();
  }
}

/** Asks the client to report changes on disk to the files that place policies. */
export function watchScopeFiles(connection: Connection): void {
  void connection.client.register(DidChangeWatchedFilesNotification.type, {
    watchers: WATCHED_FILES.map((globPattern) => ({ globPattern })),
  });
}

/** Scans again when the client reports such a change. */
export function reindexOnWatchedFileChanges(
  connection: Connection,
  index: WorkspaceScopeIndex,
): void {
  connection.onDidChangeWatchedFiles((change) => {
    if (change.changes.some((event) => affectsScopes(event.uri))) index.scheduleReindex();
  });
}
