// Bundles the CLI, the language server and the VS Code client with esbuild (one file each).
import { build } from 'esbuild';
import { existsSync, chmodSync } from 'node:fs';

const production = process.argv.includes('--production');
const entries = [
  { in: 'server/src/cli/main.ts', out: 'dist/cli.js', bin: true },
  { in: 'server/src/server.ts', out: 'dist/server.js', bin: true },
  { in: 'client/src/extension.ts', out: 'dist/client.js', external: ['vscode'] },
];

/**
 * Large libraries needed only by some commands (exceljs for .xlsx, mammoth for .docx) are bundled
 * once into dist/vendor/ and loaded on first use: compiling them on every start would cost the
 * CLI and the server more than checking a report does.
 */
const LAZY = ['exceljs', 'mammoth'];
const lazyVendors = {
  name: 'lazy-vendors',
  setup(b) {
    b.onResolve({ filter: new RegExp(`^(${LAZY.join('|')})$`) }, (args) =>
      args.kind === 'dynamic-import' ? { path: `./vendor/${args.path}.js`, external: true } : undefined,
    );
  },
};
for (const name of LAZY) {
  await build({
    stdin: { contents: `module.exports = require(${JSON.stringify(name)});`, resolveDir: process.cwd(), sourcefile: `${name}-vendor.js` },
    outfile: `dist/vendor/${name}.js`,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: production,
    logLevel: 'warning',
  });
}

for (const e of entries) {
  if (!existsSync(e.in)) continue;
  await build({
    entryPoints: [e.in],
    outfile: e.out,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: !production,
    minify: production,
    external: e.external ?? [],
    plugins: [lazyVendors],
    banner: e.bin ? { js: '#!/usr/bin/env node' } : undefined,
    logLevel: 'warning',
  });
  if (e.bin) chmodSync(e.out, 0o755);
}
