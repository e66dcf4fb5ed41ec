// What every answer of the service must satisfy whatever the input: no exception, and every
// range inside the document, at a UTF-16 position that splits no character and no line break.
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CodeAction,
  CompletionItem,
  Diagnostic,
  Position,
  Range,
  TextEdit,
} from 'vscode-languageserver-types';

import type { DocumentContext } from '../../../server/src/service/languageService';
import { ALL_RULES } from '../../../server/src/service/rules/ruleCatalogue';
import { contextWith, service } from '../support';

/** Every JSON file is a policy attached at resource-group scope: every check and fix runs. */
export const everyFileAPolicy = contextWith({
  policyFiles: ['**/*.json'],
  resourceGroupScopedFiles: ['**/*.json'],
});

let documentCount = 0;

export function fuzzDocument(text: string): TextDocument {
  return TextDocument.create(`file:///workspace/fuzz-${++documentCount}.json`, 'json', 1, text);
}

/** The longest message a diagnostic may have: it says what is wrong, not every alternative. */
const LONGEST_MESSAGE = 400;

/**
 * Runs every feature of the facade on the document: diagnostics, then completion and hover at
 * each offset given, then every code action offered for each diagnostic and at each offset.
 */
export function exerciseEveryFeature(
  document: TextDocument,
  offsets: readonly number[],
  context: DocumentContext = everyFileAPolicy,
): void {
  const diagnostics = service.validate(document, context);
  diagnostics.forEach((diagnostic) => checkDiagnostic(document, diagnostic));

  for (const position of offsets.map((offset) => document.positionAt(offset))) {
    const list = service.complete(document, position, context);
    list.items.forEach((item) => checkCompletionItem(document, position, item));

    const hover = service.hover(document, position, context);
    if (hover?.range) checkRange(document, hover.range, 'hover');

    const here = { start: position, end: position };
    service
      .codeActions(document, here, diagnostics, context)
      .forEach((action) => checkCodeAction(document, action));
  }

  for (const diagnostic of diagnostics) {
    service
      .codeActions(document, diagnostic.range, [diagnostic], context)
      .forEach((action) => checkCodeAction(document, action));
  }
}

/**
 * A few offsets worth asking about: the start, the end, and spread points between, moved back
 * where they would split a character or a CRLF, as no editor places a cursor there.
 */
export function offsetsOf(text: string, count = 4): number[] {
  const spread = Array.from({ length: count }, (_, i) => Math.floor((text.length * i) / count));
  return [...new Set([0, text.length, ...spread].map((offset) => cursorAt(text, offset)))];
}

/** The nearest offset at or before `offset` where a cursor can stand. */
export function cursorAt(text: string, offset: number): number {
  const splitsPair = isHighSurrogate(text, offset - 1) && isLowSurrogate(text, offset);
  const splitsCrlf = text[offset - 1] === '\r' && text[offset] === '\n';
  return splitsPair || splitsCrlf ? offset - 1 : offset;
}

const RULE_BY_ID = new Map(ALL_RULES.map((rule) => [rule.id, rule]));

export function checkDiagnostic(document: TextDocument, diagnostic: Diagnostic): void {
  const rule = RULE_BY_ID.get(String(diagnostic.code));
  assert.ok(rule, `diagnostic code ${String(diagnostic.code)} is a rule of the catalogue`);
  assert.equal(diagnostic.severity, rule.severity, `severity of ${rule.id}`);
  assert.ok(diagnostic.message.length > 0, 'a diagnostic has a message');
  assert.ok(
    diagnostic.message.length <= LONGEST_MESSAGE,
    `${rule.id} message of ${diagnostic.message.length} characters`,
  );
  checkRange(document, diagnostic.range, `diagnostic ${rule.id}`);
}

// The LSP asks that a completion edit stays on one line and covers the position it was asked at.
function checkCompletionItem(document: TextDocument, asked: Position, item: CompletionItem): void {
  const edit = item.textEdit;
  const ranges = !edit ? [] : 'range' in edit ? [edit.range] : [edit.insert, edit.replace];
  for (const range of ranges) {
    checkRange(document, range, `completion ${item.label}`);
    assert.equal(range.start.line, range.end.line, `completion ${item.label} stays on one line`);
    assert.ok(contains(range, asked), `completion ${item.label} covers the position asked at`);
  }
  item.additionalTextEdits?.forEach((extra) => checkRange(document, extra.range, 'completion'));
}

export function checkCodeAction(document: TextDocument, action: CodeAction): void {
  action.diagnostics?.forEach((diagnostic) => checkDiagnostic(document, diagnostic));

  for (const [uri, change] of fileChangesOf(document, action)) {
    // A file the fix creates starts empty; any other file is this document.
    const target = uri === document.uri ? document : TextDocument.create(uri, 'json', 0, '');
    change.edits.forEach((edit) => checkRange(target, edit.range, `code action ${action.title}`));

    // Applying the edits throws when two of them overlap.
    TextDocument.applyEdits(target, change.edits);
  }
}

/** The edits a code action makes to one file, and whether it creates that file. */
export interface FileChange {
  readonly created: boolean;
  readonly edits: TextEdit[];
}

/**
 * What a code action changes, by file: this document, and files it creates. A fix renames and
 * deletes no file, and changes no other existing file unless the service was given workspace
 * file access, which these tests do not give it.
 */
export function fileChangesOf(document: TextDocument, action: CodeAction): Map<string, FileChange> {
  const changes = new Map<string, FileChange>();
  const editsTo = (uri: string): TextEdit[] => {
    const known = changes.get(uri);
    if (known) return known.edits;
    assert.equal(uri, document.uri, `${action.title} changes no other existing file`);
    const change = { created: false, edits: [] };
    changes.set(uri, change);
    return change.edits;
  };

  for (const [uri, edits] of Object.entries(action.edit?.changes ?? {}))
    editsTo(uri).push(...edits);
  for (const change of action.edit?.documentChanges ?? []) {
    if ('kind' in change) {
      assert.equal(change.kind, 'create', `${action.title} renames or deletes no file`);
      assert.ok(!changes.has(change.uri), `${action.title} creates ${change.uri} once`);
      changes.set(change.uri, { created: true, edits: [] });
      continue;
    }
    const edits = change.edits.map((edit) => {
      assert.ok('range' in edit && 'newText' in edit, `${action.title} has plain text edits`);
      return edit as TextEdit;
    });
    editsTo(change.textDocument.uri).push(...edits);
  }
  return changes;
}

/** The edits of a code action to the document it was asked about. */
export function editsOf(document: TextDocument, action: CodeAction): TextEdit[] {
  return fileChangesOf(document, action).get(document.uri)?.edits ?? [];
}

export function checkRange(document: TextDocument, range: Range, what: string): void {
  checkPosition(document, range.start, `${what} start`);
  checkPosition(document, range.end, `${what} end`);
  const ordered =
    range.start.line < range.end.line ||
    (range.start.line === range.end.line && range.start.character <= range.end.character);
  assert.ok(ordered, `${what} starts before it ends`);
}

function checkPosition(document: TextDocument, position: Position, what: string): void {
  const { line, character } = position;
  assert.ok(Number.isInteger(line) && line >= 0 && line < document.lineCount, `${what}: line`);

  const lineText = lineWithoutBreak(document, line);
  const inLine = Number.isInteger(character) && character >= 0 && character <= lineText.length;
  assert.ok(inLine, `${what}: character ${character} on a line of ${lineText.length}`);

  const text = document.getText();
  const offset = document.offsetAt(position);
  const splitsPair = isHighSurrogate(text, offset - 1) && isLowSurrogate(text, offset);
  assert.ok(!splitsPair, `${what}: inside a surrogate pair at offset ${offset}`);
}

function lineWithoutBreak(document: TextDocument, line: number): string {
  const text = document.getText({
    start: { line, character: 0 },
    end: { line: line + 1, character: 0 },
  });
  return text.replace(/(\r\n|\r|\n)$/, '');
}

function isHighSurrogate(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 0xdc00 && code <= 0xdfff;
}

function contains(range: Range, position: Position): boolean {
  const after = (a: Position, b: Position) =>
    a.line > b.line || (a.line === b.line && a.character >= b.character);
  return after(position, range.start) && after(range.end, position);
}
