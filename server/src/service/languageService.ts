// The policy language service: one entry point over the features, each in its own module. It
// works on text documents and returns plain LSP values; it knows nothing of the connection.
import type {
  CodeAction,
  CompletionList,
  Diagnostic,
  DocumentSymbol,
  Hover,
  Position,
  Range,
} from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';

import { type ActionCatalogue, loadCatalogue } from './catalogue';
import { splitStatementActions } from './codeActions/codeActions';
import { ruleFixes } from './codeActions/ruleFixes';
import { splitPolicyActions } from './codeActions/splitPolicy';
import { completePolicy } from './completion/completion';
import { validatePolicy } from './diagnostics/validate';
import { hoverPolicy } from './hover/hover';
import { looksLikePolicy, parsePolicy, type PolicyDocument } from './policyDocument';
import { applyRuleLevels } from './rules/ruleSeverity';
import { attachmentScopeOf, type DocumentLocation, matchesSetting } from './scope';
import type { PolicySettings } from './settings';
import { statementSymbols } from './symbols/documentSymbols';

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
  /** The outline: one symbol per statement, named by its effect and how many actions it has. */
  documentSymbols(document: TextDocument, context: DocumentContext): DocumentSymbol[];
  /** Drops what the service keeps about a closed document. */
  forget(uri: string): void;
}

export function createPolicyLanguageService(
  catalogue: ActionCatalogue = loadCatalogue(),
): PolicyLanguageService {
  const parsed = new Map<string, PolicyDocument>();

  // Every feature of one document version reads the same parse. The text itself is the key: a
  // client that sends two texts under one version number must not be answered from the old one,
  // and an unchanged document hands back the very same string, so the comparison is cheap.
  const parse = (document: TextDocument): PolicyDocument => {
    const text = document.getText();
    const cached = parsed.get(document.uri);
    if (cached?.text === text) return cached;

    const policy = parsePolicy(text);
    parsed.set(document.uri, policy);
    return policy;
  };

  /** The parsed policy when the document is one and can be analysed. */
  const analysed = (document: TextDocument, context: DocumentContext) => {
    if (!isPolicy(document, context)) return undefined;
    const policy = parse(document);
    return policy.analysable ? policy : undefined;
  };

  const locate = (document: TextDocument, context: DocumentContext): DocumentLocation => ({
    uri: document.uri,
    workspaceFolders: context.workspaceFolders,
  });

  const isPolicy = (document: TextDocument, context: DocumentContext): boolean =>
    matchesSetting(locate(document, context), context.settings.policyFiles) ||
    looksLikePolicy(parse(document).root);

  return {
    catalogue,
    isPolicy,

    validate(document, context) {
      if (!isPolicy(document, context)) return [];
      const scope = attachmentScopeOf(locate(document, context), context.settings);
      const diagnostics = validatePolicy({ document, policy: parse(document), catalogue, scope });
      return applyRuleLevels(diagnostics, context.settings.rules);
    },

    complete(document, position, context) {
      const policy = analysed(document, context);
      if (!policy) return { isIncomplete: false, items: [] };
      return completePolicy({ document, policy, catalogue, position });
    },

    hover(document, position, context) {
      const policy = analysed(document, context);
      return policy ? hoverPolicy({ document, policy, catalogue, position }) : null;
    },

    codeActions(document, range, diagnostics, context) {
      const policy = analysed(document, context);
      if (!policy) return [];
      const input = { document, policy, catalogue, range, diagnostics };
      return [...ruleFixes(input), ...splitPolicyActions(input), ...splitStatementActions(input)];
    },

    documentSymbols(document, context) {
      const policy = analysed(document, context);
      return policy ? statementSymbols({ document, policy, catalogue }) : [];
    },

    forget(uri) {
      parsed.delete(uri);
    },
  };
}
