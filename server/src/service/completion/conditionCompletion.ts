// The items offered inside a Condition: the operators RAM documents, spelt in their exact case,
// and under an operator the common `acs:` keys whose values it compares.
import {
  type CompletionItem,
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
} from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';

import {
  CONDITION_KEYS,
  CONDITION_OPERATORS,
  type ConditionKey,
  type ConditionOperator,
  keyLabel,
  operatorInOtherCase,
  operatorNamed,
  readOperator,
} from '../conditionCatalogue';
import { conditionKeyMarkdown, operatorMarkdown } from '../conditionWording';
import { type CompletionCursor, propertyEdit } from './completionCursor';

const SUGGEST = { title: 'Suggest condition keys', command: 'editor.action.triggerSuggest' };

/** The operators, leaving out those the Condition already has. */
export function operatorItems(
  document: TextDocument,
  cursor: CompletionCursor,
  presentKeys: ReadonlySet<string>,
): CompletionItem[] {
  return CONDITION_OPERATORS.filter((operator) => !presentKeys.has(operator.name)).map(
    (operator, index) => operatorItem(document, cursor, operator, index),
  );
}

/**
 * The common keys under `operatorName`: those whose values the operator compares, or all of
 * them when the operator is not one RAM documents.
 */
export function conditionKeyItems(
  document: TextDocument,
  cursor: CompletionCursor,
  operatorName: string,
  presentKeys: ReadonlySet<string>,
): CompletionItem[] {
  const operator = operatorOf(operatorName);

  return CONDITION_KEYS.filter((key) => !operator || key.type === operator.type)
    .filter((key) => key.tagged || !presentKeys.has(key.name))
    .map((key, index) => keyItem(document, cursor, key, operator, index));
}

function operatorItem(
  document: TextDocument,
  cursor: CompletionCursor,
  operator: ConditionOperator,
  index: number,
): CompletionItem {
  const { textEdit, filterText, insertsValue } = propertyEdit(
    document,
    cursor,
    operator.name,
    '{ $1 }',
  );
  const item: CompletionItem = {
    label: operator.name,
    kind: CompletionItemKind.Operator,
    documentation: { kind: MarkupKind.Markdown, value: operatorMarkdown(operator) },
    insertTextFormat: InsertTextFormat.Snippet,
    sortText: String(index).padStart(2, '0'),
    textEdit,
    filterText,
  };
  if (insertsValue) item.command = SUGGEST;
  return item;
}

function keyItem(
  document: TextDocument,
  cursor: CompletionCursor,
  key: ConditionKey,
  operator: ConditionOperator | undefined,
  index: number,
): CompletionItem {
  // A tag key's tag name is the first tab stop, so the value's stop comes second.
  const name = key.tagged ? `${key.name}\${1:tag-key}` : key.name;
  const stop = key.tagged ? 2 : 1;
  const value = operator?.type === 'boolean' ? `"\${${stop}|true,false|}"` : `"$${stop}"`;
  const { textEdit, filterText } = propertyEdit(document, cursor, name, value);

  return {
    label: keyLabel(key),
    kind: CompletionItemKind.Property,
    documentation: { kind: MarkupKind.Markdown, value: conditionKeyMarkdown(key) },
    insertTextFormat: InsertTextFormat.Snippet,
    sortText: String(index).padStart(2, '0'),
    textEdit,
    filterText: filterText.replace(name, key.name),
  };
}

// The keys under a miscased or undocumented form still fit the operator it stands for.
function operatorOf(written: string): ConditionOperator | undefined {
  const base = readOperator(written).base;
  return operatorNamed(base) ?? operatorInOtherCase(base);
}
