// The server's reading of workspace files: plain files inside the workspace only, whatever
// links, pipes and loops the workspace holds.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';

import { fileSystemAccess } from '../../server/src/workspaceFileSystem';

describe('reading workspace files', () => {
  let root: string;
  let outside: string;
  const logged: string[] = [];
  const uri = (path: string) => pathToFileURL(join(root, path)).toString();
  const access = () =>
    fileSystemAccess({
      workspaceFolders: () => [pathToFileURL(root).toString()],
      openText: () => undefined,
      log: (message) => logged.push(message),
    });

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'cams-workspace-'));
    outside = mkdtempSync(join(tmpdir(), 'cams-outside-'));
    mkdirSync(join(root, 'infra'));
    writeFileSync(join(root, 'infra', 'main.tf'), 'resource "x" "y" {}');
    writeFileSync(join(outside, 'secret.tf'), 'resource "a" "b" {}');
    execFileSync('mkfifo', [join(root, 'infra', 'pipe.tf')]);
    symlinkSync('/', join(root, 'root-link'));
    symlinkSync(outside, join(root, 'outside-link'));
    symlinkSync(root, join(root, 'infra', 'loop'));
  });

  after(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  it('reads a plain file inside the workspace', () => {
    assert.equal(access().readText(uri('infra/main.tf')), 'resource "x" "y" {}');
  });

  it('does not read a named pipe, which would block the server', () => {
    assert.equal(access().readText(uri('infra/pipe.tf')), undefined);
    assert.ok(logged.some((line) => line.includes('not a regular file')));
  });

  it('does not read a file that a link puts outside the workspace', () => {
    assert.equal(access().readText(uri('outside-link/secret.tf')), undefined);
  });

  it('lists files without following links out of the workspace or round a loop', () => {
    const started = Date.now();
    const listed = access().listFiles(pathToFileURL(root).toString(), ['.tf']);
    assert.deepEqual(listed, [uri('infra/main.tf')]);
    assert.ok(Date.now() - started < 5000, 'the scan ended at once');
  });
});
