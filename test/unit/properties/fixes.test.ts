// Property tests: every code action the service offers on a generated policy keeps its
// promises (see fixPromises.ts), applied once or again on its own result.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';

import type { DocumentContext } from '../../../server/src/service/languageService';
import { contextWith } from '../support';
import { checkProperty, policyText } from './generators';
import { checkFixPromises, offeredFixes } from './fixPromises';
import { everyFileAPolicy, fuzzDocument } from './invariants';

const SCOPES: readonly [string, DocumentContext][] = [
  ['at resource-group scope', everyFileAPolicy],
  ['where the scope is unknown', contextWith({ policyFiles: ['**/*.json'] })],
];

/** Applies every offered fix, then the fixes offered on each result, up to `depth` rounds. */
function checkEveryFix(text: string, context: DocumentContext, depth = 2): number {
  const document = fuzzDocument(text);
  const offers = offeredFixes(document, context);
  let checked = offers.length;
  for (const offer of offers) {
    const after = checkFixPromises(document, offer, context);
    if (depth > 1) checked += checkEveryFix(after, context, depth - 1);
  }
  return checked;
}

/** A policy with one thing RAM rejects: a trailing comma or a comment. */
const policyWithStrictnessProblem = fc
  .tuple(policyText, fc.nat(), fc.boolean())
  .map(([text, at, comma]) => {
    if (!comma) return text.replace('{', '{/* note */');
    const closers = [...text.matchAll(/["\d\]}](\s*)[\]}]/g)];
    const chosen = closers[at % Math.max(1, closers.length)];
    if (!chosen) return text;
    const offset = chosen.index + 1;
    return `${text.slice(0, offset)},${text.slice(offset)}`;
  });

describe('every offered fix keeps its promises', () => {
  for (const [scope, context] of SCOPES) {
    it(`on generated policies ${scope}`, () => {
      let checked = 0;
      checkProperty(
        fc.property(policyText, (text) => {
          checked += checkEveryFix(text, context);
        }),
        40,
      );
      // A property that never met a fix would prove nothing about fixes.
      if (context === everyFileAPolicy) assert.ok(checked >= 20, `${checked} fixes checked`);
    });
  }

  it('on policies with a trailing comma or a comment', () => {
    checkProperty(
      fc.property(policyWithStrictnessProblem, (text) => {
        checkEveryFix(text, everyFileAPolicy);
      }),
      30,
    );
  });
});
