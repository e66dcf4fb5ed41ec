// Completion of the policy language itself: the keys of the policy and of its statements, and
// the fixed values RAM accepts for `Version` and `Effect`.
import {
  type CompletionItem,
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
} from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';

import { type CompletionCursor, propertyEdit, valueEdit } from './completionCursor';

/** A key of the policy grammar and the value snippet that follows it when inserted. */
interface PolicyKey {
  readonly name: string;
  readonly valueSnippet: string;
  readonly documentation: string;
  /** Keys that may not stand beside this one in the same object. */
  readonly excludes?: readonly string[];
  /** True when the inserted value is where completion should continue (an action list). */
  readonly suggestAfter?: boolean;
}

const STATEMENT_SNIPPET = [
  '[',
  '\t{',
  '\t\t"Effect": "${1|Allow,Deny|}",',
  '\t\t"Action": [ "$2" ],',
  '\t\t"Resource": "${3:*}"',
  '\t}',
  ']',
].join('\n');

const POLICY_KEYS: readonly PolicyKey[] = [
  {
    name: 'Version',
    valueSnippet: '"1"',
    documentation: 'The version of the policy language. RAM accepts `"1"` only.',
  },
  {
    name: 'Statement',
    valueSnippet: STATEMENT_SNIPPET,
    documentation: 'The statements of the policy, each allowing or denying some actions.',
  },
];

// RAM reads either Action or NotAction in a statement, never both.
const STATEMENT_KEYS: readonly PolicyKey[] = [
  {
    name: 'Effect',
    valueSnippet: '"${1|Allow,Deny|}"',
    documentation: 'Whether the statement allows or denies its actions.',
  },
  {
    name: 'Action',
    valueSnippet: '[ "$1" ]',
    documentation: 'The actions the statement allows or denies.',
    excludes: ['NotAction'],
    suggestAfter: true,
  },
  {
    name: 'NotAction',
    valueSnippet: '[ "$1" ]',
    documentation: 'The statement applies to every action except these.',
    excludes: ['Action'],
    suggestAfter: true,
  },
  {
    name: 'Resource',
    valueSnippet: '"${1:*}"',
    documentation: 'The resources the statement applies to: `*` or resource ARNs.',
  },
  {
    name: 'Condition',
    valueSnippet: '{ $1 }',
    documentation: 'The conditions under which the statement applies.',
  },
];

/** Where a property key goes: in the policy object or in a statement. */
export type KeyPlace = 'policy' | 'statement';

/** The keys that may go at the cursor, leaving out those the object already has. */
export function policyKeyItems(
  document: TextDocument,
  cursor: CompletionCursor,
  place: KeyPlace,
  presentKeys: ReadonlySet<string>,
): CompletionItem[] {
  const keys = place === 'policy' ? POLICY_KEYS : STATEMENT_KEYS;

  return keys
    .filter((key) => !isPresent(key, presentKeys))
    .map((key, index) => keyItem(document, cursor, key, index));
}

/** The values RAM accepts for `Version` and a statement's `Effect`. */
export function fixedValueItems(
  document: TextDocument,
  cursor: CompletionCursor,
  key: 'Version' | 'Effect',
): CompletionItem[] {
  const values = key === 'Version' ? ['1'] : ['Allow', 'Deny'];

  return values.map((value, index) => ({
    label: value,
    kind: CompletionItemKind.EnumMember,
    sortText: String(index),
    ...valueEdit(document, cursor, value),
  }));
}

function isPresent(key: PolicyKey, presentKeys: ReadonlySet<string>): boolean {
  return presentKeys.has(key.name) || (key.excludes ?? []).some((name) => presentKeys.has(name));
}

function keyItem(
  document: TextDocument,
  cursor: CompletionCursor,
  key: PolicyKey,
  index: number,
): CompletionItem {
  const { textEdit, filterText, insertsValue } = propertyEdit(
    document,
    cursor,
    key.name,
    key.valueSnippet,
  );
  const item: CompletionItem = {
    label: key.name,
    kind: CompletionItemKind.Property,
    documentation: { kind: MarkupKind.Markdown, value: key.documentation },
    insertTextFormat: InsertTextFormat.Snippet,
    sortText: String(index),
    textEdit,
    filterText,
  };

  // An inserted action list leaves the cursor between quotes, where action names belong.
  if (key.suggestAfter && insertsValue) {
    item.command = { title: 'Suggest actions', command: 'editor.action.triggerSuggest' };
  }
  return item;
}
