// The fix that moves a statement's account-only actions to a companion policy attached at
// account scope: `<name>.account.json` beside the policy is created (or gets a new statement),
// the project file records it as account scope, and the actions leave this statement (and the
// statement leaves the policy when nothing else is left). All of it is one WorkspaceEdit, so one
// undo restores everything.
import { type FormattingOptions, modify, parseTree, type Node } from 'jsonc-parser';
import {
  type CodeAction,
  CodeActionKind,
  type CreateFile,
  type Diagnostic,
  type TextDocumentEdit,
  type TextEdit,
} from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';

import { countOf } from '../actionWording';
import { end, type PolicyStatement, propertyValue } from '../policyDocument';
import { recordScope } from '../workspace/projectFileEdit';
import {
  fileName,
  fileStem,
  folderOf,
  parentUri,
  resolveUri,
  type WorkspaceFileAccess,
} from '../workspace/workspaceFiles';
import { PROJECT_SCOPE_FILE } from '../workspace/projectScopeFile';
import type { CodeActionInput } from './codeActions';
import { divideActions, movedCondition, replaceActionsEdit } from './splitStatement';

/** Where the fix may read and write: the workspace folders and their files. */
export interface MoveWorkspace {
  readonly folders: readonly string[];
  readonly files: WorkspaceFileAccess;
}

const COMPANION_SUFFIX = '.account.json';
const FORMATTING: FormattingOptions = { insertSpaces: true, tabSize: 2, eol: '\n' };

/** The companion policy of a policy file: `team.json` gives `team.account.json`. */
export function companionUri(policyUri: string): string {
  return `${parentUri(policyUri)}/${encodeURIComponent(fileStem(policyUri))}${COMPANION_SUFFIX}`;
}

export function moveToAccountPolicyAction(
  input: CodeActionInput,
  statement: PolicyStatement,
  warnings: readonly Diagnostic[],
  workspace: MoveWorkspace,
): CodeAction | undefined {
  const { document, policy, catalogue } = input;
  if (warnings.length === 0 || policy.syntaxProblems.some((p) => p.kind === 'syntax')) return;
  if (fileName(document.uri).endsWith(COMPANION_SUFFIX)) return undefined;

  const division = divideActions(statement, catalogue, policy);
  const folder = folderOf(document.uri, workspace.folders);
  if (!division || !folder) return undefined;
  // Moving everything would leave a policy without statements, which RAM rejects: a policy
  // that holds only account-only actions is better recorded as attached at account scope.
  if (division.kept.length === 0 && policy.statements.length === 1) return undefined;

  const companion = companionUri(document.uri);
  const moved = division.moved.map((literal) => JSON.parse(literal) as string);
  const companionChanges = companionEdits(companion, workspace.files, statement, moved);
  const projectUri = resolveUri(folder, PROJECT_SCOPE_FILE);
  const projectText = projectUri ? workspace.files.readText(projectUri) : undefined;
  const record = recordScope(folder, companion, projectText, { scope: 'account' });
  if (!companionChanges || 'problem' in record) return undefined;

  const thisFile: TextDocumentEdit = {
    textDocument: { uri: document.uri, version: document.version },
    edits:
      division.kept.length > 0
        ? [replaceActionsEdit(document, statement, division.kept)]
        : removeStatementEdits(document, statement, policy.root),
  };
  const actions = countOf(moved.length, 'account-only action');
  return {
    title: `Move ${actions} to ${fileName(companion)} (account scope)`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [...warnings],
    edit: { documentChanges: [thisFile, ...companionChanges, ...record.changes] },
  };
}

// The companion gets a statement with the same Effect and Condition (without
// acs:ResourceGroupId) and "Resource": "*", as account-only actions take no resource.
function companionEdits(
  uri: string,
  files: WorkspaceFileAccess,
  statement: PolicyStatement,
  actions: readonly string[],
): (CreateFile | TextDocumentEdit)[] | undefined {
  const condition = movedCondition(statement);
  const newStatement = {
    Effect: statement.effect,
    Action: actions.length === 1 ? actions[0] : actions,
    Resource: '*',
    ...(condition !== undefined ? { Condition: condition } : {}),
  };

  const current = files.readText(uri);
  if (current === undefined) {
    const text = JSON.stringify({ Version: '1', Statement: [newStatement] }, null, 2) + '\n';
    return [
      { kind: 'create', uri, options: { overwrite: false, ignoreIfExists: false } },
      { textDocument: { uri, version: null }, edits: [insertAtStart(text)] },
    ];
  }

  // An existing companion is extended only when its Statement is a list that can take one more.
  const statements = propertyValue(parseTree(current), 'Statement');
  if (statements?.type !== 'array') return undefined;
  const edits = modify(current, ['Statement', statements.children?.length ?? 0], newStatement, {
    formattingOptions: FORMATTING,
    isArrayInsertion: true,
  });
  return [
    { textDocument: { uri, version: null }, edits: edits.map((e) => toTextEdit(current, e)) },
  ];
}

function removeStatementEdits(
  document: TextDocument,
  statement: PolicyStatement,
  root: Node | undefined,
): TextEdit[] {
  const text = document.getText();
  const statements = propertyValue(root, 'Statement');
  if (statements?.type !== 'array') {
    return [{ range: rangeOfNode(document, statements ?? statement.node), newText: '[]' }];
  }
  const index = (statements.children ?? []).indexOf(statement.node);
  return modify(text, ['Statement', index], undefined, { formattingOptions: FORMATTING }).map(
    (edit) => toTextEdit(text, edit),
  );
}

function toTextEdit(text: string, edit: { offset: number; length: number; content: string }) {
  const document = TextDocument.create('file:///edited', 'json', 0, text);
  return {
    range: {
      start: document.positionAt(edit.offset),
      end: document.positionAt(edit.offset + edit.length),
    },
    newText: edit.content,
  };
}

function rangeOfNode(document: TextDocument, node: Node) {
  return { start: document.positionAt(node.offset), end: document.positionAt(end(node)) };
}

function insertAtStart(text: string): TextEdit {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    newText: text,
  };
}
