// check --format jsonl (one JSON object a line, as each file finishes) and the progress line on a terminal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { CLI, runCli, SEEDS, PDFS } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';

const SAMPLES = fileURLToPath(new URL('../../samples', import.meta.url));

function folder(): string {
  const dir = tempDir('jsonl');
  for (const f of readdirSync(SEEDS).filter((x) => x.endsWith('.txt')).slice(0, 20)) cpSync(join(SEEDS, f), join(dir, f));
  cpSync(join(PDFS, 'hongze-district-2024.pdf'), join(dir, 'zz-report.pdf'));
  writeFileSync(join(dir, 'broken.pdf'), '%PDF-1.4\n' + '\u0000'.repeat(100));
  return dir;
}

test('jsonl: one line per file, the same results as json, the unreadable file a line of its own; exit 2', () => {
  const dir = folder();
  const jsonl = runCli(['check', '--format', 'jsonl', dir]);
  const json = runCli(['check', '--format', 'json', dir]);
  assert.equal(jsonl.code, 2);
  assert.equal(json.code, 2);
  const lines = jsonl.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
  const files = readdirSync(dir).length;
  assert.equal(lines.length, files, 'every file accounted for');
  const broken = lines.filter((l) => l.error);
  assert.deepEqual(broken.map((l) => l.filePath.split('/').pop()), ['broken.pdf']);
  assert.match(broken[0].error, /PDF 文件已损坏或不完整/);
  const byPath = (xs: { filePath: string }[]) => [...xs].sort((a, b) => (a.filePath < b.filePath ? -1 : 1));
  assert.deepEqual(byPath(lines.filter((l) => !l.error)), byPath(JSON.parse(json.stdout)));
  assert.equal(jsonl.stderr, json.stderr, 'the same messages on stderr');
  assert.ok(lines.find((l) => l.filePath.endsWith('zz-report.pdf')).messages.some((m: { page: number }) => m.page === 1));
});

test('progress: on a terminal, files done / total, rate and time left on stderr; nothing when stderr is not a terminal', (t) => {
  const plain = runCli(['check', '--format', 'json', SAMPLES]);
  assert.doesNotMatch(plain.stderr, /个文件 ·/);
  // script(1) gives the run a terminal; without it there is none to test on
  const probe = spawnSync('script', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) return t.skip('script(1) is not installed');
  const r = spawnSync('script', ['-qec', `'${process.execPath}' '${CLI}' check '${SAMPLES}' > /dev/null`, '/dev/null'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const n = readdirSync(SAMPLES).filter((f) => /\.(txt|md)$/.test(f)).length;
  assert.match(r.stdout, new RegExp(`已检查 ${n}/${n} 个文件 · 每秒 [\\d.]+ 个`), JSON.stringify(r.stdout));
  assert.match(r.stdout, /\r\x1b\[K/, 'drawn in place and cleared');
  const en = spawnSync('script', ['-qec', `'${process.execPath}' '${CLI}' check --locale en '${SAMPLES}' > /dev/null`, '/dev/null'], { encoding: 'utf8' });
  assert.match(en.stdout, new RegExp(`${n}/${n} files · [\\d.]+ files/s`));
});
