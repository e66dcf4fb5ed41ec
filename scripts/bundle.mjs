// Bundles the client and the server into dist/ with esbuild: one file each, `vscode` external,
// so the packaged extension needs no node_modules.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  // jsonc-parser's UMD build requires its modules dynamically, which a bundle cannot follow.
  mainFields: ['module', 'main'],
};

await build({
  ...common,
  entryPoints: ['server/src/server.ts'],
  outfile: 'dist/server.js',
  define: { __SERVER_VERSION__: JSON.stringify(version) },
});
await build({
  ...common,
  entryPoints: ['client/src/extension.ts'],
  outfile: 'dist/client.js',
  external: ['vscode'],
});
