// Says in the log when a policy is not analysed because it is too large: once while it stays too
// large, not on every keystroke.
import type { Diagnostic, RemoteConsole } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';

import { RULES } from './service/rules/ruleCatalogue';

export class TooLargeLog {
  private readonly loggedTooLarge = new Set<string>();

  constructor(private readonly log: RemoteConsole) {}

  /** Logs the document if its diagnostics say it was too large, unless that is logged already. */
  noteChecked(document: TextDocument, diagnostics: readonly Diagnostic[]): void {
    const tooLarge = diagnostics.some((d) => d.code === RULES.policyTooLarge.id);
    if (!tooLarge) this.loggedTooLarge.delete(document.uri);
    if (!tooLarge || this.loggedTooLarge.has(document.uri)) return;

    this.loggedTooLarge.add(document.uri);
    const size = document.getText().length;
    this.log.info(`not analysed, ${size} characters is over the limit: ${document.uri}`);
  }

  /** Forgets a closed document, so that it is logged again if it is opened again too large. */
  forget(uri: string): void {
    this.loggedTooLarge.delete(uri);
  }
}
