// Completion of cams actions and of the policy language around them.
import type { CompletionList, Position } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';

import type { ActionCatalogue } from './catalogue';
import type { PolicyDocument } from './policyDocument';

export interface CompletionInput {
  readonly document: TextDocument;
  readonly policy: PolicyDocument;
  readonly catalogue: ActionCatalogue;
  readonly position: Position;
}

export function completePolicy(_input: CompletionInput): CompletionList {
  return { isIncomplete: false, items: [] };
}
