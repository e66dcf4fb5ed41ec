#!/usr/bin/env node
// Shows the extension at work on the policies in examples/. Where the `code` command of VS Code
// is on the PATH, it opens that folder in VS Code with the extension loaded; elsewhere it prints
// the same analysis in the terminal. `--terminal` forces the terminal view.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '..', '..');
const examples = join(root, 'examples');
const require = createRequire(import.meta.url);

function main(argv) {
  if (!argv.includes('--terminal') && openInVsCode()) return;
  printAnalysis();
}

function openInVsCode() {
  const probe = spawnSync('code', ['--version'], {
    stdio: 'ignore',
    shell: process.platform === 'win32',
  });
  if (probe.status !== 0) return false;

  console.log('Opening examples/ in VS Code with the extension loaded…');
  spawnSync('code', ['--extensionDevelopmentPath', root, '--new-window', examples], {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  return true;
}

function printAnalysis() {
  const { TextDocument } = require('vscode-languageserver-textdocument');
  const { createPolicyLanguageService } = require(
    join(root, 'out/server/src/service/languageService.js'),
  );
  const service = createPolicyLanguageService();
  const settings = readExampleSettings();
  const context = { workspaceFolders: [pathToFileURL(examples).href], settings };

  console.log(`VS Code's \`code\` command was not found, so here is the analysis in the terminal.`);
  console.log(`Settings from examples/.vscode/settings.json: ${JSON.stringify(settings)}\n`);
  for (const path of policyFiles(examples)) {
    const text = readFileSync(path, 'utf8');
    const document = TextDocument.create(pathToFileURL(path).href, 'json', 1, text);
    reportDocument(service, document, context, relative(root, path));
  }
}

function reportDocument(service, document, context, name) {
  const diagnostics = service.validate(document, context);
  console.log(`${name}: ${diagnostics.length} finding${diagnostics.length === 1 ? '' : 's'}`);
  for (const d of diagnostics.slice(0, 5)) {
    const at = `${d.range.start.line + 1}:${d.range.start.character + 1}`;
    console.log(`  ${at}  ${SEVERITY[d.severity]} [${d.code}] ${d.message}`);
  }
  if (diagnostics.length > 5)
    console.log(`  … and ${diagnostics.length - 5} more of the same kinds`);

  // One fix is enough to show what the split does.
  const fixes = service.codeActions(document, diagnostics[0]?.range ?? START, diagnostics, context);
  for (const fix of fixes.slice(0, 1)) {
    console.log(`  quick fix: ${fix.title}`);
    const edits = fix.edit.changes?.[document.uri];
    if (edits) console.log(indent(applyEdits(document, edits)));
    else printFileChanges(fix.edit.documentChanges);
  }
  console.log('');
}

const SEVERITY = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };
const START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function applyEdits(document, edits) {
  const { TextDocument } = require('vscode-languageserver-textdocument');
  return TextDocument.applyEdits(document, edits);
}

// A fix that writes several files: what each file would hold.
function printFileChanges(changes = []) {
  for (const change of changes.filter((c) => c.textDocument)) {
    const name = change.textDocument.uri.slice(change.textDocument.uri.lastIndexOf('/') + 1);
    const text = change.edits.map((edit) => edit.newText).join('');
    console.log(`    ${name}: ${[...text].length} characters`);
  }
}

function indent(text) {
  return text.replace(/^/gm, '    │ ');
}

// The workspace settings of examples/, read as the server reads the camsPolicy section, so that
// every setting gets its default.
function readExampleSettings() {
  const { readSettings } = require(join(root, 'out/server/src/service/settings.js'));
  const raw = JSON.parse(readFileSync(join(examples, '.vscode', 'settings.json'), 'utf8'));
  const section = Object.fromEntries(
    Object.entries(raw)
      .filter(([key]) => key.startsWith('camsPolicy.'))
      .map(([key, value]) => [key.slice('camsPolicy.'.length), value]),
  );
  return readSettings(section).settings;
}

function policyFiles(folder) {
  return readdirSync(folder)
    .filter((name) => !name.startsWith('.'))
    .map((name) => join(folder, name))
    .flatMap((path) => (statSync(path).isDirectory() ? policyFiles(path) : [path]))
    .filter((path) => path.endsWith('.json'))
    .sort();
}

main(process.argv.slice(2));
