// The initialize handshake: what the server learns the client supports, and what it offers.
import {
  CodeActionKind,
  type InitializeParams,
  type InitializeResult,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';

import { SET_ATTACHMENT_SCOPE_COMMAND } from './protocol';

/** What the client supports; clients differ, and missing capabilities count as unsupported. */
export interface ClientSupport {
  /** It answers workspace/configuration, so settings are asked for rather than pushed. */
  readonly pullsConfiguration: boolean;
  /** It lets the server register file watchers for the files that place policies. */
  readonly watchesFiles: boolean;
  /** It reports workspace folders added and removed. */
  readonly followsFolders: boolean;
}

export const NO_CLIENT_SUPPORT: ClientSupport = {
  pullsConfiguration: false,
  watchesFiles: false,
  followsFolders: false,
};

export function clientSupport(params: InitializeParams): ClientSupport {
  const workspace = params.capabilities?.workspace;
  return {
    pullsConfiguration: workspace?.configuration === true,
    watchesFiles: workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    followsFolders: workspace?.workspaceFolders === true,
  };
}

export function initializeResult(version: string): InitializeResult {
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
    serverInfo: { name: 'cams-policy-language-server', version },
  };
}
