#!/usr/bin/env node
// Runs every test of the project after `npm run build`: the unit and protocol tests with Node's
// test runner, then the editor tests in a real VS Code. Ends with one line that counts them all.
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '..', '..');
const tapFile = join(root, 'out', 'node-tests.tap');

async function main() {
  rmSync(tapFile, { force: true });
  const node = await run(process.execPath, [
    '--test',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tapFile}`,
    'out/test/unit/',
    'out/test/protocol/',
  ]);
  const nodeCounts = countTap(node.code);

  const editor = await run(process.execPath, ['out/test/e2e/runTests.js']);
  const editorCounts = countEditor(editor);

  const passed = nodeCounts.passed + editorCounts.passed;
  const failed = nodeCounts.failed + editorCounts.failed;
  console.log(`\nunit and protocol: ${nodeCounts.passed} passed, ${nodeCounts.failed} failed`);
  console.log(`editor: ${editorCounts.passed} passed, ${editorCounts.failed} failed`);
  console.log(`tests: ${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 || node.code !== 0 || editor.code !== 0 ? 1 : 0;
}

/** Runs a command with its output shown, and keeps the output for counting. */
function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const forward = (stream) => (chunk) => {
      output += chunk;
      stream.write(chunk);
    };
    child.stdout.on('data', forward(process.stdout));
    child.stderr.on('data', forward(process.stderr));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

// A run that ended before it could report counts as one failure, so that it is never hidden.
function countTap(exitCode) {
  let tap = '';
  try {
    tap = readFileSync(tapFile, 'utf8');
  } catch {
    return { passed: 0, failed: 1 };
  }
  const passed = Number(/^# pass (\d+)$/m.exec(tap)?.[1] ?? 0);
  const failed = Number(/^# fail (\d+)$/m.exec(tap)?.[1] ?? 0);
  return { passed, failed: failed === 0 && exitCode !== 0 ? 1 : failed };
}

function countEditor({ code, output }) {
  const match = /^e2e: (\d+) passed, (\d+) failed$/m.exec(output);
  if (!match) return { passed: 0, failed: 1 };
  const failed = Number(match[2]);
  return { passed: Number(match[1]), failed: failed === 0 && code !== 0 ? 1 : failed };
}

await main();
