// The length of a policy as RAM's limit counts it. RAM limits a custom policy document to 6,144
// characters (CreatePolicy, CreatePolicyVersion); its pages do not say whether whitespace counts,
// so the length is measured both as written and without insignificant whitespace.
import { createScanner, SyntaxKind } from 'jsonc-parser';

/** The most characters RAM accepts in a custom policy document. */
export const POLICY_LENGTH_LIMIT = 6144;

/** Characters (Unicode code points) of a text, as a person would count them. */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** Characters of the policy without whitespace and line breaks outside strings. */
export function compactCharacterCount(text: string): number {
  const scanner = createScanner(text, false);
  let count = 0;

  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === SyntaxKind.Trivia || kind === SyntaxKind.LineBreakTrivia) continue;
    count += characterCount(text.substr(scanner.getTokenOffset(), scanner.getTokenLength()));
  }
  return count;
}
