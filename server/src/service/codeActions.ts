// Quick fixes for policies.
import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';

import type { ActionCatalogue } from './catalogue';
import type { PolicyDocument } from './policyDocument';

export interface CodeActionInput {
  readonly document: TextDocument;
  readonly policy: PolicyDocument;
  readonly catalogue: ActionCatalogue;
  readonly range: Range;
  readonly diagnostics: readonly Diagnostic[];
}

export function splitStatementActions(_input: CodeActionInput): CodeAction[] {
  return [];
}
