// `check` and `summary` with `--concurrency`: many files on worker threads give exactly what one thread gives, in
// the same order, with per-file messages (a bad config, an unreadable file) kept; --fix works
// from the workers too.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { CLI, runCli } from '../helpers/cli';
import { tempDir } from '../helpers/tmp';

const SAMPLES = new URL('../../samples/', import.meta.url).pathname;

const made: string[] = [];
after(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

function corpus(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-conc-'));
  made.push(dir);
  const samples = readdirSync(SAMPLES).filter((f) => f.endsWith('.txt'));
  for (let i = 0; i < 120; i++) {
    const sub = join(dir, i % 3 === 0 ? 'a' : 'b');
    mkdirSync(sub, { recursive: true });
    cpSync(join(SAMPLES, samples[i % samples.length]!), join(sub, `r${String(i).padStart(3, '0')}.txt`));
  }
  writeFileSync(join(dir, 'a', '.nianbaorc.json'), '{"rules": {"no-such-option": 3}}'); // invalid: reported per file
  writeFileSync(join(dir, 'b', 'binary.txt'), Buffer.from([0, 1, 2, 0, 255, 0, 3]));
  return dir;
}

test('--concurrency 2 and 4 give the same output, messages and exit code as off', () => {
  const dir = corpus();
  const one = runCli(['check', '--format', 'json', '--concurrency', 'off', dir]);
  assert.equal(one.code, 2, 'binary.txt could not be read');
  const files = JSON.parse(one.stdout) as { filePath: string }[];
  assert.equal(files.length, 120);
  assert.match(one.stderr, /binary\.txt/);
  assert.match(one.stderr, /\.nianbaorc\.json/);
  for (const n of ['2', '4', 'auto']) {
    const many = runCli(['check', '--format', 'json', '--concurrency', n, dir]);
    assert.equal(many.code, one.code, n);
    assert.equal(many.stdout, one.stdout, `--concurrency ${n}: same results in the same order`);
    assert.equal(many.stderr, one.stderr, `--concurrency ${n}: same messages`);
  }
});

test('--fix from worker threads writes the same files as from one thread', () => {
  const a = corpus();
  const b = corpus();
  runCli(['check', '--fix', '--concurrency', 'off', a]);
  runCli(['check', '--fix', '--concurrency', '3', b]);
  for (const sub of ['a', 'b']) {
    for (const f of readdirSync(join(a, sub)).filter((x) => x.endsWith('.txt'))) {
      assert.equal(readFileSync(join(b, sub, f), 'utf8'), readFileSync(join(a, sub, f), 'utf8'), f);
    }
  }
  const untouched = corpus();
  const changed = readdirSync(join(a, 'b')).filter((f) => readFileSync(join(a, 'b', f), 'utf8') !== readFileSync(join(untouched, 'b', f), 'utf8'));
  assert.ok(changed.length > 0, 'some fix was applied');
});

test('a bad --concurrency value is a usage error', () => {
  const r = runCli(['check', '--concurrency', 'many', SAMPLES]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--concurrency/);
});

test('summary --concurrency 3 gives the same consolidated tables and messages as off', () => {
  const dir = corpus();
  const one = runCli(['summary', '--format', 'json', '--concurrency', 'off', dir]);
  const many = runCli(['summary', '--format', 'json', '--concurrency', '3', dir]);
  assert.ok(JSON.parse(one.stdout), 'json output');
  assert.match(one.stderr, /binary\.txt/);
  assert.equal(many.code, one.code);
  assert.equal(many.stdout, one.stdout);
  assert.equal(many.stderr, one.stderr);
});

test('--format json is written in pieces yet is exactly JSON.stringify of the results', async () => {
  const { jsonPieces } = await import('../../server/src/cli/formatters/json');
  const msg = (i: number) => ({ ruleId: 'typo', severity: 1 as const, level: 'warning' as const, message: `第${i}处“布署”应为“部署”\u0000"\\`, line: i, column: 1, endLine: i, endColumn: 3 });
  const results = [
    { filePath: '/a/空.txt', messages: [], errorCount: 0, warningCount: 0, infoCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 },
    { filePath: '/a/big.txt', messages: Array.from({ length: 4501 }, (_, i) => msg(i)), errorCount: 0, warningCount: 4501, infoCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 },
  ];
  const pieces = [...jsonPieces(results)];
  assert.ok(pieces.length > 4, 'written in several pieces');
  assert.equal(pieces.join(''), JSON.stringify(results) + '\n');
});

test('--format json through a pipe: the same bytes when read slowly, and an exit (no hang) when the reader goes away', async () => {
  const dir = tempDir('json-pipe');
  // a document with thousands of problems: many pieces, more than a pipe holds
  const samples = join(CLI, '..', '..', 'samples');
  const all = readdirSync(samples).map((f) => readFileSync(join(samples, f), 'utf8')).join('\n');
  writeFileSync(join(dir, 'big.txt'), Array.from({ length: 24 }, () => all).join('\n'));
  const expected = runCli(['check', '--format', 'json', '--no-config', join(dir, 'big.txt')]);
  const count = (JSON.parse(expected.stdout) as { messages: unknown[] }[])[0]!.messages.length;
  assert.ok(count > 4000 && expected.stdout.length > 600_000, `${count} problems, ${expected.stdout.length} characters of output`);
  const run = (readSlowly: boolean) =>
    new Promise<{ code: number | null; out: string }>((resolve) => {
      const child = spawn(process.execPath, [CLI, 'check', '--format', 'json', '--no-config', join(dir, 'big.txt')], { stdio: ['ignore', 'pipe', 'ignore'] });
      const chunks: Buffer[] = [];
      child.stdout.on('data', (c: Buffer) => {
        if (!readSlowly) {
          child.stdout.destroy(); // `| head -c …`: the reader goes away after its first chunk
          return;
        }
        chunks.push(c);
        child.stdout.pause();
        setTimeout(() => child.stdout.resume(), 1);
      });
      child.on('close', (code) => resolve({ code, out: Buffer.concat(chunks).toString('utf8') }));
    });
  const slow = await run(true);
  assert.equal(slow.out, expected.stdout);
  assert.equal(slow.code, expected.code);
  const gone = await run(false);
  assert.notEqual(gone.code, null, 'the process ended by itself');
});
