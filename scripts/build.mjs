// Bundles the CLI, the language server and the VS Code client with esbuild (one file each).
import { build } from 'esbuild';
import { existsSync, chmodSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const production = process.argv.includes('--production');
const entries = [
  // the CLI is a launcher (dist/cli.js) that starts the bundle with its code cache (see launch.ts)
  { in: 'server/src/cli/main.ts', out: 'dist/cli-main.js' },
  { in: 'server/src/cli/launch.ts', out: 'dist/cli.js', bin: true },
  { in: 'server/src/server.ts', out: 'dist/server.js', bin: true },
  { in: 'client/src/extension.ts', out: 'dist/client.js', external: ['vscode'] },
];

/**
 * Large libraries needed only by some commands (exceljs for .xlsx, mammoth for .docx, PDF.js for .pdf,
 * htmlparser2 for web pages) are bundled once into dist/vendor/ and loaded on first use: compiling
 * them on every start would cost the CLI and the server more than checking a report does.
 */
const LAZY = ['exceljs', 'mammoth', 'pdfjs', 'htmlparser2'];
const lazyVendors = {
  name: 'lazy-vendors',
  setup(b) {
    b.onResolve({ filter: new RegExp(`^(${LAZY.join('|')})$`) }, (args) =>
      args.kind === 'require-call' || args.kind === 'dynamic-import' ? { path: `./vendor/${args.path}.js`, external: true } : undefined,
    );
  },
};
/**
 * PDF.js (pdfjs-dist 4.10, the last line whose package runs on Node 20) in one file with its
 * worker: `globalThis.pdfjsWorker` makes it parse on the calling thread (its "fake worker")
 * instead of importing pdf.worker.mjs, which a vm.Script cannot do. Its modern build, not the
 * "legacy" one: that one's core-js replaces built-ins such as Array.prototype.push for the
 * whole process (slower for our own code too). The modern build needs, of what Node 20 lacks,
 * only `Promise.withResolvers` (Node 22), given here as the standard defines it, and
 * `process.getBuiltinModule` (Node 20.16) for older Node 20s such as an editor's extension host.
 */
const VENDOR_SOURCES = {
  pdfjs: `if (typeof Promise.withResolvers !== 'function') {
  Promise.withResolvers = function () { let resolve, reject; const promise = new this((a, b) => { resolve = a; reject = b; }); return { promise, resolve, reject }; };
}
if (typeof process.getBuiltinModule !== 'function') process.getBuiltinModule = (n) => require('node:' + n);
globalThis.pdfjsWorker = require('pdfjs-dist/build/pdf.worker.mjs');
module.exports = require('pdfjs-dist/build/pdf.mjs');`,
};
for (const name of LAZY) {
  await build({
    stdin: { contents: VENDOR_SOURCES[name] ?? `module.exports = require(${JSON.stringify(name)});`, resolveDir: process.cwd(), sourcefile: `${name}-vendor.js` },
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

/**
 * The CLI bundle's V8 code cache, made after a warm-up run over samples/ so that it holds the
 * functions a check compiles, not only the top level. Best effort: without it the CLI compiles
 * the bundle as usual, so a failure here is reported and the build goes on.
 */
const CACHE = 'dist/cli-main.js.cache';
rmSync(CACHE, { force: true });
const warm = spawnSync(process.execPath, ['dist/cli.js', 'check', 'samples', '--format', 'json', '--no-config'], {
  env: { ...process.env, NIANBAO_WRITE_CODE_CACHE: CACHE },
  stdio: ['ignore', 'ignore', 'pipe'],
  encoding: 'utf8',
});
if (!existsSync(CACHE)) console.warn(`build: no code cache for the CLI (the warm-up run ended with ${warm.status}: ${warm.stderr?.trim().split('\n')[0] ?? warm.error})`);
