/**
 * The extension's client only asks (issue 16): dist/client.js bundles no linter code — nothing from
 * the core, io or the server's LSP features, only the protocol module's request types — and stays small.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** From the server's tree the client may import only the protocol module (method names and types). */
const ALLOWED_SERVER = ['server/src/lsp/protocol.ts'];

test('dist/client.js (npm run build) holds no module of the core, io or server', () => {
  // esbuild's unminified bundles name each module they hold in a `// path` comment
  const modules = [...readFileSync(`${ROOT}dist/client.js`, 'utf8').matchAll(/^\/\/ ((?:client|server|node_modules)\/\S+)$/gm)].map((m) => m[1]!);
  assert.ok(modules.some((m) => m.startsWith('client/src/')), 'the module comments are there to read');
  const server = modules.filter((m) => m.startsWith('server/'));
  assert.deepEqual(server.filter((m) => !ALLOWED_SERVER.includes(m)), [], 'server code in the client bundle');
  assert.ok(!modules.some((m) => /node_modules\/(zod|iconv-lite|exceljs|mammoth)\//.test(m)), 'the core\'s libraries are not in the client');
});

test('the production client bundle: no core or io input, the client\'s own code under 200 KB, all of it under 500 KB', async () => {
  // the options scripts/build.mjs uses for the client with --production (the .vsix's bundle)
  const r = await build({ entryPoints: [`${ROOT}client/src/extension.ts`], bundle: true, platform: 'node', target: 'node20', format: 'cjs', minify: true, external: ['vscode'], write: false, metafile: true, outfile: 'client.js', absWorkingDir: ROOT, logLevel: 'silent' });
  const inputs = Object.keys(r.metafile.inputs);
  assert.deepEqual(inputs.filter((i) => i.startsWith('server/') && !ALLOWED_SERVER.includes(i)), []);
  const out = Object.values(r.metafile.outputs)[0]!;
  const own = Object.entries(out.inputs).filter(([k]) => !k.includes('node_modules/')).reduce((n, [, v]) => n + v.bytesInOutput, 0);
  // vscode-languageclient with its protocol and jsonrpc packages is about 400 KB minified by itself;
  // the core would add about 1 MB (the bundle was 2.7 MB when the client linted too)
  assert.ok(own < 200_000, `the client's own code is ${own} bytes`);
  assert.ok(out.bytes < 500_000, `the production client bundle is ${out.bytes} bytes`);
});
