// The extension runs nothing from the workspace and sends nothing over the network. These
// tests read the product's source and its two bundles: a new use of a process, network or
// code-evaluation module must be added to the allow-list below with the reason it is safe.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = join(__dirname, '..', '..', '..');

/** Node modules that start processes, open connections or evaluate code. */
const DENIED = [
  'child_process',
  'cluster',
  'dgram',
  'dns',
  'http',
  'http2',
  'https',
  'inspector',
  'net',
  'tls',
  'vm',
  'worker_threads',
];

/** Globals that reach the network or evaluate code. */
const DENIED_CALLS =
  /\bfetch\s*\(|\bXMLHttpRequest\b|\bWebSocket\b|\beval\s*\(|\bnew Function\s*\(/;

/**
 * Where the bundles load a denied module, and why that is safe. Each entry names the library
 * file the bundler took it from.
 */
const ALLOWED_IN_BUNDLES = [
  {
    bundle: 'dist/client.js',
    module: 'child_process',
    from: 'node_modules/vscode-languageclient/lib/node/main.js',
    why: 'forks the server: the module is context.asAbsolutePath("dist/server.js") in the extension',
  },
  {
    bundle: 'dist/client.js',
    module: 'child_process',
    from: 'node_modules/vscode-languageclient/lib/node/processes.js',
    why: 'ends a server that does not exit: taskkill on Windows, a script beside the bundle elsewhere',
  },
  {
    bundle: 'dist/client.js',
    module: 'net',
    from: 'node_modules/vscode-jsonrpc/lib/node/main.js',
    why: 'pipe and socket transports of the LSP connection on 127.0.0.1; this client uses IPC',
  },
  {
    bundle: 'dist/server.js',
    module: 'net',
    from: 'node_modules/vscode-jsonrpc/lib/node/main.js',
    why: 'the --pipe and --socket transports, which connect to the editor on 127.0.0.1',
  },
  {
    bundle: 'dist/server.js',
    module: 'child_process',
    from: 'node_modules/vscode-languageserver/lib/node/files.js',
    why: 'Files.resolveGlobalNodePath runs npm; the server never calls the Files helpers',
  },
];

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

const PRODUCT_SOURCES = ['client/src', 'server/src'].flatMap((folder) =>
  sourceFiles(join(ROOT, folder)),
);

/** The modules a TypeScript file imports or requires. */
function importsOf(text: string): string[] {
  const specifiers = [
    ...text.matchAll(/\b(?:from|import)\s+['"]([^'"]+)['"]/g),
    ...text.matchAll(/\b(?:require|import)\(\s*['"]([^'"]+)['"]\s*\)/g),
  ];
  return specifiers.map((match) => match[1]!.replace(/^node:/, ''));
}

describe('what the product may run and reach', () => {
  it('has no source that imports a process, network or code-evaluation module', () => {
    const found = PRODUCT_SOURCES.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      const denied = importsOf(text).filter((module) => DENIED.includes(module.split('/')[0]!));
      const calls = DENIED_CALLS.test(text) ? ['a network or eval call'] : [];
      return [...denied, ...calls].map((what) => `${file.slice(ROOT.length + 1)}: ${what}`);
    });
    assert.deepEqual(found, []);
  });

  it('loads such modules in its bundles only where the allow-list says why', () => {
    const found = ['dist/client.js', 'dist/server.js'].flatMap((bundle) =>
      deniedRequiresIn(bundle),
    );
    const allowed = ALLOWED_IN_BUNDLES.map(({ bundle, module, from }) => ({
      bundle,
      module,
      from,
    }));
    assert.deepEqual(sortByKey(found), sortByKey(allowed));
  });

  it('has no network or eval call in its bundles', () => {
    for (const bundle of ['dist/client.js', 'dist/server.js']) {
      const text = readFileSync(join(ROOT, bundle), 'utf8');
      assert.doesNotMatch(text, DENIED_CALLS, bundle);
    }
  });

  it('starts only the server bundled with it, never a program a setting or the workspace names', () => {
    const client = readFileSync(join(ROOT, 'client/src/extension.ts'), 'utf8');
    assert.match(client, /asAbsolutePath\('dist\/server\.js'\)/);
    assert.doesNotMatch(client, /\b(command|runtime)\s*:/);

    const server = PRODUCT_SOURCES.map((file) => readFileSync(file, 'utf8')).join('\n');
    assert.doesNotMatch(server, /\bFiles\.\w+/, 'the Files helpers of vscode-languageserver');
  });
});

describe('the language service', () => {
  it('imports no editor API, LSP connection or file system: file access is injected', () => {
    const service = sourceFiles(join(ROOT, 'server/src/service'));
    const impure = ['vscode', 'vscode-languageserver', 'vscode-languageserver/node', 'fs'];
    const found = service.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      const modules = importsOf(text).filter((module) => impure.includes(module.split('/')[0]!));
      const console = /\bconsole\./.test(text) ? ['console'] : [];
      return [...modules, ...console].map((what) => `${file.slice(ROOT.length + 1)}: ${what}`);
    });
    assert.deepEqual(found, []);
  });
});

describe('the manifest', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    capabilities: Record<string, { supported: boolean | string; description?: string }>;
  };

  it('supports untrusted workspaces, as it runs nothing from them', () => {
    assert.equal(manifest.capabilities['untrustedWorkspaces']?.supported, true);
  });

  it('declares virtual workspaces limited to the schemes the client hands the server', () => {
    const client = readFileSync(join(ROOT, 'client/src/extension.ts'), 'utf8');
    assert.match(client, /const schemes = \['file', 'untitled'\];/);

    const virtual = manifest.capabilities['virtualWorkspaces'];
    assert.equal(virtual?.supported, 'limited');
    assert.match(virtual?.description ?? '', /files on disk and untitled editors/);
  });
});

interface Located {
  readonly bundle: string;
  readonly module: string;
  readonly from: string;
}

// esbuild marks where each bundled file begins with a comment naming it.
function deniedRequiresIn(bundle: string): Located[] {
  let from = '(bundle prelude)';
  const found: Located[] = [];
  for (const line of readFileSync(join(ROOT, bundle), 'utf8').split('\n')) {
    const start = /^\/\/ ((?:node_modules|client|server)\/\S+)$/.exec(line);
    if (start) from = start[1]!;
    for (const match of line.matchAll(/\brequire\("(?:node:)?([\w/]+)"\)/g)) {
      if (DENIED.includes(match[1]!)) found.push({ bundle, module: match[1]!, from });
    }
  }
  return found;
}

function sortByKey(items: readonly Located[]): string[] {
  return items.map((item) => `${item.bundle} ${item.module} ${item.from}`).sort();
}
