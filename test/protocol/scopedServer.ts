// A language server process on a workspace folder on disk, for the protocol tests of scopes:
// it records the diagnostics, scope notifications and edits the server sends.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ApplyWorkspaceEditRequest,
  type ApplyWorkspaceEditParams,
  ConfigurationRequest,
  DidChangeWatchedFilesNotification,
  DidOpenTextDocumentNotification,
  FileChangeType,
  InitializedNotification,
  InitializeRequest,
  NotificationType,
  type ProtocolConnection,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
  RegistrationRequest,
} from 'vscode-languageserver-protocol/node';

import { type ServerProcess, startServerProcess, stopServerProcess } from './serverProcess';

import {
  ATTACHMENT_SCOPE_NOTIFICATION,
  type AttachmentScopeParams,
} from '../../server/src/protocol';

export const MIXED_POLICY = `{
  "Version": "1",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["cams:QueryInstance", "cams:SendChatappMessage"],
      "Resource": "*"
    }
  ]
}
`;

/** A server on a workspace folder on disk, and what it has sent. */
export class ScopedServer {
  readonly connection: ProtocolConnection;
  readonly published = new Map<string, PublishDiagnosticsParams>();
  readonly scopes = new Map<string, AttachmentScopeParams>();
  readonly edits: ApplyWorkspaceEditParams[] = [];
  private readonly server: ServerProcess = startServerProcess();

  constructor(readonly folder: string) {
    this.connection = this.server.connection;
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.set(params.uri, params);
    });
    this.connection.onNotification(
      new NotificationType<AttachmentScopeParams>(ATTACHMENT_SCOPE_NOTIFICATION),
      (params) => this.scopes.set(params.uri, params),
    );
    this.connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => ({})));
    this.connection.onRequest(RegistrationRequest.type, () => undefined);
    this.connection.onRequest(ApplyWorkspaceEditRequest.type, (params) => {
      this.edits.push(params);
      return { applied: true };
    });
    this.connection.listen();
  }

  get uri(): string {
    return pathToFileURL(this.folder).toString();
  }

  async start(): Promise<void> {
    await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: this.uri,
      workspaceFolders: [{ uri: this.uri, name: 'workspace' }],
      capabilities: {
        workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } },
      },
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
  }

  async stop(): Promise<void> {
    await stopServerProcess(this.server);
  }

  write(path: string, text: string): string {
    const file = join(this.folder, path);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, text);
    return pathToFileURL(file).toString();
  }

  open(path: string, text: string): string {
    const uri = this.write(path, text);
    void this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'json', version: 1, text },
    });
    return uri;
  }

  async changed(uri: string): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri, type: FileChangeType.Changed }],
    });
  }

  /** Waits until `probe` returns a value, for at most ten seconds. */
  async until<T>(what: string, probe: () => T | undefined): Promise<T> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const value = probe();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((wake) => setTimeout(wake, 50));
    }
  }

  scopeWarnings(uri: string) {
    return (this.published.get(uri)?.diagnostics ?? []).filter(
      (d) => d.code === 'resource-group-unsupported',
    );
  }
}
