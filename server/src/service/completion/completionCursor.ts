// Where the completion cursor stands in a policy being typed, and how an accepted item's text
// goes in there. Policies being typed are rarely valid JSON, so this reads jsonc-parser's tokens
// and location rather than the parsed tree.
import { createScanner, getLocation, type JSONPath, ScanError, SyntaxKind } from 'jsonc-parser';
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/** A string literal whose text the cursor is in, between the quotes. */
export interface StringAtCursor {
  /** The offset of the opening quote. */
  readonly offset: number;
  /** The offset just past the text: the closing quote, or the end of an unclosed string. */
  readonly contentEnd: number;
  readonly closed: boolean;
}

export interface CompletionCursor {
  readonly offset: number;
  /** The JSON path to the cursor; at a key, its last segment is the key typed so far. */
  readonly path: JSONPath;
  /** True where a property key goes, false where a value goes. */
  readonly atKey: boolean;
  /** The string the cursor is in; undefined between tokens. */
  readonly string: StringAtCursor | undefined;
}

/** What an item puts in the document, and the text VS Code filters it by. */
export interface ItemEdit {
  readonly textEdit: TextEdit;
  readonly filterText: string;
}

/** Where the cursor is, or undefined where nothing can go (just after a complete value). */
export function completionCursor(text: string, offset: number): CompletionCursor | undefined {
  const location = getLocation(text, offset);
  const cursor = { offset, path: location.path, atKey: location.isAtPropertyKey };
  const previous = location.previousNode;
  if (!previous) return { ...cursor, string: undefined };

  // The location names the token just before the cursor: only the inside of a string (a key
  // or a value) takes an insertion, never the space right after a literal.
  if (previous.type !== 'string' && previous.type !== 'property') return undefined;
  // Right before a string's opening quote the cursor stands between tokens.
  if (offset <= previous.offset) return { ...cursor, string: undefined };
  const string = stringAround(text, previous.offset, offset);
  return string ? { ...cursor, string } : undefined;
}

/**
 * Puts a string value at the cursor. Inside a string the item replaces its text up to the
 * closing quote, so that accepting it neither eats nor doubles that quote.
 */
export function valueEdit(
  document: TextDocument,
  cursor: CompletionCursor,
  value: string,
): ItemEdit {
  const text = document.getText();
  const string = cursor.string;
  if (!string) {
    const newText = `"${value}"` + commaBefore(text, cursor.offset);
    const textEdit = edit(document, cursor.offset, cursor.offset, newText);
    return { textEdit, filterText: `"${value}"` };
  }

  const closing = string.closed ? '' : '"' + commaBefore(text, string.contentEnd);
  const textEdit = edit(document, string.offset + 1, string.contentEnd, value + closing);
  return { textEdit, filterText: value };
}

/**
 * Puts a property at the cursor: the key, and after it `valueSnippet` unless the key being typed
 * already has a colon after it. A closed key string is replaced through its closing quote so
 * that the snippet can follow the key.
 */
export function propertyEdit(
  document: TextDocument,
  cursor: CompletionCursor,
  key: string,
  valueSnippet: string,
): ItemEdit & { readonly insertsValue: boolean } {
  const text = document.getText();
  const string = cursor.string;
  if (!string) {
    const newText = `"${key}": ${valueSnippet}` + commaBefore(text, cursor.offset);
    const textEdit = edit(document, cursor.offset, cursor.offset, newText);
    return { textEdit, filterText: `"${key}"`, insertsValue: true };
  }

  const start = string.offset + 1;
  if (string.closed && nextToken(text, string.contentEnd + 1) === SyntaxKind.ColonToken) {
    const textEdit = edit(document, start, string.contentEnd, key);
    return { textEdit, filterText: key, insertsValue: false };
  }

  const end = string.closed ? string.contentEnd + 1 : string.contentEnd;
  const newText = `${key}": ${valueSnippet}` + commaBefore(text, end);
  return { textEdit: edit(document, start, end, newText), filterText: key, insertsValue: true };
}

function stringAround(
  text: string,
  tokenOffset: number,
  cursor: number,
): StringAtCursor | undefined {
  const scanner = createScanner(text, false);
  scanner.setPosition(tokenOffset);
  if (scanner.scan() !== SyntaxKind.StringLiteral) return undefined;

  const closed = scanner.getTokenError() !== ScanError.UnexpectedEndOfString;
  const tokenEnd = scanner.getTokenOffset() + scanner.getTokenLength();
  // An unclosed string runs to the end of the line, over any `],` typed after it: only the
  // name under the cursor is replaced then.
  const contentEnd = closed
    ? tokenEnd - 1
    : Math.min(tokenEnd, cursor + nameLengthAt(text, cursor));
  const inside = cursor > tokenOffset && cursor <= contentEnd;
  return inside ? { offset: tokenOffset, contentEnd, closed } : undefined;
}

function nameLengthAt(text: string, offset: number): number {
  return /^[\w:*?.\-/{}#]*/.exec(text.slice(offset, offset + 200))![0].length;
}

// An item inserted before another value or property needs a comma to keep the JSON valid.
function commaBefore(text: string, offset: number): string {
  return ITEM_STARTS.has(nextToken(text, offset)) ? ',' : '';
}

const ITEM_STARTS = new Set<SyntaxKind>([
  SyntaxKind.StringLiteral,
  SyntaxKind.OpenBraceToken,
  SyntaxKind.OpenBracketToken,
  SyntaxKind.NumericLiteral,
  SyntaxKind.TrueKeyword,
  SyntaxKind.FalseKeyword,
  SyntaxKind.NullKeyword,
]);

function nextToken(text: string, offset: number): SyntaxKind {
  const scanner = createScanner(text, true);
  scanner.setPosition(offset);
  return scanner.scan();
}

function edit(document: TextDocument, start: number, end: number, newText: string): TextEdit {
  const range: Range = { start: document.positionAt(start), end: document.positionAt(end) };
  return { range, newText };
}
