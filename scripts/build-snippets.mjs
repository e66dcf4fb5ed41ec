#!/usr/bin/env node
// Builds snippets/ram-policy.code-snippets and the example policies of the editor tests from the
// action catalogue, so that the page's two example policies stay in step with the catalogue:
//
//   node scripts/build-snippets.mjs            write the files
//   node scripts/build-snippets.mjs --check    fail if a committed file differs from a rebuild
//
// The examples are those at the end of "ChatApp Message Service: Fine-grained control with
// resource groups": a policy that allows every read-only action (Get*, List*) without
// resource-group authorization, and one that allows every action without it, in catalogue order.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const catalogue = JSON.parse(readFileSync(join(root, 'server/data/cams-actions.json'), 'utf8'));
const fixtures = join(root, 'test/e2e/fixtures/workspace');

const accountOnly = catalogue.actions
  .filter((action) => action.resourceGroupAuthorization === 'unsupported')
  .map((action) => action.name);
const readOnly = accountOnly.filter((name) => /^cams:(Get|List)/.test(name));

const examples = [
  {
    key: 'cams read-only actions without resource-group authorization',
    prefix: 'cams-account-scope-read-only',
    file: 'unsupported-read-only.json',
    actions: readOnly,
    kind: 'read-only cams actions',
  },
  {
    key: 'cams actions without resource-group authorization',
    prefix: 'cams-account-scope-all',
    file: 'unsupported-all.json',
    actions: accountOnly,
    kind: 'cams actions',
  },
];

function policy(actions) {
  return { Version: '1', Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }] };
}

// Snippet bodies are lines with tabs, which the editor turns into the file's indentation; a $
// would start a tab stop, so it is escaped.
function bodyOf(value) {
  return JSON.stringify(value, null, '\t').replace(/\$/g, '\\$').split('\n');
}

function snippets() {
  const statement = [
    '{',
    '\t"Effect": "${1|Allow,Deny|}",',
    '\t"Action": [',
    '\t\t"cams:$2"',
    '\t],',
    '\t"Resource": "${3:*}"',
    '}',
  ];
  const result = {
    'RAM policy': {
      prefix: 'ram-policy',
      description: 'An Alibaba Cloud RAM policy with one statement.',
      body: ['{', '\t"Version": "1",', '\t"Statement": [', ...indent(statement, 2), '\t]', '}$0'],
    },
    'RAM policy statement': {
      prefix: 'ram-statement',
      description: 'A statement of an Alibaba Cloud RAM policy.',
      body: [...statement.slice(0, -1), '}$0'],
    },
  };
  for (const example of examples) {
    const what = `the ${example.actions.length} ${example.kind}`;
    result[example.key] = {
      prefix: example.prefix,
      description: `Grants ${what} that work only at account scope.`,
      body: bodyOf(policy(example.actions)),
    };
  }
  return result;
}

function indent(lines, depth) {
  return lines.map((line) => '\t'.repeat(depth) + line);
}

// Formatted as `npm run format` would, so that the check and the formatter agree.
async function format(path, value) {
  const options = await prettier.resolveConfig(path);
  return prettier.format(JSON.stringify(value, null, 2), { ...options, filepath: path });
}

async function main(argv) {
  const outputs = [
    [join(root, 'snippets/ram-policy.code-snippets'), snippets()],
    ...examples.map((example) => [join(fixtures, example.file), policy(example.actions)]),
  ];
  const check = argv.includes('--check');
  let stale = 0;

  for (const [path, value] of outputs) {
    const text = await format(path, value);
    if (!check) {
      writeFileSync(path, text);
    } else if (readOrEmpty(path) !== text) {
      console.error(`${relative(root, path)} is out of date: run node scripts/build-snippets.mjs`);
      stale++;
    }
  }
  if (stale > 0) process.exitCode = 1;
  else console.log(`${check ? 'checked' : 'wrote'} ${outputs.length} files`);
}

function readOrEmpty(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

await main(process.argv.slice(2));
