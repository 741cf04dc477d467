// Bundles the CLI, the language server and the VS Code client with esbuild (one file each).
import { build } from 'esbuild';
import { existsSync, chmodSync } from 'node:fs';

const production = process.argv.includes('--production');
const entries = [
  { in: 'server/src/cli/main.ts', out: 'dist/cli.js', bin: true },
  { in: 'server/src/server.ts', out: 'dist/server.js', bin: true },
  { in: 'client/src/extension.ts', out: 'dist/client.js', external: ['vscode'] },
];

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
    banner: e.bin ? { js: '#!/usr/bin/env node' } : undefined,
    logLevel: 'warning',
  });
  if (e.bin) chmodSync(e.out, 0o755);
}
