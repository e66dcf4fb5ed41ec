// A language server that dies while it runs is restarted, and policies are checked again.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as vscode from 'vscode';

import { codeOf, fixture, open, policyDiagnostics, revertAndClose, waitFor } from './support';

describe('a language server that dies', () => {
  it('is restarted, and a policy edited afterwards gets its diagnostics', async () => {
    const document = await open(fixture('mixed.json'));
    const first = await waitFor('the language server process', () => serverProcessId());
    process.kill(first, 'SIGKILL');

    const second = await waitFor('a restarted language server', () => {
      const id = serverProcessId();
      return id !== undefined && id !== first ? id : undefined;
    });
    assert.notEqual(second, first);

    const editor = vscode.window.activeTextEditor!;
    const at = document.getText().indexOf('"cams:CreateInstance"');
    await editor.edit((edit) => edit.insert(document.positionAt(at), '"cams:NoSuchAction", '));
    await waitFor('diagnostics from the restarted server', () =>
      policyDiagnostics(document.uri).some((d) => codeOf(d) === 'unknown-action')
        ? true
        : undefined,
    );
    await revertAndClose();
  });
});

/**
 * The language server this extension host started: the client passes the host's process id to
 * the server it forks, so the server is told apart from any other on the machine.
 */
function serverProcessId(): number | undefined {
  const marker = `--clientProcessId=${process.pid}`;
  for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    let commandLine: string;
    try {
      commandLine = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    const args = commandLine.split('\0');
    if (args.some((arg) => arg.endsWith('dist/server.js')) && args.includes(marker)) {
      return Number(entry);
    }
  }
  return undefined;
}
