// Runs the editor tests in a real VS Code: `npm run build && npm run test:e2e`. With
// `-- --showcase` it opens the scene of the README screenshot instead (see showcase.ts).
//
// The VS Code to run is, in order: the executable named by VSCODE_E2E_EXECUTABLE; the offline kit
// next to this repository (../shared/vscode-e2e/setup.sh), which installs code-server and prints
// the path of a stand-in executable; otherwise the VS Code that @vscode/test-electron downloads.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

const root = path.resolve(__dirname, '..', '..', '..');

function vscodeExecutable(): string | undefined {
  const fromEnvironment = process.env['VSCODE_E2E_EXECUTABLE'];
  if (fromEnvironment) return fromEnvironment;

  const setup = path.resolve(root, '..', 'shared', 'vscode-e2e', 'setup.sh');
  if (!existsSync(setup)) return undefined;

  const output = execFileSync('bash', [setup, '.vscode-e2e'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return output.trim().split('\n').pop();
}

async function main(): Promise<void> {
  if (!existsSync(path.join(root, 'dist', 'server.js'))) {
    throw new Error('dist/server.js is missing: run "npm run build" first.');
  }

  const tests = process.argv.includes('--showcase')
    ? 'showcase.js'
    : path.join('suite', 'index.js');
  await runTests({
    vscodeExecutablePath: vscodeExecutable(),
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(__dirname, tests),
    launchArgs: [path.join(root, 'test', 'e2e', 'fixtures', 'workspace'), '--disable-extensions'],
  });
}

main().catch((error: unknown) => {
  console.error(`e2e: ${error instanceof Error ? error.message : String(error)}`);
  if (!process.env['VSCODE_E2E_EXECUTABLE']) {
    console.error(
      'e2e: to run the editor tests without downloading VS Code, set VSCODE_E2E_EXECUTABLE ' +
        'to the path of a VS Code executable.',
    );
  }
  process.exit(1);
});
