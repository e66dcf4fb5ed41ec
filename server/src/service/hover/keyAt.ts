// The property key under the cursor, for the hovers on element names, condition operators and
// condition keys.
import type { Node } from 'jsonc-parser';
import type { Hover, MarkupContent, Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';

import { end, nodeAt, type PolicyDocument, stringContent } from '../policyDocument';

export interface KeyAt {
  /** The key's string node; its parent is the property, whose parent is the object. */
  readonly node: Node;
  readonly name: string;
  /** The key's text without its quotes. */
  readonly range: Range;
}

/** The key string at `offset`; the position just past its closing quote is outside it. */
export function keyAt(
  document: TextDocument,
  policy: PolicyDocument,
  offset: number,
): KeyAt | undefined {
  const node = nodeAt(policy, offset);
  if (node?.type !== 'string' || typeof node.value !== 'string') return undefined;

  const property = node.parent;
  if (property?.type !== 'property' || property.children?.[0] !== node) return undefined;
  const closed = node.length >= 2 && policy.text[end(node) - 1] === '"';
  if (closed && offset >= end(node)) return undefined;

  const content = stringContent(node, policy.text);
  const range = {
    start: document.positionAt(content.offset),
    end: document.positionAt(content.offset + content.length),
  };
  return { node, name: node.value, range };
}

/** The object that holds the key's property. */
export function objectOf(key: KeyAt): Node | undefined {
  return key.node.parent?.parent;
}

export function keyHover(key: KeyAt, contents: MarkupContent): Hover {
  return { contents, range: key.range };
}
