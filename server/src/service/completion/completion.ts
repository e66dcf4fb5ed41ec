// Completion of cams actions and of the policy language around them. It decides from the JSON
// path at the cursor which kind of item fits there: a policy or statement key, a fixed value
// of Version or Effect, an action name or wildcard, a resource ARN, or a condition operator or
// key.
import { findNodeAtLocation, type JSONPath, type Node } from 'jsonc-parser';
import type { CompletionItem, CompletionList, Position } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';

import { actionItems } from './actionCompletion';
import { conditionKeyItems, operatorItems } from './conditionCompletion';
import type { ActionCatalogue } from '../catalogue';
import { type CompletionCursor, completionCursor, valueEdit } from './completionCursor';
import { type PolicyDocument, propertyValue } from '../policyDocument';
import { fixedValueItems, type KeyPlace, policyKeyItems } from './policyKeyCompletion';
import { resourceItems } from './resourceCompletion';

export interface CompletionInput {
  readonly document: TextDocument;
  readonly policy: PolicyDocument;
  readonly catalogue: ActionCatalogue;
  readonly position: Position;
}

export function completePolicy(input: CompletionInput): CompletionList {
  const offset = input.document.offsetAt(input.position);
  const cursor = completionCursor(input.policy.text, offset);
  if (!cursor) return { isIncomplete: false, items: [] };

  const items = cursor.atKey ? keyItems(input, cursor) : valueItems(input, cursor);
  return { isIncomplete: false, items };
}

/** A value position: the object holding it, its key, and whether it is an array element. */
interface ValueSlot {
  readonly objectPath: JSONPath;
  readonly key: string;
  readonly inArray: boolean;
}

function keyItems(input: CompletionInput, cursor: CompletionCursor): CompletionItem[] {
  const objectPath = cursor.path.slice(0, -1);
  const place = keyPlaceOf(objectPath);
  const present = presentKeys(nodeAtPath(input.policy, objectPath), cursor);
  if (place) return policyKeyItems(input.document, cursor, place, present);

  return conditionItems(input, cursor, objectPath, present);
}

/** Operators directly in a statement's Condition; under an operator, its condition keys. */
function conditionItems(
  input: CompletionInput,
  cursor: CompletionCursor,
  objectPath: JSONPath,
  present: ReadonlySet<string>,
): CompletionItem[] {
  const last = objectPath.length - 1;
  if (objectPath[last] === 'Condition' && isStatementPath(objectPath.slice(0, last))) {
    return operatorItems(input.document, cursor, present);
  }

  const operator = objectPath[last];
  const inCondition = objectPath[last - 1] === 'Condition';
  if (typeof operator !== 'string' || !inCondition) return [];
  if (!isStatementPath(objectPath.slice(0, last - 1))) return [];
  return conditionKeyItems(input.document, cursor, operator, present);
}

function valueItems(input: CompletionInput, cursor: CompletionCursor): CompletionItem[] {
  const slot = valueSlotOf(cursor.path);
  if (!slot) return [];

  if (slot.objectPath.length === 0 && slot.key === 'Version' && !slot.inArray) {
    return fixedValueItems(input.document, cursor, 'Version');
  }
  if (!isStatementPath(slot.objectPath)) return [];

  if (slot.key === 'Effect' && !slot.inArray) {
    return fixedValueItems(input.document, cursor, 'Effect');
  }
  if (slot.key === 'Action' || slot.key === 'NotAction') {
    return actionValueItems(input, cursor, slot);
  }
  if (slot.key === 'Resource') return resourceItems(input.document, cursor);
  return [];
}

function actionValueItems(
  input: CompletionInput,
  cursor: CompletionCursor,
  slot: ValueSlot,
): CompletionItem[] {
  const listed = listedActions(input.policy, cursor, slot);

  return actionItems(input.catalogue, listed).map((item) => ({
    ...item,
    ...valueEdit(input.document, cursor, item.label),
  }));
}

/**
 * The lower-cased names the Action value already lists, leaving out the one being typed: RAM
 * matches names without case, so a name in another case is already listed.
 */
function listedActions(
  policy: PolicyDocument,
  cursor: CompletionCursor,
  slot: ValueSlot,
): Set<string> {
  const value = propertyValue(nodeAtPath(policy, slot.objectPath), slot.key);
  const nodes = value?.type === 'array' ? (value.children ?? []) : value ? [value] : [];

  return new Set(
    nodes
      .filter((node) => node.type === 'string' && node.offset !== cursor.string?.offset)
      .map((node) => String(node.value).toLowerCase()),
  );
}

/** The keys the object already has, except the one being typed at the cursor. */
function presentKeys(object: Node | undefined, cursor: CompletionCursor): Set<string> {
  const keys = (object?.type === 'object' ? (object.children ?? []) : [])
    .map((property) => property.children?.[0])
    .filter((key) => key !== undefined && key.offset !== cursor.string?.offset)
    .map((key) => key?.value);

  return new Set(keys.filter((key): key is string => typeof key === 'string'));
}

function keyPlaceOf(objectPath: JSONPath): KeyPlace | undefined {
  if (objectPath.length === 0) return 'policy';
  return isStatementPath(objectPath) ? 'statement' : undefined;
}

// `Statement` holds an array of statements or, in the short form, one statement object.
function isStatementPath(path: JSONPath): boolean {
  if (path[0] !== 'Statement') return false;
  return path.length === 1 || (path.length === 2 && typeof path[1] === 'number');
}

function valueSlotOf(path: JSONPath): ValueSlot | undefined {
  const inArray = typeof path[path.length - 1] === 'number';
  const keyIndex = inArray ? path.length - 2 : path.length - 1;
  const key = path[keyIndex];
  if (typeof key !== 'string') return undefined;

  return { objectPath: path.slice(0, keyIndex), key, inArray };
}

function nodeAtPath(policy: PolicyDocument, path: JSONPath): Node | undefined {
  return policy.root ? findNodeAtLocation(policy.root, path) : undefined;
}
