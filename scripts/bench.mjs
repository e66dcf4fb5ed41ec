#!/usr/bin/env node
// Measures the language service on policies of growing size and prints the figures: time per
// validation, completion, hover and split, and the heap after many edits. Run after
// `npm run build`:  node scripts/bench.mjs
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = join(fileURLToPath(import.meta.url), '..', '..');
const require = createRequire(import.meta.url);
const { TextDocument } = require('vscode-languageserver-textdocument');
const { createPolicyLanguageService } = require(
  join(root, 'out/server/src/service/languageService.js'),
);
const { parsePolicy } = require(join(root, 'out/server/src/service/policyDocument.js'));
const { validatePolicy } = require(join(root, 'out/server/src/service/diagnostics/validate.js'));

const service = createPolicyLanguageService();
const names = service.catalogue.actions.map((a) => a.name);
const context = {
  workspaceFolders: ['file:///bench'],
  settings: { policyFiles: [], resourceGroupScopedFiles: ['**/*.json'] },
};

function policyText(statements) {
  const statement = (i) => ({
    Effect: 'Allow',
    Action: [names[i % names.length], 'cams:QueryInstance', 'cams:Get*', 'cams:SendChatapMessage'],
    Resource: '*',
  });
  const list = Array.from({ length: statements }, (_, i) => statement(i));
  return JSON.stringify({ Version: '1', Statement: list }, null, 2);
}

function timePerCall(run, minimumMs = 300) {
  let calls = 0;
  const start = performance.now();
  while (performance.now() - start < minimumMs) {
    run(calls++);
  }
  return (performance.now() - start) / calls;
}

function benchSize(statements) {
  const text = policyText(statements);
  let version = 0;
  const fresh = () => TextDocument.create('file:///bench/p.json', 'json', ++version, text);
  const document = fresh();
  const inArray = document.positionAt(text.indexOf('"cams:Get*"') + 1);
  const onAction = document.positionAt(text.indexOf('cams:QueryInstance') + 2);

  const validate = timePerCall(() => service.validate(fresh(), context));
  const complete = timePerCall(() => service.complete(document, inArray, context));
  const hover = timePerCall(() => service.hover(document, onAction, context));
  const split = timePerCall(() =>
    service.codeActions(document, { start: onAction, end: onAction }, [], context),
  );
  const kb = (text.length / 1024).toFixed(0).padStart(6);
  const ms = (value) => value.toFixed(3).padStart(9);
  console.log(
    `${String(statements).padStart(6)} ${kb} ${ms(validate)} ${ms(complete)} ${ms(hover)} ${ms(split)}`,
  );
}

function benchEdits(edits) {
  const base = policyText(50);
  global.gc?.();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < edits; i++) {
    const text = base.replace('cams:QueryInstance', `cams:QueryInstance${i % 7 === 0 ? 'x' : ''}`);
    const document = TextDocument.create(`file:///bench/edit-${i % 20}.json`, 'json', i, text);
    service.validate(document, context);
  }
  global.gc?.();
  const after = process.memoryUsage().heapUsed;
  const mb = (bytes) => (bytes / 1024 / 1024).toFixed(1);
  console.log(`\n${edits} validations over 20 documents: heap ${mb(before)} MB -> ${mb(after)} MB`);
}

// Policy-shaped files of a given size: the cost of a full analysis (parse and every check, as
// before the analysis limit) beside what the service does now, through its facade.
function benchBigFile(megabytes) {
  const perStatement = policyText(2).length - policyText(1).length;
  const text = policyText(Math.ceil((megabytes * 1024 * 1024) / perStatement));
  const document = TextDocument.create('file:///bench/big.json', 'json', 1, text);
  const position = document.positionAt(text.length - 100);

  let started = performance.now();
  const policy = parsePolicy(text);
  const parse = performance.now() - started;
  started = performance.now();
  const full = validatePolicy({
    document,
    policy,
    catalogue: service.catalogue,
    scope: 'resource-group',
  });
  const check = performance.now() - started;

  started = performance.now();
  const now = service.validate(document, context);
  const validate = performance.now() - started;
  started = performance.now();
  service.complete(document, position, context);
  service.hover(document, position, context);
  const requests = performance.now() - started;

  const ms = (value) => value.toFixed(0).padStart(8);
  const mb = (text.length / 1024 / 1024).toFixed(2).padStart(6);
  console.log(
    `${mb} ${ms(parse)} ${ms(check)} ${String(full.length).padStart(8)}` +
      ` ${ms(validate)} ${String(now.length).padStart(6)} ${ms(requests)}`,
  );
}

console.log('statements     KB  validate  complete     hover     split   (ms per call)');
for (const size of [1, 10, 100, 1000, 5000]) benchSize(size);
benchEdits(5000);

console.log('\nbig files        full analysis          |    through the service (ms, count)');
console.log('    MB    parse   checks diagnostics | validate  diags complete+hover');
for (const size of [0.25, 0.5, 1, 2, 5, 10]) benchBigFile(size);
