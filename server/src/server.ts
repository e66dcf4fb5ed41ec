#!/usr/bin/env node
// The language server process: wires LSP requests to the policy language service. It speaks LSP
// over stdio (`--stdio`), node IPC (`--node-ipc`) or a socket (`--socket=<port>`).
import {
  createConnection,
  type Connection,
  ProposedFeatures,
  TextDocuments,
  type ConnectionStrategy,
  LSPErrorCodes,
  type RemoteConsole,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

import { registerAttachmentScopeCommand } from './attachmentScopeCommand';
import { DocumentChecks } from './documentChecks';
import { featureGuard, type Guard } from './featureGuard';
import {
  type ClientSupport,
  clientSupport,
  initializeResult,
  NO_CLIENT_SUPPORT,
} from './handshake';
import { registerRequestHandlers } from './requestHandlers';
import {
  createPolicyLanguageService,
  type DocumentContext,
  type PolicyLanguageService,
} from './service/languageService';
import type { WorkspaceFileAccess } from './service/workspace/workspaceFiles';
import { SettingsSync } from './settingsSync';
import { WorkspaceFolders } from './workspaceFolders';
import { fileSystemAccess } from './workspaceFileSystem';
import {
  reindexOnWatchedFileChanges,
  watchScopeFiles,
  WorkspaceScopeIndex,
} from './workspaceScopeIndex';

const TRANSPORTS = ['--stdio', '--node-ipc', '--socket', '--pipe', '--clientProcessId'];

function main(argv: readonly string[]): void {
  if (!argv.some((arg) => TRANSPORTS.some((flag) => arg.startsWith(flag)))) {
    process.stderr.write(USAGE);
    process.exitCode = argv.includes('--help') ? 0 : 2;
    return;
  }
  serve(createConnection(ProposedFeatures.all, SKIP_CANCELLED_REQUESTS));
}

// A request cancelled while it still waits in the queue is answered as cancelled, not computed:
// under a burst of edits the editor cancels the answers it no longer wants, and they cost nothing.
const SKIP_CANCELLED_REQUESTS: ConnectionStrategy = {
  cancelUndispatched: (message) => ({
    jsonrpc: message.jsonrpc,
    id: null,
    error: { code: LSPErrorCodes.RequestCancelled, message: 'The request was cancelled.' },
  }),
};

const USAGE = `cams-policy-language-server: a language server for Alibaba Cloud RAM policies
that grant ChatApp Message Service (cams) actions.

Usage: cams-policy-language-server --stdio
       cams-policy-language-server --node-ipc
       cams-policy-language-server --socket=<port>
`;

/** The parts of the server, made once per connection and wired together by `serve`. */
interface ServerParts {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly service: PolicyLanguageService;
  readonly guard: Guard;
  readonly context: () => DocumentContext;
  readonly folders: WorkspaceFolders;
  readonly settings: SettingsSync;
  readonly scopes: WorkspaceScopeIndex;
  readonly checks: DocumentChecks;
}

function serve(connection: Connection): void {
  logUnhandledRejections(connection.console);

  const parts = createParts(connection);
  handleLifecycle(parts);
  handleWorkspaceChanges(parts);
  handleDocumentChanges(parts);
  registerRequestHandlers(parts);

  parts.documents.listen(connection);
  connection.listen();
}

// A promise that fails unobserved, such as a message to a client that went away, is logged
// rather than allowed to end the process.
function logUnhandledRejections(log: RemoteConsole): void {
  process.on('unhandledRejection', (reason) => log.error(`unexpected failure: ${String(reason)}`));
}

function createParts(connection: Connection): ServerParts {
  const log = connection.console;
  const documents = new TextDocuments(TextDocument);
  const service = createPolicyLanguageService();
  const guard = featureGuard(log);
  const folders = new WorkspaceFolders();
  const settings = new SettingsSync(connection);
  const files = workspaceFileAccess(documents, folders, log);

  const scopes = new WorkspaceScopeIndex({
    workspaceFolders: () => folders.current,
    files,
    guard,
    log,
    reindexed: () => checks.validateAll(),
  });
  const context = documentContext(folders, settings, scopes, files);
  const settingsLoaded = (): Promise<void> => settings.loaded;
  const checks = new DocumentChecks({
    connection,
    documents,
    service,
    context,
    guard,
    settingsLoaded,
  });

  return { connection, documents, service, guard, context, folders, settings, scopes, checks };
}

// The service is handed the current folders, settings and scopes on each call.
function documentContext(
  folders: WorkspaceFolders,
  settings: SettingsSync,
  scopes: WorkspaceScopeIndex,
  files: WorkspaceFileAccess,
): () => DocumentContext {
  return () => ({
    workspaceFolders: folders.current,
    settings: settings.current,
    workspaceScopes: scopes.current,
    files,
  });
}

// Workspace files are read from the editor when open there, else from disk inside the folders.
function workspaceFileAccess(
  documents: TextDocuments<TextDocument>,
  folders: WorkspaceFolders,
  log: RemoteConsole,
): WorkspaceFileAccess {
  return fileSystemAccess({
    workspaceFolders: () => folders.current,
    openText: (uri) => documents.get(uri)?.getText(),
    log: (message) => log.info(message),
  });
}

function handleLifecycle({ connection, service, folders, settings, scopes }: ServerParts): void {
  let client: ClientSupport = NO_CLIENT_SUPPORT;

  connection.onInitialize((params) => {
    client = clientSupport(params);
    folders.initialize(params);
    settings.initialize(client.pullsConfiguration, params.initializationOptions);
    return initializeResult(SERVER_VERSION);
  });

  connection.onInitialized(() => {
    logStart(connection.console, service);
    settings.startPulling();
    if (client.watchesFiles) watchScopeFiles(connection);
    scopes.reindex();
    if (client.followsFolders) folders.follow(connection, scopes.reindex);
  });
}

// Settings, watched files and the attachment-scope command change what the open policies are
// checked against: each change is followed by a new check of the open policies.
function handleWorkspaceChanges({
  connection,
  folders,
  settings,
  scopes,
  checks,
}: ServerParts): void {
  connection.onDidChangeConfiguration(async (change) => {
    await settings.changed(change);
    checks.validateAll();
  });

  reindexOnWatchedFileChanges(connection, scopes);
  registerAttachmentScopeCommand(connection, () => folders.current, scopes);
}

function handleDocumentChanges({ documents, scopes, checks }: ServerParts): void {
  documents.onDidChangeContent(({ document }) => {
    scopes.documentChanged(document.uri, document.getText());
    checks.validate(document);
  });
  documents.onDidClose(({ document }) => checks.closed(document.uri));
}

function logStart(log: RemoteConsole, service: PolicyLanguageService): void {
  const { actions, source } = service.catalogue;
  log.info(`cams-policy-language-server ${SERVER_VERSION}`);
  log.info(`catalogue: ${actions.length} actions, "${source.title}" (${source.lastUpdated})`);
}

declare const __SERVER_VERSION__: string | undefined;
const SERVER_VERSION = typeof __SERVER_VERSION__ === 'string' ? __SERVER_VERSION__ : 'development';

main(process.argv.slice(2));
