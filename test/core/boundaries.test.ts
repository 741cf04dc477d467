/**
 * The layers: core (server/src/core) knows nothing of files, processes, editors or LSP, so the
 * CLI, the server and any other shell can run it; those shells import core, never the reverse.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = fileURLToPath(new URL('../../server/src', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : /\.tsx?$/.test(n) ? [p] : [];
  });
}

/** Every module specifier a file imports, exports from, or requires. */
function specifiers(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]/g)) out.push(m[1]!);
  for (const m of text.matchAll(/(?:^|[^\w.])(?:require|import)\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(m[1]!);
  return out;
}

const FORBIDDEN_IN_CORE = [/^node:/, /^(fs|path|os|child_process|worker_threads|url|util|stream|zlib|crypto)(\/|$)/, /^vscode/, /^@vscode\//];

test('core imports nothing from node:*, vscode* or the LSP packages', () => {
  const bad: string[] = [];
  for (const f of sources(join(SRC, 'core'))) {
    for (const s of specifiers(f)) if (FORBIDDEN_IN_CORE.some((re) => re.test(s))) bad.push(`${relative(SRC, f)}: ${s}`);
  }
  assert.deepEqual(bad, []);
});

test('core imports nothing from the shells around it (io, cli, lsp, server)', () => {
  const bad: string[] = [];
  for (const f of sources(join(SRC, 'core'))) {
    for (const s of specifiers(f)) if (s.startsWith('.') && /(^|\/)(io|cli|lsp)(\/|$)|(^|\/)server$/.test(relative(SRC, join(f, '..', s)))) bad.push(`${relative(SRC, f)}: ${s}`);
  }
  assert.deepEqual(bad, []);
});

test('the check has teeth: it sees the imports of a shell module', () => {
  const cli = sources(join(SRC, 'cli')).flatMap(specifiers);
  assert.ok(cli.some((s) => s.startsWith('node:')), 'the CLI imports node modules, and the scan finds them');
});
