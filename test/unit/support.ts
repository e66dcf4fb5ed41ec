// Builders shared by the unit tests: in-memory documents with a cursor marker, and the service.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position } from 'vscode-languageserver-types';

import { loadCatalogue } from '../../server/src/service/catalogue';
import {
  createPolicyLanguageService,
  type DocumentContext,
} from '../../server/src/service/languageService';
import { DEFAULT_SETTINGS, type PolicySettings } from '../../server/src/service/settings';

export const CURSOR = '|';
export const catalogue = loadCatalogue();
export const service = createPolicyLanguageService(catalogue);

let documentCount = 0;

/** A policy document; its URI is under file:///workspace/ so globs can match it. */
export function policyDocument(
  text: string,
  path = `policy-${++documentCount}.json`,
): TextDocument {
  return TextDocument.create(`file:///workspace/${path}`, 'json', 1, text);
}

/** A document whose text has one `|` marking the cursor, and the cursor's position. */
export function documentWithCursor(
  textWithCursor: string,
  path?: string,
): { document: TextDocument; position: Position } {
  const offset = textWithCursor.indexOf(CURSOR);
  if (offset < 0) throw new Error('the test text has no cursor marker');

  const document = policyDocument(
    textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1),
    path,
  );
  return { document, position: document.positionAt(offset) };
}

/** A context in the workspace file:///workspace with the given settings. */
export function contextWith(settings: Partial<PolicySettings> = {}): DocumentContext {
  return {
    workspaceFolders: ['file:///workspace'],
    settings: { ...DEFAULT_SETTINGS, ...settings },
  };
}

/** Every policy file in the workspace is attached at resource-group scope. */
export const resourceGroupScope = contextWith({ resourceGroupScopedFiles: ['**/*.json'] });

/** Nothing says where policies are attached. */
export const unknownScope = contextWith();

/** The diagnostics of a policy text in a context. */
export function diagnoseIn(text: string, context: DocumentContext = unknownScope) {
  return service.validate(policyDocument(text), context);
}
