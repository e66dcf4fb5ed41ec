// Edits of the project scope file: record that a policy file is attached at a scope. The edit
// changes as little as it can (jsonc-parser's modify keeps the file's layout) and creates the
// file when there is none, so one undo reverts it.
import { type FormattingOptions, modify, parseTree } from 'jsonc-parser';
import type { CreateFile, TextDocumentEdit, TextEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';

import type { DeclaredScope } from '../scope';
import { PROJECT_SCOPE_FILE } from './projectScopeFile';
import { relativePath, resolveUri } from './workspaceFiles';

export interface ScopeRecord {
  readonly scope: DeclaredScope;
  readonly resourceGroupId?: string;
  readonly note?: string;
}

/** The changes that record a scope, or why the project file cannot take it. */
export type ProjectFileChange =
  { readonly changes: (CreateFile | TextDocumentEdit)[] } | { readonly problem: string };

const FORMATTING: FormattingOptions = { insertSpaces: true, tabSize: 2, eol: '\n' };

/**
 * Records `record` for the policy file at `policyUri`. An entry whose `files` is exactly this
 * file's path is updated; otherwise a new entry goes first, because the first match decides.
 */
export function recordScope(
  folder: string,
  policyUri: string,
  currentText: string | undefined,
  record: ScopeRecord,
): ProjectFileChange {
  const uri = resolveUri(folder, PROJECT_SCOPE_FILE);
  const path = relativePath(folder, policyUri);
  if (!uri || path === undefined) {
    return { problem: 'The policy is not inside a workspace folder, so it has no project file.' };
  }

  const entry = {
    files: path,
    scope: record.scope,
    ...(record.scope === 'resource-group' && record.resourceGroupId
      ? { resourceGroupId: record.resourceGroupId }
      : {}),
    ...(record.note ? { note: record.note } : {}),
  };
  if (currentText === undefined) {
    const text = JSON.stringify({ scopes: [entry] }, null, 2) + '\n';
    return {
      changes: [
        { kind: 'create', uri, options: { ignoreIfExists: false, overwrite: false } },
        textEdit(uri, [{ range: START, newText: text }]),
      ],
    };
  }

  const edits = entryEdits(currentText, path, entry);
  if (!edits) {
    return { problem: `${PROJECT_SCOPE_FILE} has errors; fix them before recording a scope.` };
  }
  const document = TextDocument.create(uri, 'json', 0, currentText);
  const lspEdits = edits.map((edit) => ({
    range: {
      start: document.positionAt(edit.offset),
      end: document.positionAt(edit.offset + edit.length),
    },
    newText: edit.content,
  }));
  return { changes: [textEdit(uri, lspEdits)] };
}

function entryEdits(text: string, path: string, entry: object) {
  const root = parseTree(text);
  if (root?.type !== 'object') return undefined;

  const scopes = root.children?.find((p) => p.children?.[0]?.value === 'scopes')?.children?.[1];
  if (scopes === undefined) {
    return modify(text, ['scopes'], [entry], { formattingOptions: FORMATTING });
  }
  if (scopes.type !== 'array') return undefined;

  const index = (scopes.children ?? []).findIndex((item) => {
    const files = item.children?.find((p) => p.children?.[0]?.value === 'files')?.children?.[1];
    return files?.value === path;
  });
  return index >= 0
    ? modify(text, ['scopes', index], entry, { formattingOptions: FORMATTING })
    : modify(text, ['scopes', 0], entry, {
        formattingOptions: FORMATTING,
        isArrayInsertion: true,
      });
}

const START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function textEdit(uri: string, edits: TextEdit[]): TextDocumentEdit {
  return { textDocument: { uri, version: null }, edits };
}
