// The editor's requests on an open policy, answered by the language service. A request on a
// document the server does not have, or a feature that throws, gets the empty answer.
import type { CompletionList, Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';

import type { Guard } from './featureGuard';
import type { DocumentContext, PolicyLanguageService } from './service/languageService';

export interface RequestHandlerOptions {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly service: PolicyLanguageService;
  readonly context: () => DocumentContext;
  readonly guard: Guard;
}

export function registerRequestHandlers(options: RequestHandlerOptions): void {
  answerCompletion(options);
  answerHover(options);
  answerCodeLens(options);
  answerCodeActions(options);
  answerDocumentSymbols(options);
}

function answerCompletion(options: RequestHandlerOptions): void {
  const { connection, documents, service, context, guard } = options;

  connection.onCompletion((params) => {
    const document = documents.get(params.textDocument.uri);
    const empty: CompletionList = { isIncomplete: false, items: [] };
    if (!document) return empty;
    return guard('completion', empty, () => service.complete(document, params.position, context()));
  });
}

function answerHover(options: RequestHandlerOptions): void {
  const { connection, documents, service, context, guard } = options;

  connection.onHover((params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    return guard('hover', null, () => service.hover(document, params.position, context()));
  });
}

function answerCodeLens(options: RequestHandlerOptions): void {
  const { connection, documents, service, context, guard } = options;

  connection.onCodeLens((params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    return guard('code lens', [], () => service.codeLenses(document, context()));
  });
}

function answerCodeActions(options: RequestHandlerOptions): void {
  const { connection, documents, service, context, guard } = options;

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
}

function answerDocumentSymbols(options: RequestHandlerOptions): void {
  const { connection, documents, service, context, guard } = options;

  connection.onDocumentSymbol((params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return [];
    return guard('document symbols', [], () => service.documentSymbols(document, context()));
  });
}
