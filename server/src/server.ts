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
  type ConnectionStrategy,
  type Diagnostic,
  LSPErrorCodes,
  MessageType,
  ShowMessageNotification,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

import { createPolicyLanguageService, type DocumentContext } from './service/languageService';
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

  const context = (): DocumentContext => ({ workspaceFolders, settings });
  const log = connection.console;

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
    const [raw] = await connection.workspace.getConfiguration([{ section: SETTINGS_SECTION }]);
    applySettings(raw);
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
    });
  };

  // A document too large to analyse is logged once while it stays too large, not per keystroke.
  const skipped = new Set<string>();
  const logSkipped = (document: TextDocument, diagnostics: readonly Diagnostic[]): void => {
    const tooLarge = diagnostics.some((d) => d.code === RULES.policyTooLarge.id);
    if (!tooLarge) skipped.delete(document.uri);
    if (!tooLarge || skipped.has(document.uri)) return;

    skipped.add(document.uri);
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
    workspaceFolders = (params.workspaceFolders ?? []).map((folder) => folder.uri);
    if (workspaceFolders.length === 0 && params.rootUri) workspaceFolders = [params.rootUri];
    pullsConfiguration = params.capabilities.workspace?.configuration === true;
    if (pullsConfiguration) settingsLoaded = new Promise((loaded) => (settingsArrived = loaded));
    applySettings((params.initializationOptions as { settings?: unknown } | undefined)?.settings);

    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: ['"', ':'] },
        hoverProvider: true,
        codeActionProvider: {
          codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite],
        },
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
    connection.workspace.onDidChangeWorkspaceFolders((event) => {
      const removed = new Set(event.removed.map((folder) => folder.uri));
      workspaceFolders = [
        ...workspaceFolders.filter((uri) => !removed.has(uri)),
        ...event.added.map((f) => f.uri),
      ];
      documents.all().forEach(validate);
    });
  });

  connection.onDidChangeConfiguration(async (change) => {
    if (pullsConfiguration) await refreshSettings();
    else
      applySettings((change.settings as Record<string, unknown> | undefined)?.[SETTINGS_SECTION]);
    documents.all().forEach(validate);
  });

  documents.onDidChangeContent((change) => validate(change.document));
  documents.onDidClose((event) => {
    service.forget(event.document.uri);
    skipped.delete(event.document.uri);
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

  documents.listen(connection);
  connection.listen();
}

declare const __SERVER_VERSION__: string | undefined;
const SERVER_VERSION = typeof __SERVER_VERSION__ === 'string' ? __SERVER_VERSION__ : 'development';

main(process.argv.slice(2));
