#!/usr/bin/env node
// Builds server/data/cams-actions.json from a saved copy of Alibaba Cloud's page
// "ChatApp Message Service: Fine-grained control with resource groups" and from the facts in
// scripts/catalogue/facts.json. Refresh the catalogue by saving the page as text and running:
//
//   node scripts/build-catalogue.mjs --page path/to/page.txt
//
// With --check it rebuilds in memory and fails if the committed data file differs, so the build
// notices a hand edit. Without --page it reuses the page text the data file was built from
// (scripts/catalogue/page.txt).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataPath = join(root, 'server', 'data', 'cams-actions.json');
const factsPath = join(root, 'scripts', 'catalogue', 'facts.json');
const savedPagePath = join(root, 'scripts', 'catalogue', 'page.txt');

const ACCESS_LEVEL_BY_VERB = new Map([
  ...['Get', 'Query', 'Read', 'Is', 'Check', 'Export', 'Feed'].map((v) => [v, 'get']),
  ...['List', 'Page'].map((v) => [v, 'list']),
  ...['Create', 'Add', 'Send', 'Generate', 'Copy', 'Submit', 'Request', 'Trigger', 'Post'].map(
    (v) => [v, 'create'],
  ),
  ...[
    'Update',
    'Modify',
    'Bind',
    'Unbind',
    'Rebind',
    'Associate',
    'Enable',
    'Sync',
    'Move',
    'Pause',
    'Publish',
    'Online',
    'Offline',
    'Open',
    'Translate',
    'Register',
    'Deregister',
    'Verify',
    'Verified',
    'Embed',
    'Change',
  ].map((v) => [v, 'update']),
  ...['Delete', 'Remove', 'Deprecate'].map((v) => [v, 'delete']),
]);

function main(argv) {
  const check = argv.includes('--check');
  const pageArg = argv.indexOf('--page');
  const pagePath = pageArg >= 0 ? argv[pageArg + 1] : savedPagePath;
  const pageText = readFileSync(pagePath, 'utf8');
  const facts = JSON.parse(readFileSync(factsPath, 'utf8'));

  const catalogue = buildCatalogue(parsePage(pageText), facts);
  const text = JSON.stringify(catalogue, null, 2) + '\n';

  if (check) {
    const committed = readFileSync(dataPath, 'utf8');
    if (committed !== text) {
      console.error(`${dataPath} is out of date: run npm run build:catalogue`);
      process.exit(1);
    }
    return;
  }

  writeFileSync(dataPath, text);
  if (pagePath !== savedPagePath) writeFileSync(savedPagePath, pageText);
  console.log(`wrote ${catalogue.actions.length} actions to ${dataPath}`);
}

/** Reads the table of actions without resource-group support and the page's date. */
export function parsePage(text) {
  const lines = text.split(/\r?\n/).map((line) => line.trim());
  const lastUpdated = lines
    .find((l) => l.startsWith('Last Updated:'))
    ?.slice(13)
    .trim();
  const start = lines.findIndex((l) => l === 'Unsupported actions');
  const end = lines.findIndex((l, i) => i > start && l.startsWith('If an action does not'));
  if (!lastUpdated || start < 0 || end < 0) {
    throw new Error('the page does not have the expected "Unsupported actions" table');
  }

  const rows = [];
  const cells = lines.slice(start, end).filter((l) => l !== '');
  for (let i = 0; i < cells.length; i++) {
    if (!/^cams:\w+$/.test(cells[i])) continue;
    const next = cells[i + 1] ?? '-';
    const description = next === '-' || next.startsWith('cams:') ? undefined : next;
    rows.push({ name: cells[i], description });
  }
  return { lastUpdated, rows };
}

function buildCatalogue(page, facts) {
  const documentedLevels = facts.documentedAccessLevels;
  const accountOnly = page.rows.map((row) => ({
    name: row.name,
    description: row.description ?? describeFromName(row.name),
    descriptionSource: row.description ? 'documented' : 'derived',
    resourceGroupAuthorization: 'unsupported',
    ...accessLevelOf(row.name, documentedLevels),
  }));
  const capable = facts.resourceGroupCapable.map((fact) => ({
    name: fact.name,
    description: fact.description,
    descriptionSource: 'reference',
    resourceGroupAuthorization: 'supported',
    accessLevel: fact.accessLevel,
    accessLevelSource: 'documented',
    resource: fact.resource,
  }));
  const undocumented = facts.undocumentedSupport.map((fact) => ({
    name: fact.name,
    description: fact.description,
    descriptionSource: 'reference',
    resourceGroupAuthorization: 'undocumented',
    accessLevel: fact.accessLevel,
    accessLevelSource: 'documented',
  }));

  return {
    ramCode: facts.service.ramCode,
    serviceName: facts.service.name,
    source: {
      title: 'ChatApp Message Service: Fine-grained control with resource groups',
      url: facts.service.resourceGroupPage,
      lastUpdated: page.lastUpdated,
    },
    ramAuthorizationPage: facts.service.ramAuthorizationPage,
    apiReferenceBase: facts.service.apiReferenceBase,
    actions: [...accountOnly, ...capable, ...undocumented],
  };
}

function accessLevelOf(name, documentedLevels) {
  const documented = documentedLevels[name];
  if (documented) return { accessLevel: documented, accessLevelSource: 'documented' };

  const verb = wordsOf(name).find((word) => ACCESS_LEVEL_BY_VERB.has(word));
  return { accessLevel: ACCESS_LEVEL_BY_VERB.get(verb) ?? 'update', accessLevelSource: 'inferred' };
}

// Only a plain reading of the name: these descriptions are marked as derived so that hover
// never passes them off as Alibaba Cloud's.
function describeFromName(name) {
  const words = wordsOf(name).map((w) => (/^[A-Z]{2,}/.test(w) ? w : w.toLowerCase()));
  const sentence = words.join(' ');
  return sentence.charAt(0).toUpperCase() + sentence.slice(1) + '.';
}

function wordsOf(name) {
  return name.replace(/^cams:/, '').match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+/g) ?? [];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
