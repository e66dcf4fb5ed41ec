// Helpers shared by the editor tests: the fixture workspace, waiting for the language server,
// and reading what it reported.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'cams-policy-tools.cams-ram-policy';
export const DIAGNOSTIC_SOURCE = 'cams-policy';
export const SCOPE_WARNING = 'resource-group-unsupported';

const WAIT_MS = 30_000;
const POLL_MS = 100;

/** A file of the fixture workspace, test/e2e/fixtures/workspace. */
export function fixture(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the editor tests need the fixture workspace open');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function open(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  return document;
}

/** Checks `probe` until it returns a value, and fails with `what` when that takes too long. */
export async function waitFor<T>(what: string, probe: () => T | undefined): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${WAIT_MS} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** The diagnostics this extension's server reported for a document. */
export function policyDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === DIAGNOSTIC_SOURCE);
}

/** Waits until the server has reported at least one diagnostic for the document. */
export function firstDiagnostics(uri: vscode.Uri): Promise<vscode.Diagnostic[]> {
  return waitFor(`diagnostics on ${uri.path}`, () => {
    const diagnostics = policyDiagnostics(uri);
    return diagnostics.length > 0 ? diagnostics : undefined;
  });
}

/** A diagnostic's id: the client turns a code with a documentation link into an object. */
export function codeOf(diagnostic: vscode.Diagnostic): string | number | undefined {
  const code = diagnostic.code;
  return typeof code === 'object' ? code.value : code;
}

/** The position just inside the string literal `"text"`, the first one in the document. */
export function insideString(document: vscode.TextDocument, text: string): vscode.Position {
  const offset = document.getText().indexOf(`"${text}"`);
  if (offset < 0) throw new Error(`"${text}" is not in ${document.uri.path}`);
  return document.positionAt(offset + 1);
}

/** Closes the active editor without saving, so a test leaves the fixtures as it found them. */
export async function revertAndClose(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

/**
 * The quick fix for `warning` whose title matches `title`. The API command returns code actions
 * without their diagnostics, so the title tells them apart.
 */
export async function quickFixTitled(
  document: vscode.TextDocument,
  warning: vscode.Diagnostic,
  title: RegExp,
): Promise<vscode.CodeAction> {
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider',
    document.uri,
    warning.range,
    vscode.CodeActionKind.QuickFix.value,
  );
  const fix = actions.find((action) => title.test(action.title));
  const titles = actions.map((action) => action.title).join(', ');
  assert.ok(fix, `a quick fix titled ${title} among: ${titles || '(none)'}`);
  return fix;
}
