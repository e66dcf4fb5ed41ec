// Splits a policy that is over RAM's length limit into policies that each fit. The original file
// keeps the statements that fit in it; the rest go, in order, to new files next to it named
// `<name>.part-2.json`, `<name>.part-3.json`, …. A statement too long on its own is divided by
// its Action list, which grants (or denies) the same actions in total. Every part is written with
// the file's indentation and line endings, and measured as written.
import {
  type CodeAction,
  CodeActionKind,
  type Diagnostic,
  type WorkspaceEdit,
} from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { getNodeValue } from 'jsonc-parser';

import { duplicateKeys } from '../diagnostics/elementNameCheck';
import type { PolicyDocument } from '../policyDocument';
import { characterCount, POLICY_LENGTH_LIMIT } from '../policySize';
import { RULES } from '../rules/ruleCatalogue';
import type { CodeActionInput } from './codeActions';

type JsonObject = Record<string, unknown>;
type Render = (statements: readonly JsonObject[]) => string;

export function splitPolicyActions(input: CodeActionInput): CodeAction[] {
  const tooLong = input.diagnostics.filter((d) => d.code === RULES.policyTooLong.id);
  if (tooLong.length === 0) return [];

  const parts = planPolicySplit(input.policy);
  const uris = parts && partUris(input.document.uri, parts.length);
  if (!parts || !uris) return [];

  return [splitAction(input.document, parts, uris, tooLong)];
}

/** The text of each policy the split produces, the original's first; none when it cannot. */
export function planPolicySplit(policy: PolicyDocument): string[] | undefined {
  // Comments and duplicate keys would be lost in the rewrite, and broken JSON cannot be read.
  if (policy.syntaxProblems.length > 0 || duplicateKeys(policy.root).length > 0) return undefined;

  const value: unknown = policy.root ? getNodeValue(policy.root) : undefined;
  if (!isObject(value)) return undefined;
  const written: unknown = value.Statement;
  const statements: unknown[] = Array.isArray(written) ? written : [written];
  if (!statements.every(isObject)) return undefined;

  const render: Render = (chunk) => formatLike(policy.text, policyWith(value, chunk));
  const pieces: JsonObject[] = [];
  for (const statement of statements) {
    const divided = fits(render([statement])) ? [statement] : divideStatement(statement, render);
    if (!divided) return undefined;
    pieces.push(...divided);
  }
  return pack(pieces, render).map(render);
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fits(text: string): boolean {
  return characterCount(text) <= POLICY_LENGTH_LIMIT;
}

// Every part is a policy of its own: the original's other elements, with Version "1".
function policyWith(policy: JsonObject, statements: readonly JsonObject[]): JsonObject {
  const entries = Object.entries(policy).map(([key, value]): [string, unknown] => [
    key,
    key === 'Statement' ? statements : key === 'Version' ? '1' : value,
  ]);
  if (!('Version' in policy)) entries.unshift(['Version', '1']);
  return Object.fromEntries(entries);
}

// Only an Action list divides: a NotAction list divided would grant more than the original.
function divideStatement(statement: JsonObject, render: Render): JsonObject[] | undefined {
  const actions = statement.Action;
  if (!Array.isArray(actions) || 'NotAction' in statement) return undefined;

  const pieces: JsonObject[] = [];
  let current: unknown[] = [];
  for (const action of actions) {
    const widened = { ...statement, Action: [...current, action] };
    if (fits(render([widened]))) {
      current = widened.Action;
      continue;
    }
    if (current.length === 0) return undefined;
    pieces.push({ ...statement, Action: current });
    current = [action];
  }
  if (current.length > 0) pieces.push({ ...statement, Action: current });
  return pieces;
}

function pack(pieces: readonly JsonObject[], render: Render): JsonObject[][] {
  const chunks: JsonObject[][] = [];
  for (const piece of pieces) {
    const last = chunks[chunks.length - 1];
    if (last && fits(render([...last, piece]))) last.push(piece);
    else chunks.push([piece]);
  }
  return chunks;
}

function formatLike(original: string, value: JsonObject): string {
  if (!/[\r\n]/.test(original)) return JSON.stringify(value);

  // The first line break of the file says how its lines end: LF, CRLF or a lone CR.
  const eol = /\r\n|\r|\n/.exec(original)?.[0] ?? '\n';
  const unit = /[\r\n]([ \t]+)\S/.exec(original)?.[1] ?? '  ';
  const text = JSON.stringify(value, null, unit).replace(/\n/g, eol);
  return /[\r\n]$/.test(original) ? text + eol : text;
}

/** The URIs of the new files, beside the original; none when it has no folder. */
function partUris(uri: string, count: number): string[] | undefined {
  if (count < 2) return [];
  const slash = uri.lastIndexOf('/');
  if (slash < 0) return undefined;

  const name = uri.slice(slash + 1);
  const dot = name.lastIndexOf('.');
  const [stem, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, '.json'];
  return Array.from(
    { length: count - 1 },
    (_, index) => `${uri.slice(0, slash + 1)}${stem}.part-${index + 2}${extension}`,
  );
}

function splitAction(
  document: TextDocument,
  parts: readonly string[],
  uris: readonly string[],
  diagnostics: Diagnostic[],
): CodeAction {
  const whole = {
    start: document.positionAt(0),
    end: document.positionAt(document.getText().length),
  };
  const origin = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const edit: WorkspaceEdit = {
    documentChanges: [
      {
        textDocument: { uri: document.uri, version: document.version },
        edits: [{ range: whole, newText: parts[0]! }],
      },
      ...uris.flatMap((uri, index) => [
        { kind: 'create' as const, uri, options: { overwrite: false, ignoreIfExists: false } },
        {
          textDocument: { uri, version: null },
          edits: [{ range: origin, newText: parts[index + 1]! }],
        },
      ]),
    ],
  };

  const limit = POLICY_LENGTH_LIMIT.toLocaleString('en-US');
  const names = uris.map((uri) => uri.slice(uri.lastIndexOf('/') + 1)).join(', ');
  const title =
    parts.length === 1
      ? `Rewrite the policy to fit in ${limit} characters`
      : `Split into ${parts.length} policies that each fit in ${limit} characters (new: ${names})`;
  return { title, kind: CodeActionKind.QuickFix, diagnostics, isPreferred: true, edit };
}
