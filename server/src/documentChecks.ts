// Checks an open policy and tells the editor the result: its diagnostics, and the attachment
// scope it resolves to (which the client shows in the status bar).
import { NotificationType } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';

import type { RequestHandlerOptions } from './requestHandlers';
import { ATTACHMENT_SCOPE_NOTIFICATION, type AttachmentScopeParams } from './protocol';
import { describeScope } from './service/scopeWording';
import { TooLargeLog } from './tooLargeLog';

const scopeNotification = new NotificationType<AttachmentScopeParams>(
  ATTACHMENT_SCOPE_NOTIFICATION,
);

/** How long a document must rest before it is checked again. */
const CHECK_DELAY_MS = 60;

export interface DocumentChecksOptions extends RequestHandlerOptions {
  /** Settles once the first settings have arrived; no check runs before. */
  readonly settingsLoaded: () => Promise<void>;
}

export class DocumentChecks {
  private readonly tooLargeLog: TooLargeLog;

  constructor(private readonly options: DocumentChecksOptions) {
    this.tooLargeLog = new TooLargeLog(options.connection.console);
  }

  private readonly pending = new Map<string, NodeJS.Timeout>();

  // A burst of keystrokes is checked once, after the burst: each change restarts a short wait,
  // so the server never queues a check per keystroke of a fast typist or a pasted edit script.
  // Documents opened before the first settings arrive are checked once they have, so that no
  // diagnostics computed with the defaults flash up first.
  readonly validate = (document: TextDocument): void => {
    clearTimeout(this.pending.get(document.uri));
    const timer = setTimeout(() => {
      this.pending.delete(document.uri);
      void this.options.settingsLoaded().then(() => this.check(document.uri));
    }, CHECK_DELAY_MS);
    this.pending.set(document.uri, timer);
  };

  /** Checks every open document again, after the settings or the workspace scopes changed. */
  validateAll(): void {
    this.options.documents.all().forEach(this.validate);
  }

  /** Forgets a closed document and clears its diagnostics. */
  closed(uri: string): void {
    clearTimeout(this.pending.get(uri));
    this.pending.delete(uri);
    this.options.service.forget(uri);
    this.tooLargeLog.forget(uri);
    void this.options.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private check(uri: string): void {
    const document = this.options.documents.get(uri);
    if (!document) return;

    this.sendDiagnostics(document);
    this.sendAttachmentScope(document);
  }

  private sendDiagnostics(document: TextDocument): void {
    const { connection, service, context, guard } = this.options;
    const diagnostics = guard('diagnostics', [], () => service.validate(document, context()));
    this.tooLargeLog.noteChecked(document, diagnostics);
    void connection.sendDiagnostics({
      uri: document.uri,
      version: document.version,
      diagnostics,
    });
  }

  private sendAttachmentScope(document: TextDocument): void {
    const { connection, service, context, guard } = this.options;
    const resolution = guard('scope', null, () => service.attachmentScope(document, context()));
    void connection.sendNotification(scopeNotification, {
      uri: document.uri,
      scope: resolution?.scope ?? null,
      source: resolution ? describeScope(resolution) : '',
    });
  }
}
