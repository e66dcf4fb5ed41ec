// Sets the scene for images/screenshot.png instead of running tests: the page's example policy of
// all account-only actions, attached at resource-group scope, with the hover of one action. Run
// `CODE_SHIM_SCREENSHOT=$PWD/images/screenshot.png npm run test:e2e -- --showcase`.
//
// The kit takes its screenshot after VS Code has stopped the extension host, which clears the
// server's diagnostics: squiggles, the Problems panel and the status bar counts are gone by then.
// A hover that is already painted stays, so the scene shows the warning through the hover.
import * as vscode from 'vscode';

import { firstDiagnostics, fixture, insideString, open } from './suite/support';

const ACTION = 'cams:SendChatappMessage';

export async function run(): Promise<void> {
  const document = await open(fixture('unsupported-all.json'));
  await firstDiagnostics(document.uri);
  await vscode.commands.executeCommand('notifications.clearAll');

  const editor = await vscode.window.showTextDocument(document);
  const position = insideString(document, ACTION).translate(0, 6);
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenter);
  await vscode.commands.executeCommand('editor.action.showHover');

  // The screenshot is taken as soon as this returns; give the workbench a moment to paint the
  // hover. A pause is fine here because nothing is asserted.
  await new Promise((resolve) => setTimeout(resolve, 1500));
}
