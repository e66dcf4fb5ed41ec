// The VS Code client: starts the bundled policy language server and connects it to JSON editors.
import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  type ErrorHandler,
  LanguageClient,
  type LanguageClientOptions,
  type Message,
  type ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';

import { SETTINGS_SECTION } from '../../server/src/service/settings';
import { registerAttachmentScope } from './attachmentScope';
import { ServerRestarts } from './serverRestarts';

const CLIENT_ID = 'camsPolicy';
const CLIENT_NAME = 'RAM Policy (cams)';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const outputChannel = vscode.window.createOutputChannel(CLIENT_NAME);
  context.subscriptions.push(outputChannel);

  const version = String(context.extension.packageJSON.version ?? 'unknown');
  outputChannel.appendLine(`${CLIENT_NAME} extension ${version} starting`);

  const serverModule = context.asAbsolutePath('dist/server.js');
  if (!existsSync(serverModule)) {
    outputChannel.appendLine(`The language server is missing: ${serverModule}`);
    void vscode.window.showErrorMessage(
      `${CLIENT_NAME}: the language server is missing, so policies are not checked. ` +
        'Run "npm run build" and reload the window.',
    );
    return;
  }

  const errors = new StartupErrorHandler(new ServerRestarts(CLIENT_NAME), outputChannel);
  client = new LanguageClient(
    CLIENT_ID,
    CLIENT_NAME,
    serverOptions(serverModule),
    clientOptions(outputChannel, errors),
  );
  try {
    // Registered before the start, so that no scope the server sends at once is missed.
    registerAttachmentScope(context, client);
    await client.start();
    errors.afterStart(client.createDefaultErrorHandler());
  } catch (error) {
    // The client has already shown its one "couldn't create connection" message with a button
    // to this channel; the details belong here, not in a second notification.
    outputChannel.appendLine(`The language server did not start: ${describe(error)}`);
    client = undefined;
  }
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

function serverOptions(module: string): ServerOptions {
  return {
    run: { module, transport: TransportKind.ipc },
    debug: {
      module,
      transport: TransportKind.ipc,
      options: { execArgv: ['--nolazy', '--inspect=6009'] },
    },
  };
}

// The server decides from the content or the `policyFiles` setting whether a JSON file is a
// policy, so the client hands it every JSON document on disk and in untitled editors.
function clientOptions(
  outputChannel: vscode.OutputChannel,
  errorHandler: ErrorHandler,
): LanguageClientOptions {
  const languages = ['json', 'jsonc'];
  const schemes = ['file', 'untitled'];
  return {
    documentSelector: languages.flatMap((language) =>
      schemes.map((scheme) => ({ language, scheme })),
    ),
    synchronize: { configurationSection: SETTINGS_SECTION },
    outputChannel,
    errorHandler,
    // Returning false stops the client without a second notification about the same failure.
    initializationFailedHandler: () => false,
  };
}

/**
 * Until the server has started, a crash is left to the failed start to report, once: restarting
 * a server that cannot start would only stack up notifications. Once it runs, a server that stops
 * is restarted with one message to the user, and left stopped with one more if it keeps stopping
 * (see ServerRestarts); the client's own notifications are suppressed.
 */
class StartupErrorHandler implements ErrorHandler {
  private running: ErrorHandler | undefined;

  constructor(
    private readonly restarts: ServerRestarts,
    private readonly outputChannel: vscode.OutputChannel,
  ) {}

  afterStart(handler: ErrorHandler): void {
    this.running = handler;
  }

  error(error: Error, message: Message | undefined, count: number | undefined) {
    return (
      this.running?.error(error, message, count) ?? { action: ErrorAction.Shutdown, handled: true }
    );
  }

  closed() {
    if (!this.running) return { action: CloseAction.DoNotRestart, handled: true };

    const decision = this.restarts.afterUnexpectedStop();
    this.outputChannel.appendLine(
      `The language server stopped; ${decision.restart ? 'restarting it' : 'not restarting it'}.`,
    );
    if (decision.message) this.tell(decision.message, decision.restart);
    const action = decision.restart ? CloseAction.Restart : CloseAction.DoNotRestart;
    return { action, handled: true };
  }

  private tell(message: string, restarted: boolean): void {
    const show = restarted ? vscode.window.showWarningMessage : vscode.window.showErrorMessage;
    void show(message, SHOW_OUTPUT).then((choice) => {
      if (choice === SHOW_OUTPUT) this.outputChannel.show(true);
    });
  }
}

const SHOW_OUTPUT = 'Show Output';

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
