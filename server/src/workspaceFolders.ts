// The workspace folders the server works in: those the client names at initialize, then kept
// current for a client that reports when folders are added or removed.
import type { Connection, InitializeParams } from 'vscode-languageserver/node';

export class WorkspaceFolders {
  private uris: string[] = [];

  /** The folder URIs, in the order the client gave them. */
  get current(): string[] {
    return this.uris;
  }

  /** Takes the folders, or the root of a client without folders. Null folders are tolerated. */
  initialize(params: InitializeParams): void {
    this.uris = (params.workspaceFolders ?? []).flatMap((folder) =>
      typeof folder?.uri === 'string' ? [folder.uri] : [],
    );
    if (this.uris.length === 0 && params.rootUri) this.uris = [params.rootUri];
  }

  /** Keeps the folders current as the client reports changes, and calls `changed` after each. */
  follow(connection: Connection, changed: () => void): void {
    connection.workspace.onDidChangeWorkspaceFolders((event) => {
      const removed = new Set(event.removed.map((folder) => folder.uri));
      this.uris = [
        ...this.uris.filter((uri) => !removed.has(uri)),
        ...event.added.map((f) => f.uri),
      ];
      changed();
    });
  }
}
