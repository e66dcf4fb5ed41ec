// Past a size or a depth of nesting, a document is not analysed.
//
// RAM accepts policies of at most 6,144 characters, so a file many times that size is not a
// policy anyone can attach, and parsing and checking it on every keystroke keeps the server busy:
// measured over LSP (scripts/load.mjs) with every statement warned about, a keystroke took 0.2 s
// to its diagnostics at 256 KB, 0.3 s at 512 KB and 5 s at 10 MB (with 160,000 diagnostics).
// A policy nests six levels at most, and the JSON parser recurses once per level, so a document
// nested tens of thousands of levels deep would overflow the stack. Such a document gets one
// information diagnostic that says why it is not checked, instead of silence or a crash.
import { parseTree } from 'jsonc-parser';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';

import { report } from '../diagnostics/report';
import { looksLikePolicy } from '../policyDocument';
import { RULES } from '../rules/ruleCatalogue';

/** Documents longer than this many characters (256 Ki, 42 times RAM's limit) are not analysed. */
export const ANALYSIS_LIMIT_CHARACTERS = 256 * 1024;

/** Documents with arrays and objects nested deeper than this are not analysed. */
export const NESTING_LIMIT = 1000;

/**
 * How much of a document too large to analyse is read to tell whether it is a policy. A policy
 * names `Version` or `Statement` near its start; a file whose first top-level key comes after a
 * value this long is taken for another kind of JSON.
 */
const POLICY_SNIFF_CHARACTERS = 64 * 1024;

/** Why a document is not analysed: its size, or its nesting from `offset` on. */
export type AnalysisLimit =
  { readonly kind: 'size' } | { readonly kind: 'nesting'; readonly offset: number };

// Each feature asks about the same document version, and the nesting scan reads the whole text.
const limitOfVersion = new WeakMap<
  TextDocument,
  { version: number; limit: AnalysisLimit | undefined }
>();

export function analysisLimitOf(document: TextDocument): AnalysisLimit | undefined {
  const known = limitOfVersion.get(document);
  if (known?.version === document.version) return known.limit;

  const text = document.getText();
  const nesting = text.length > ANALYSIS_LIMIT_CHARACTERS ? undefined : nestingLimitPassedAt(text);
  const limit: AnalysisLimit | undefined =
    text.length > ANALYSIS_LIMIT_CHARACTERS
      ? { kind: 'size' }
      : nesting === undefined
        ? undefined
        : { kind: 'nesting', offset: nesting };
  limitOfVersion.set(document, { version: document.version, limit });
  return limit;
}

export function exceedsAnalysisLimit(document: TextDocument): boolean {
  return analysisLimitOf(document) !== undefined;
}

/** Whether a document that is not analysed looks like a policy, from its start only. */
export function startLooksLikePolicy(document: TextDocument): boolean {
  const start = document.getText().slice(0, POLICY_SNIFF_CHARACTERS);
  const shallow = start.slice(0, nestingLimitPassedAt(start));
  return looksLikePolicy(parseTree(shallow, [], { allowTrailingComma: true }));
}

/** The one diagnostic of a document that is not analysed, on its first character. */
export function tooLargeDiagnostic(document: TextDocument): Diagnostic {
  const text = document.getText();
  const message =
    analysisLimitOf(document)?.kind === 'nesting'
      ? `This file nests arrays and objects over ${NESTING_LIMIT.toLocaleString('en')} levels ` +
        'deep, so it is not checked (a RAM policy nests six levels at most).'
      : `This file has ${describeSize(text.length)}, over the ` +
        `${describeSize(ANALYSIS_LIMIT_CHARACTERS)} this extension analyses, so it is not ` +
        'checked (RAM accepts policies of at most 6,144 characters). Split it into smaller policies.';
  const start = { line: 0, character: 0 };
  const end = document.positionAt(Math.min(1, text.length));
  return report(RULES.policyTooLarge, { start, end }, message);
}

function describeSize(characters: number): string {
  const mebi = characters / (1024 * 1024);
  if (mebi >= 1) return `${mebi.toFixed(1)} Mi characters`;
  return `${Math.round(characters / 1024)} Ki characters`;
}

/**
 * The offset of the bracket that opens one level more than the limit, or undefined. Brackets in
 * strings do not count, and a closing bracket counts only when it matches the innermost open
 * one, as for the parser, so the depth found is never less than the parser's.
 */
export function nestingLimitPassedAt(text: string): number | undefined {
  const open: number[] = [];
  let inString = false;

  for (let offset = 0; offset < text.length; offset++) {
    const code = text.charCodeAt(offset);
    if (inString) {
      if (code === BACKSLASH) offset++;
      else if (code === QUOTE || code === LINE_FEED || code === CARRIAGE_RETURN) inString = false;
    } else if (code === QUOTE) {
      inString = true;
    } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      open.push(code);
      if (open.length > NESTING_LIMIT) return offset;
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      if (open[open.length - 1] === OPENER_OF[code]) open.pop();
    }
  }
  return undefined;
}

const BACKSLASH = 0x5c;
const QUOTE = 0x22;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPENER_OF: Record<number, number> = {
  [CLOSE_BRACE]: OPEN_BRACE,
  [CLOSE_BRACKET]: OPEN_BRACKET,
};
