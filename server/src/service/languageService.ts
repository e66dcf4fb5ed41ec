// The policy language service: one entry point over the features, each in its own module. It
// works on text documents and returns plain LSP values; it knows nothing of the connection.
import type {
  CodeAction,
  CodeLens,
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
import { statementLenses } from './codeLens/statementLens';
import { completePolicy } from './completion/completion';
import { validatePolicy } from './diagnostics/validate';
import { hoverPolicy } from './hover/hover';
import { looksLikePolicy, parsePolicy, type PolicyDocument } from './policyDocument';
import { applyRuleLevels } from './rules/ruleSeverity';
import { type DocumentLocation, matchesSetting, resolveAttachmentScope } from './scope';
import type { ScopeResolution } from './scope';
import type { PolicySettings } from './settings';
import { statementSymbols } from './symbols/documentSymbols';
import { checkProjectScopeFile } from './diagnostics/projectFileCheck';
import { isProjectScopeFile, parseProjectScopeFile } from './workspace/projectScopeFile';
import { folderOf, type WorkspaceFileAccess } from './workspace/workspaceFiles';
import type { WorkspaceScopes } from './workspace/workspaceScopes';
import {
  exceedsAnalysisLimit,
  startLooksLikePolicy,
  tooLargeDiagnostic,
} from './size/analysisLimit';

/** What the service needs to know about a document besides its text. */
export interface DocumentContext {
  readonly workspaceFolders: readonly string[];
  readonly settings: PolicySettings;
  /** What the workspace's project file and infrastructure code say. Default: nothing. */
  readonly workspaceScopes?: WorkspaceScopes;
  /** Read access to workspace files, for fixes that extend other files. Default: none. */
  readonly files?: WorkspaceFileAccess;
}

export interface PolicyLanguageService {
  readonly catalogue: ActionCatalogue;
  /** True when the document is a RAM policy, by its content or by the `policyFiles` setting. */
  isPolicy(document: TextDocument, context: DocumentContext): boolean;
  /** Diagnostics of a policy, or of the project scope file. */
  validate(document: TextDocument, context: DocumentContext): Diagnostic[];
  /** Where a policy is attached and why; null for a document that is not a policy. */
  attachmentScope(document: TextDocument, context: DocumentContext): ScopeResolution | null;
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
  /** A lens per statement: how many actions it grants, how many are account-only. */
  codeLenses(document: TextDocument, context: DocumentContext): CodeLens[];
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
  const analysed = (document: TextDocument, context: DocumentContext) =>
    exceedsAnalysisLimit(document) || !isPolicy(document, context) ? undefined : parse(document);

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

  const resolve = (document: TextDocument, context: DocumentContext): ScopeResolution =>
    resolveAttachmentScope(locate(document, context), context.settings, context.workspaceScopes);

  return {
    catalogue,
    isPolicy,

    validate(document, context) {
      if (isProjectScopeFile(document.uri, context.workspaceFolders)) {
        const folder = folderOf(document.uri, context.workspaceFolders) ?? '';
        const project = parseProjectScopeFile(document.uri, folder, document.getText());
        return checkProjectScopeFile(document, project);
      }
      if (!isPolicy(document, context)) return [];
      if (exceedsAnalysisLimit(document)) return [tooLargeDiagnostic(document)];

      const { scope, evidence } = resolve(document, context);
      const policy = parse(document);
      const input = { document, policy, catalogue, scope, scopeEvidence: evidence };
      return applyRuleLevels(validatePolicy(input), context.settings.rules);
    },

    attachmentScope(document, context) {
      return isPolicy(document, context) ? resolve(document, context) : null;
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
      const workspace = context.files
        ? { folders: context.workspaceFolders, files: context.files }
        : undefined;
      const input = {
        document,
        policy,
        catalogue,
        range,
        diagnostics,
        ...(workspace ? { workspace } : {}),
      };
      return [...ruleFixes(input), ...splitPolicyActions(input), ...splitStatementActions(input)];
    },

    documentSymbols(document, context) {
      const policy = analysed(document, context);
      return policy ? statementSymbols({ document, policy, catalogue }) : [];
    },

    codeLenses(document, context) {
      const policy = analysed(document, context);
      return policy ? statementLenses({ document, policy, catalogue }) : [];
    },

    forget(uri) {
      parsed.delete(uri);
    },
  };
}
