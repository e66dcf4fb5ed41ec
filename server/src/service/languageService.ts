// The policy language service: one entry point over the features, each in its own module. It
// works on text documents and returns plain LSP values; it knows nothing of the connection.
import type {
  CodeAction,
  CompletionList,
  Diagnostic,
  Hover,
  Position,
  Range,
} from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';

import { type ActionCatalogue, loadCatalogue } from './catalogue';
import { splitStatementActions } from './codeActions/codeActions';
import { completePolicy } from './completion/completion';
import { validatePolicy } from './diagnostics/validate';
import { hoverPolicy } from './hover/hover';
import { looksLikePolicy, parsePolicy, type PolicyDocument } from './policyDocument';
import { attachmentScopeOf, type DocumentLocation, matchesSetting } from './scope';
import type { PolicySettings } from './settings';
import {
  exceedsAnalysisLimit,
  startLooksLikePolicy,
  tooLargeDiagnostic,
} from './size/analysisLimit';

/** What the service needs to know about a document besides its text. */
export interface DocumentContext {
  readonly workspaceFolders: readonly string[];
  readonly settings: PolicySettings;
}

export interface PolicyLanguageService {
  readonly catalogue: ActionCatalogue;
  /** True when the document is a RAM policy, by its content or by the `policyFiles` setting. */
  isPolicy(document: TextDocument, context: DocumentContext): boolean;
  validate(document: TextDocument, context: DocumentContext): Diagnostic[];
  complete(document: TextDocument, position: Position, context: DocumentContext): CompletionList;
  hover(document: TextDocument, position: Position, context: DocumentContext): Hover | null;
  codeActions(
    document: TextDocument,
    range: Range,
    diagnostics: readonly Diagnostic[],
    context: DocumentContext,
  ): CodeAction[];
  /** Drops what the service keeps about a closed document. */
  forget(uri: string): void;
}

export function createPolicyLanguageService(
  catalogue: ActionCatalogue = loadCatalogue(),
): PolicyLanguageService {
  const parsed = new Map<string, { version: number; policy: PolicyDocument }>();

  // Every feature of one document version reads the same parse.
  const parse = (document: TextDocument): PolicyDocument => {
    const cached = parsed.get(document.uri);
    if (cached?.version === document.version) return cached.policy;

    const policy = parsePolicy(document.getText());
    parsed.set(document.uri, { version: document.version, policy });
    return policy;
  };

  const locate = (document: TextDocument, context: DocumentContext): DocumentLocation => ({
    uri: document.uri,
    workspaceFolders: context.workspaceFolders,
  });

  // A document too large to analyse is never parsed whole: its start tells whether it is a policy.
  const isPolicy = (document: TextDocument, context: DocumentContext): boolean =>
    matchesSetting(locate(document, context), context.settings.policyFiles) ||
    (exceedsAnalysisLimit(document)
      ? startLooksLikePolicy(document)
      : looksLikePolicy(parse(document).root));

  const isAnalysed = (document: TextDocument, context: DocumentContext): boolean =>
    !exceedsAnalysisLimit(document) && isPolicy(document, context);

  return {
    catalogue,
    isPolicy,

    validate(document, context) {
      if (!isPolicy(document, context)) return [];
      if (exceedsAnalysisLimit(document)) return [tooLargeDiagnostic(document)];
      const scope = attachmentScopeOf(locate(document, context), context.settings);
      return validatePolicy({ document, policy: parse(document), catalogue, scope });
    },

    complete(document, position, context) {
      if (!isAnalysed(document, context)) return { isIncomplete: false, items: [] };
      return completePolicy({ document, policy: parse(document), catalogue, position });
    },

    hover(document, position, context) {
      if (!isAnalysed(document, context)) return null;
      return hoverPolicy({ document, policy: parse(document), catalogue, position });
    },

    codeActions(document, range, diagnostics, context) {
      if (!isAnalysed(document, context)) return [];
      const policy = parse(document);
      return splitStatementActions({ document, policy, catalogue, range, diagnostics });
    },

    forget(uri) {
      parsed.delete(uri);
    },
  };
}
