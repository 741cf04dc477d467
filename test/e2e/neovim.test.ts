/**
 * Neovim 0.7 (Debian) as a second, independent LSP client of the language server over stdio:
 * raw diagnostics on a seed report, one quick fix requested, applied and re-linted.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT, runDir } from './lib/env';
import { codeOf, runNvim } from './lib/nvim';

const SERVER = join(ROOT, 'dist/server.js');
const TRIVIAL = join(ROOT, 'test/e2e/fixtures/trivial-server.mjs');
const SAMPLE = join(ROOT, 'samples/000.nianbao.txt');
// Until the language server's source lands there is nothing to test but the driver itself.
const noServer = existsSync(join(ROOT, 'server/src/server.ts')) ? false : 'the language server (server/src/server.ts) has not landed yet';

test('driver self-check: a minimal server, a fix applied through the LSP edit', () => {
  const run = runDir('nvim-self');
  try {
    const file = join(run.dir, 'a.txt');
    copyFileSync(SAMPLE, file);
    const r = runNvim({ dir: run.dir, file, cmd: [process.execPath, TRIVIAL, '--stdio'], code: 'demo-typo' });
    assert.equal(r.target.range.start.line, 33);
    assert.ok(r.lines[33].includes('本年废止件数'));
    assert.equal(r.exit.code, 0);
  } finally {
    run.dispose();
  }
});

test('driver self-check: a diagnostic that never comes fails the run', () => {
  const run = runDir('nvim-fail');
  try {
    const file = join(run.dir, 'a.txt');
    copyFileSync(SAMPLE, file);
    assert.throws(() => runNvim({ dir: run.dir, file, cmd: [process.execPath, TRIVIAL, '--stdio'], code: 'no-such-rule', waitMs: 1_000 }), /timed out waiting for diagnostics with code no-such-rule/);
  } finally {
    run.dispose();
  }
});

test('dist/server.js --stdio in Neovim: seed 000 diagnostics, the 本年度止件数 quick fix', { skip: noServer }, () => {
  const run = runDir('nvim');
  try {
    const file = join(run.dir, '000.nianbao.txt');
    copyFileSync(SAMPLE, file);
    const text = readFileSync(file, 'utf8').split('\n');
    const r = runNvim({ dir: run.dir, file, cmd: [process.execPath, SERVER, '--stdio'], code: 'table-label-typo' });

    const first = r.publications.find((p) => p.uri === r.uri)!;
    assert.ok(first.diagnostics.every((d) => d.source === 'nianbao'), 'source is nianbao');
    assert.ok(first.diagnostics.every((d) => typeof codeOf(d) === 'string' && d.codeDescription?.href), 'each diagnostic has its rule id and a docs link');

    // The range is in UTF-16 code units: slicing the line with JS string offsets gives the label.
    const { start, end } = r.target.range;
    assert.equal(start.line, 33);
    assert.equal(text[33].slice(start.character, end.character), '本年度止件数');

    assert.ok(r.applied.title, 'the quick fix has a title');
    assert.ok(r.lines[33].includes('本年废止件数') && !r.lines[33].includes('本年度止件数'), `line 34 after the fix: ${r.lines[33]}`);
    assert.deepEqual(r.lines.filter((_, i) => i !== 33), text.filter((_, i) => i !== 33), 'only line 34 changed');
    assert.ok(!r.after.diagnostics.some((d) => codeOf(d) === 'table-label-typo' && d.range.start.line === 33), 'the typo is gone after the re-lint');
    assert.equal(r.exit.code, 0, 'the server exits cleanly on shutdown/exit');

    // Same findings as the CLI on the same file: one core, two front ends.
    const cli = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'check', '--format', 'json', SAMPLE], { encoding: 'utf8' });
    const messages = (JSON.parse(cli.stdout) as { messages: { ruleId: string; line: number; column: number }[] }[])[0].messages;
    const key = (rule: unknown, line: number, col: number) => `${rule}@${line}:${col}`;
    assert.deepEqual(
      first.diagnostics.map((d) => key(codeOf(d), d.range.start.line + 1, d.range.start.character + 1)).sort(),
      messages.map((m) => key(m.ruleId, m.line, m.column)).sort(),
    );
  } finally {
    run.dispose();
  }
});
