#!/usr/bin/env node
// The language server process: wires LSP requests to the policy language service. It speaks LSP
// over stdio (`--stdio`), node IPC (`--node-ipc`) or a socket (`--socket=<port>`).
import {
  createConnection,
  type Connection,
  DidChangeConfigurationNotification,
  type InitializeParams,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  CodeActionKind,
  type CompletionList,
  DidChangeWatchedFilesNotification,
  NotificationType,
  type ConnectionStrategy,
  type Diagnostic,
  LSPErrorCodes,
  MessageType,
  ShowMessageNotification,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

import {
  ATTACHMENT_SCOPE_NOTIFICATION,
  type AttachmentScopeParams,
  SET_ATTACHMENT_SCOPE_COMMAND,
  type SetAttachmentScopeArguments,
} from './protocol';
import { createPolicyLanguageService, type DocumentContext } from './service/languageService';
import { describeScope } from './service/scopeWording';
import { recordScope } from './service/workspace/projectFileEdit';
import { PROJECT_SCOPE_FILE } from './service/workspace/projectScopeFile';
import { folderOf, resolveUri } from './service/workspace/workspaceFiles';
import {
  EMPTY_WORKSPACE_SCOPES,
  indexWorkspaceScopes,
  type WorkspaceScopes,
} from './service/workspace/workspaceScopes';
import { ATTACHMENT_SCANNERS, WATCHED_FILES, affectsScopes } from './service/workspace/scanners';
import { fileSystemAccess } from './workspaceFileSystem';
import { RULES } from './service/rules/ruleCatalogue';
import {
  DEFAULT_SETTINGS,
  type PolicySettings,
  readSettings,
  SETTINGS_SECTION,
} from './service/settings';

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

function serve(connection: Connection): void {
  const service = createPolicyLanguageService();
  const documents = new TextDocuments(TextDocument);
  let workspaceFolders: string[] = [];
  let settings: PolicySettings = DEFAULT_SETTINGS;
  let pullsConfiguration = false;
  let settingsArrived = (): void => undefined;
  let initialSettings: unknown;
  let watchesFiles = false;
  let followsFolders = false;

  let workspaceScopes: WorkspaceScopes = EMPTY_WORKSPACE_SCOPES;
  const log = connection.console;
  const files = fileSystemAccess({
    workspaceFolders: () => workspaceFolders,
    openText: (uri) => documents.get(uri)?.getText(),
    log: (message) => log.info(message),
  });
  const context = (): DocumentContext => ({ workspaceFolders, settings, workspaceScopes, files });
  const scopeNotification = new NotificationType<AttachmentScopeParams>(
    ATTACHMENT_SCOPE_NOTIFICATION,
  );

  // A promise that fails unobserved, such as a message to a client that went away, is logged
  // rather than allowed to end the process.
  process.on('unhandledRejection', (reason) => log.error(`unexpected failure: ${String(reason)}`));

  // A broken setting is shown to the user once, not on every configuration change; the log
  // keeps each occurrence. The defaults apply in its place.
  const shownProblems = new Set<string>();
  const applySettings = (raw: unknown): void => {
    const read = readSettings(raw);
    settings = read.settings;
    read.problems.forEach((problem) => log.warn(problem));
    read.problems
      .filter((problem) => !shownProblems.has(problem))
      .forEach((problem) => {
        shownProblems.add(problem);
        // A notification, not window/showMessageRequest, which not every client answers.
        const message = `RAM Policy (cams): ${problem}`;
        void connection.sendNotification(ShowMessageNotification.type, {
          type: MessageType.Warning,
          message,
        });
      });
    log.info(`settings: ${JSON.stringify(settings)}`);
  };

  const refreshSettings = async (): Promise<void> => {
    if (!pullsConfiguration) return;
    const [raw] = await withinSeconds(
      SETTINGS_ANSWER_SECONDS,
      connection.workspace.getConfiguration([{ section: SETTINGS_SECTION }]),
    );
    // Editors answer null or {} for sections they do not know: what they leave out keeps the
    // value given in initializationOptions.
    applySettings({ ...asRecord(initialSettings), ...asRecord(raw) });
  };

  // Documents opened before the first settings arrive are validated once they have, so that no
  // diagnostics computed with the defaults flash up first.
  let settingsLoaded: Promise<void> = Promise.resolve();

  const validate = (document: TextDocument): void => {
    void settingsLoaded.then(() => {
      if (documents.get(document.uri) !== document) return;
      const diagnostics = guard('diagnostics', [], () => service.validate(document, context()));
      logSkipped(document, diagnostics);
      void connection.sendDiagnostics({
        uri: document.uri,
        version: document.version,
        diagnostics,
      });
      const resolution = guard('scope', null, () => service.attachmentScope(document, context()));
      void connection.sendNotification(scopeNotification, {
        uri: document.uri,
        scope: resolution?.scope ?? null,
        source: resolution ? describeScope(resolution) : '',
      });
    });
  };

  // The project file and infrastructure code are read again, at most every 300 ms, whenever
  // one of them changes on disk or in an editor, and every open policy is checked again.
  let reindexTimer: NodeJS.Timeout | undefined;
  const reindex = (): void => {
    workspaceScopes = guard('workspace scan', EMPTY_WORKSPACE_SCOPES, () =>
      indexWorkspaceScopes(workspaceFolders, files, ATTACHMENT_SCANNERS),
    );
    const { projectFiles, attachments, skipped } = workspaceScopes;
    log.info(
      `scopes: ${projectFiles.length} project file(s), ${attachments.length} attachment(s) ` +
        `in infrastructure code, ${skipped.length} template(s) skipped`,
    );
    skipped.forEach((reason) => log.info(`skipped: ${reason}`));
    documents.all().forEach(validate);
  };
  const projectFileText = (folder: string): string | undefined => {
    const uri = resolveUri(folder, PROJECT_SCOPE_FILE);
    return uri ? files.readText(uri) : undefined;
  };
  const scheduleReindex = (): void => {
    if (reindexTimer) clearTimeout(reindexTimer);
    reindexTimer = setTimeout(reindex, 300);
  };

  // A document too large to analyse is logged once while it stays too large, not per keystroke.
  const loggedTooLarge = new Set<string>();
  const logSkipped = (document: TextDocument, diagnostics: readonly Diagnostic[]): void => {
    const tooLarge = diagnostics.some((d) => d.code === RULES.policyTooLarge.id);
    if (!tooLarge) loggedTooLarge.delete(document.uri);
    if (!tooLarge || loggedTooLarge.has(document.uri)) return;

    loggedTooLarge.add(document.uri);
    const size = document.getText().length;
    log.info(`not analysed, ${size} characters is over the limit: ${document.uri}`);
  };

  const guard = <T>(feature: string, fallback: T, run: () => T): T => {
    try {
      return run();
    } catch (error) {
      log.error(
        `${feature} failed: ${error instanceof Error ? (error.stack ?? error.message) : error}`,
      );
      return fallback;
    }
  };

  connection.onInitialize((params: InitializeParams) => {
    // Clients differ in what they send: missing capabilities and null folders are tolerated.
    const workspace = params.capabilities?.workspace;
    workspaceFolders = (params.workspaceFolders ?? []).flatMap((folder) =>
      typeof folder?.uri === 'string' ? [folder.uri] : [],
    );
    if (workspaceFolders.length === 0 && params.rootUri) workspaceFolders = [params.rootUri];
    pullsConfiguration = workspace?.configuration === true;
    watchesFiles = workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    followsFolders = workspace?.workspaceFolders === true;
    if (pullsConfiguration) settingsLoaded = new Promise((loaded) => (settingsArrived = loaded));
    initialSettings = (params.initializationOptions as { settings?: unknown } | undefined)
      ?.settings;
    applySettings(initialSettings);

    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: ['"', ':'] },
        hoverProvider: true,
        documentSymbolProvider: { label: 'RAM policy' },
        codeLensProvider: { resolveProvider: false },
        codeActionProvider: {
          codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite],
        },
        executeCommandProvider: { commands: [SET_ATTACHMENT_SCOPE_COMMAND] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'cams-policy-language-server', version: SERVER_VERSION },
    };
  });

  connection.onInitialized(() => {
    const { actions, source } = service.catalogue;
    log.info(`cams-policy-language-server ${SERVER_VERSION}`);
    log.info(`catalogue: ${actions.length} actions, "${source.title}" (${source.lastUpdated})`);
    if (pullsConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, {
        section: SETTINGS_SECTION,
      });
      refreshSettings()
        .catch((error: unknown) => log.error(`could not read the settings: ${String(error)}`))
        .finally(() => settingsArrived());
    }
    if (watchesFiles) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: WATCHED_FILES.map((globPattern) => ({ globPattern })),
      });
    }
    reindex();
    if (!followsFolders) return;
    connection.workspace.onDidChangeWorkspaceFolders((event) => {
      const removed = new Set(event.removed.map((folder) => folder.uri));
      workspaceFolders = [
        ...workspaceFolders.filter((uri) => !removed.has(uri)),
        ...event.added.map((f) => f.uri),
      ];
      reindex();
    });
  });

  connection.onDidChangeWatchedFiles((change) => {
    if (change.changes.some((event) => affectsScopes(event.uri))) scheduleReindex();
  });

  connection.onExecuteCommand(async (params) => {
    if (params.command !== SET_ATTACHMENT_SCOPE_COMMAND) return;
    const request = params.arguments?.[0] as SetAttachmentScopeArguments | undefined;
    if (!request?.uri || (request.scope !== 'account' && request.scope !== 'resource-group')) {
      log.warn(`${SET_ATTACHMENT_SCOPE_COMMAND} needs { uri, scope }; nothing was changed`);
      return;
    }
    const folder = folderOf(request.uri, workspaceFolders);
    const change = folder
      ? recordScope(folder, request.uri, projectFileText(folder), request)
      : { problem: 'The policy is not inside a workspace folder.' };
    if ('problem' in change) {
      void connection.window.showWarningMessage(change.problem);
      return;
    }
    const result = await connection.workspace.applyEdit({
      label: 'Set attachment scope',
      edit: { documentChanges: change.changes },
    });
    if (!result.applied) log.warn(`the project file was not changed: ${result.failureReason}`);
    else scheduleReindex();
  });

  connection.onDidChangeConfiguration(async (change) => {
    if (pullsConfiguration) {
      await refreshSettings().catch((error: unknown) => log.error(String(error)));
    } else {
      const raw = asRecord(change.settings)[SETTINGS_SECTION];
      applySettings({ ...asRecord(initialSettings), ...asRecord(raw) });
    }
    documents.all().forEach(validate);
  });

  documents.onDidChangeContent((change) => {
    if (affectsScopes(change.document.uri, change.document.getText())) scheduleReindex();
    validate(change.document);
  });
  documents.onDidClose((event) => {
    service.forget(event.document.uri);
    loggedTooLarge.delete(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  connection.onCompletion((params) => {
    const document = documents.get(params.textDocument.uri);
    const empty: CompletionList = { isIncomplete: false, items: [] };
    if (!document) return empty;
    return guard('completion', empty, () => service.complete(document, params.position, context()));
  });

  connection.onHover((params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    return guard('hover', null, () => service.hover(document, params.position, context()));
  });

  connection.onCodeLens((params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    return guard('code lens', [], () => service.codeLenses(document, context()));
  });

  connection.onCodeAction((params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    const {
      range,
      context: { diagnostics },
    } = params;
    return guard('code actions', [], () =>
      service.codeActions(document, range, diagnostics, context()),
    );
  });

  connection.onDocumentSymbol((params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    return guard('document symbols', [], () => service.documentSymbols(document, context()));
  });

  documents.listen(connection);
  connection.listen();
}

// A client that never answers a configuration request must not keep every document unchecked.
const SETTINGS_ANSWER_SECONDS = 5;

function withinSeconds<T>(seconds: number, promise: Promise<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no answer to the settings request within ${seconds} s`)),
      seconds * 1000,
    );
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

declare const __SERVER_VERSION__: string | undefined;
const SERVER_VERSION = typeof __SERVER_VERSION__ === 'string' ? __SERVER_VERSION__ : 'development';

main(process.argv.slice(2));
