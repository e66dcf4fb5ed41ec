// The promises every code action makes, checked on a document before and after it is applied:
// strict JSON, the file's own indentation and line endings, no action lost or duplicated, and the
// diagnostic it fixes gone. They hold for any fix, so a new fix is checked as soon as it is offered.
import assert from 'node:assert/strict';
import { parse, type ParseError } from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-types';

import { isWildcard } from '../../../server/src/service/catalogue';
import { mayCoverEveryService } from '../../../server/src/service/actionCoverage';
import type { DocumentContext } from '../../../server/src/service/languageService';
import { catalogue, service } from '../support';
import { editsOf, fileChangesOf, fuzzDocument } from './invariants';

/** A code action and the diagnostics it was offered for. */
export interface Offer {
  readonly action: CodeAction;
  readonly targets: readonly Diagnostic[];
}

/**
 * Every code action the service offers on the document, asked as an editor asks: for each
 * diagnostic alone, with all diagnostics at the start of each line, and for the whole text.
 */
export function offeredFixes(document: TextDocument, context: DocumentContext): Offer[] {
  const diagnostics = service.validate(document, context);
  const offers: Offer[] = [];
  const add = (action: CodeAction, asked: readonly Diagnostic[]) =>
    offers.push({
      action,
      targets: action.diagnostics ?? (action.kind === 'quickfix' ? asked : []),
    });

  for (const diagnostic of diagnostics) {
    const asked = [diagnostic];
    service.codeActions(document, diagnostic.range, asked, context).forEach((a) => add(a, asked));
  }
  for (const line of sampledLines(document.lineCount)) {
    const start = { line, character: 0 };
    const range = { start, end: start };
    service.codeActions(document, range, diagnostics, context).forEach((a) => add(a, diagnostics));
  }
  // The same fix is offered at many lines; each distinct one is checked once.
  const distinct = new Map(offers.map((offer) => [JSON.stringify(offer), offer]));
  return [...distinct.values()].filter((offer) => fileChangesOf(document, offer.action).size > 0);
}

// Long documents are asked at thirty lines spread over them, which keeps each run short.
function sampledLines(count: number): number[] {
  const step = Math.max(1, Math.floor(count / 30));
  return Array.from({ length: Math.ceil(count / step) }, (_, i) => i * step);
}

/** Applies an offer and checks each promise; returns the text after the fix. */
export function checkFixPromises(
  document: TextDocument,
  offer: Offer,
  context: DocumentContext,
): string {
  const before = document.getText();
  const edits = editsOf(document, offer.action);
  const after = TextDocument.applyEdits(document, edits);
  const files = resultingFiles(document, offer.action);
  const what = `"${offer.action.title}" on\n${before}\ngave\n${files.join('\n---\n')}\n`;

  for (const file of files) {
    keepsStrictJson(before, file, offer.targets, what);
    keepsLineEndings(before, file, what);
    keepsIndentation(before, file, what);
  }
  keepsEveryAction(document, before, files, offer.targets, what);
  removesTargets(document, edits, after, offer.targets, context, what);
  return after;
}

/** The text of this document after the fix, then of each file the fix creates. */
function resultingFiles(document: TextDocument, action: CodeAction): string[] {
  return [...fileChangesOf(document, action)].map(([uri, change]) => {
    const base = change.created ? TextDocument.create(uri, 'json', 0, '') : document;
    return TextDocument.applyEdits(base, change.edits);
  });
}

const SYNTAX_RULES = new Set(['json-syntax', 'json-comment', 'json-trailing-comma']);

function strictProblems(text: string): number {
  const errors: ParseError[] = [];
  parse(text, errors, { allowTrailingComma: false, disallowComments: true });
  return errors.length;
}

// A fix keeps strict JSON strict; on a file that is not, it may only reduce what is wrong.
function keepsStrictJson(
  before: string,
  after: string,
  targets: readonly Diagnostic[],
  what: string,
): void {
  const problemsBefore = strictProblems(before);
  const problemsAfter = strictProblems(after);
  if (problemsBefore === 0) assert.equal(problemsAfter, 0, `strict JSON stays strict: ${what}`);
  else assert.ok(problemsAfter <= problemsBefore, `no new JSON problem: ${what}`);

  const fixesSyntax = targets.some((target) => SYNTAX_RULES.has(String(target.code)));
  if (fixesSyntax) assert.ok(problemsAfter < problemsBefore, `fewer JSON problems: ${what}`);
}

function lineBreakStyles(text: string): Set<string> {
  return new Set(text.match(/\r\n|\r|\n/g) ?? []);
}

function keepsLineEndings(before: string, after: string, what: string): void {
  const styles = lineBreakStyles(before);
  if (styles.size > 1) return;

  const added = [...lineBreakStyles(after)].filter((style) => !styles.has(style));
  assert.deepEqual(added, [], `line endings kept: ${what}`);
}

function indentations(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .slice(1)
    .map((line) => /^[ \t]*/.exec(line)![0])
    .filter((indent) => indent.length > 0);
}

// New lines are indented with the file's characters, in multiples of its indentation unit.
function keepsIndentation(before: string, after: string, what: string): void {
  const used = indentations(before);
  if (used.length === 0) return;

  const characters = new Set(used.join(''));
  const unit = used.map((indent) => indent.length).reduce(greatestCommonDivisor);
  for (const indent of indentations(after)) {
    const foreign = [...indent].filter((character) => !characters.has(character));
    assert.deepEqual(foreign, [], `indentation characters kept: ${what}`);
    assert.equal(indent.length % unit, 0, `indentation in steps of ${unit}: ${what}`);
  }
}

function greatestCommonDivisor(a: number, b: number): number {
  return b === 0 ? a : greatestCommonDivisor(b, a % b);
}

/**
 * How many times each statement kind and effect grants each action: a cams pattern counts as the
 * catalogue actions it covers, any other name as itself. A fix may change a condition (one that
 * can never hold for the actions it moves, say), so conditions are not compared.
 */
function grantCounts(text: string): Map<string, number> {
  const policy = parse(text) as { Statement?: unknown } | undefined;
  const statements = Array.isArray(policy?.Statement) ? policy.Statement : [policy?.Statement];
  const counts = new Map<string, number>();

  for (const statement of statements) {
    if (typeof statement !== 'object' || statement === null) continue;
    const { Action, NotAction, Effect } = statement as Record<string, unknown>;
    const kind = Action !== undefined ? 'Action' : 'NotAction';
    const group = JSON.stringify([kind, Effect]);
    const values = [Action ?? NotAction].flat().filter((v): v is string => typeof v === 'string');
    for (const grant of values.flatMap(grantsOf)) {
      const key = `${group} ${grant}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
}

/** The wildcards each statement kind and effect writes, as RAM matches them: without case. */
function wildcardsOf(text: string): { group: string; matches: (name: string) => boolean }[] {
  const policy = parse(text) as { Statement?: unknown } | undefined;
  const statements = Array.isArray(policy?.Statement) ? policy.Statement : [policy?.Statement];
  return statements.flatMap((statement) => {
    if (typeof statement !== 'object' || statement === null) return [];
    const { Action, NotAction, Effect } = statement as Record<string, unknown>;
    const group = JSON.stringify([Action !== undefined ? 'Action' : 'NotAction', Effect]);
    const values = [Action ?? NotAction].flat().filter((v): v is string => typeof v === 'string');
    return values.filter(isWildcard).map((pattern) => {
      const body = pattern
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '[\\s\\S]*')
        .replace(/\?/g, '[\\s\\S]');
      const matcher = new RegExp(`^${body}$`, 'i');
      return { group, matches: (name: string) => matcher.test(name) };
    });
  });
}

function grantsOf(value: string): string[] {
  const ownPattern = catalogue.ownsAction(value) || mayCoverEveryService(value);
  const covered = ownPattern && isWildcard(value) ? catalogue.expand(value) : [];
  const known = ownPattern && !isWildcard(value) ? catalogue.lookup(value) : undefined;
  if (covered.length > 0) return covered.map((action) => action.name.toLowerCase());
  if (known) return [known.name.toLowerCase()];
  return [`written ${value.toLowerCase()}`];
}

/**
 * Every grant stays, in this document or a file the fix creates, under the same effect, and none
 * is written twice where it was once. Only a name the fix targets as unknown may go, as a fix that corrects it replaces it.
 */
function keepsEveryAction(
  document: TextDocument,
  before: string,
  files: readonly string[],
  targets: readonly Diagnostic[],
  what: string,
): void {
  const replaceable = new Set(
    targets.map((target) => `written ${document.getText(target.range).toLowerCase()}`),
  );
  const countsAfter = new Map<string, number>();
  for (const [key, count] of files.flatMap((file) => [...grantCounts(file)])) {
    countsAfter.set(key, (countsAfter.get(key) ?? 0) + count);
  }

  const patternsAfter = files.flatMap(wildcardsOf);

  for (const [key, count] of grantCounts(before)) {
    const granted = countsAfter.get(key) ?? 0;
    const group = key.slice(0, key.indexOf('] ') + 1);
    const grant = key.slice(key.indexOf('] ') + 2);
    // A name a remaining wildcard of the same kind and effect covers is still granted by it.
    const covered = patternsAfter.some(
      (p) => p.group === group && grant.startsWith('written ') && p.matches(grant.slice(8)),
    );
    if (!replaceable.has(grant) && !covered) {
      assert.ok(granted > 0, `${key} still granted: ${what}`);
    }
    assert.ok(granted <= count, `${key} granted ${granted} times, ${count} before: ${what}`);
  }
}

/**
 * The diagnostics the fix targets are gone: none of the same rule is left where a target was,
 * in the text an edit put in its place or, outside the edits, at its shifted position.
 */
function removesTargets(
  document: TextDocument,
  edits: readonly TextEdit[],
  after: string,
  targets: readonly Diagnostic[],
  context: DocumentContext,
  what: string,
): void {
  if (targets.length === 0) return;
  // A document of its own: the service keeps one parse per URI and version.
  const fixed = fuzzDocument(after);
  const remaining = service.validate(fixed, context);

  for (const target of targets) {
    const place = placeAfterEdits(document, edits, document.offsetAt(target.range.start));
    const left = remaining.filter((diagnostic) => {
      if (diagnostic.code !== target.code) return false;
      const start = fixed.offsetAt(diagnostic.range.start);
      const end = fixed.offsetAt(diagnostic.range.end);
      return place.end > place.start
        ? start < place.end && end > place.start
        : start === place.start;
    });
    assert.deepEqual(left, [], `${target.code} at ${place.start} is gone: ${what}`);
  }
}

/** Where a place of the text before the edits is after them, as a span of the new text. */
function placeAfterEdits(
  document: TextDocument,
  edits: readonly TextEdit[],
  offset: number,
): { start: number; end: number } {
  const spans = edits
    .map((edit) => ({
      start: document.offsetAt(edit.range.start),
      end: document.offsetAt(edit.range.end),
      length: edit.newText.length,
    }))
    .sort((a, b) => a.start - b.start);

  let shift = 0;
  for (const span of spans) {
    if (span.end <= offset) shift += span.length - (span.end - span.start);
    else if (span.start <= offset)
      return { start: span.start + shift, end: span.start + shift + span.length };
  }
  return { start: offset + shift, end: offset + shift };
}
