// Builds diagnostics from the rule catalogue, so that every one carries its rule's stable id,
// severity and documentation link.
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Node } from 'jsonc-parser';

import { stringContent } from '../policyDocument';
import { DIAGNOSTIC_SOURCE, type Rule } from '../rules/ruleCatalogue';

export function report(rule: Rule, range: Range, message: string): Diagnostic {
  const diagnostic: Diagnostic = {
    range,
    message,
    severity: rule.severity,
    code: rule.id,
    source: DIAGNOSTIC_SOURCE,
  };
  if (rule.documentation) diagnostic.codeDescription = { href: rule.documentation };
  return diagnostic;
}

export function rangeOf(document: TextDocument, offset: number, length: number): Range {
  return { start: document.positionAt(offset), end: document.positionAt(offset + length) };
}

/** The range of a node; for a string, of its text without the quotes. */
export function nodeRange(document: TextDocument, node: Node, text: string): Range {
  if (node.type !== 'string') return rangeOf(document, node.offset, node.length);
  const content = stringContent(node, text);
  return rangeOf(document, content.offset, content.length);
}

export function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`;
}

/** A value as a message quotes it: a pasted value of any length is cut short. */
export function shown(value: string): string {
  return value.length > SHOWN_LENGTH ? `${value.slice(0, SHOWN_LENGTH)}…` : value;
}

const SHOWN_LENGTH = 80;
