// Past a size, a document is not analysed. RAM accepts policies of at most 6,144 characters, so
// a file many times that size is not a policy anyone can attach, and parsing and checking it on
// every keystroke would keep the server busy for seconds (10 MB: about 0.7 s to parse and 2 s
// to validate, with 150,000 diagnostics). Such a file gets one information diagnostic that says
// why it is not checked, instead of silence.
import { parseTree } from 'jsonc-parser';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';

import { report } from '../diagnostics/report';
import { looksLikePolicy } from '../policyDocument';
import { RULES } from '../rules/ruleCatalogue';

/** Documents longer than this many characters (512 Ki, 85 times RAM's limit) are not analysed. */
export const ANALYSIS_LIMIT_CHARACTERS = 512 * 1024;

/**
 * How much of a document too large to analyse is read to tell whether it is a policy. A policy
 * names `Version` or `Statement` near its start; a file whose first top-level key comes after a
 * value this long is taken for another kind of JSON.
 */
const POLICY_SNIFF_CHARACTERS = 64 * 1024;

export function exceedsAnalysisLimit(document: TextDocument): boolean {
  return document.getText().length > ANALYSIS_LIMIT_CHARACTERS;
}

/** Whether a document too large to analyse looks like a policy, from its start only. */
export function startLooksLikePolicy(document: TextDocument): boolean {
  const start = document.getText().slice(0, POLICY_SNIFF_CHARACTERS);
  return looksLikePolicy(parseTree(start, [], { allowTrailingComma: true }));
}

/** The one diagnostic of a policy too large to analyse, on its first character. */
export function tooLargeDiagnostic(document: TextDocument): Diagnostic {
  const size = describeSize(document.getText().length);
  const limit = describeSize(ANALYSIS_LIMIT_CHARACTERS);
  const message =
    `This file has ${size}, over the ${limit} this extension analyses, so it is not checked ` +
    '(RAM accepts policies of at most 6,144 characters). Split it into smaller policies.';
  const start = { line: 0, character: 0 };
  const end = document.positionAt(Math.min(1, document.getText().length));
  return report(RULES.policyTooLarge, { start, end }, message);
}

function describeSize(characters: number): string {
  const mebi = characters / (1024 * 1024);
  if (mebi >= 1) return `${mebi.toFixed(1)} Mi characters`;
  return `${Math.round(characters / 1024)} Ki characters`;
}
