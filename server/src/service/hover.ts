// Hover documentation for cams actions and wildcards.
import type { Hover, Position } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';

import type { ActionCatalogue } from './catalogue';
import type { PolicyDocument } from './policyDocument';

export interface HoverInput {
  readonly document: TextDocument;
  readonly policy: PolicyDocument;
  readonly catalogue: ActionCatalogue;
  readonly position: Position;
}

export function hoverPolicy(_input: HoverInput): Hover | null {
  return null;
}
