// Hostile documents through the real CLI: each gets one clear message, nothing crashes, every
// file of the run is accounted for, the exit code says a file could not be read, memory stays bounded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { CLI, checkJson, runCli, EXTERNAL, PDFS } from '../helpers/cli';
import { gridDrawingPdf, imageOnlyPdf, textPdf } from '../helpers/pdf';
import { tempDir } from '../helpers/tmp';

const FIXTURES = fileURLToPath(new URL('../fixtures/pdf', import.meta.url));
const real = readFileSync(join(PDFS, 'huaian-city-2024.pdf'));

test('user password: 需要密码; owner password only (copy-protected): read as usual', () => {
  const locked = runCli(['check', join(FIXTURES, 'user-password.pdf')]);
  assert.equal(locked.code, 2);
  assert.match(locked.stderr, /user-password\.pdf: PDF 已加密，需要密码/);
  const en = runCli(['check', '--locale', 'en', join(FIXTURES, 'user-password.pdf')]);
  assert.match(en.stderr, /encrypted: it needs a password/);
  const copy = runCli(['extract', join(FIXTURES, 'owner-password-only.pdf')]);
  assert.equal(copy.code, 0, copy.stderr);
  assert.equal(copy.stdout, 'Annual report 2024\nSection one: total 12\n');
});

test('truncated, corrupt, scanned, not a PDF: one message each; the good PDF in the same run still checked; exit 2', async () => {
  const dir = tempDir('hostile');
  copyFileSync(join(PDFS, 'hongze-district-2023.pdf'), join(dir, 'a-good.pdf'));
  writeFileSync(join(dir, 'b-truncated.pdf'), real.subarray(0, real.length >> 1));
  writeFileSync(join(dir, 'c-corrupt.pdf'), Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(4000, 0x8f)]));
  writeFileSync(join(dir, 'd-scanned.pdf'), await imageOnlyPdf(3));
  writeFileSync(join(dir, 'e-binary.pdf'), Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 1, 2, 0xff, 0xfe]));
  writeFileSync(join(dir, 'f-text.pdf'), readFileSync(join(EXTERNAL, 'hongze-district-2023.txt')));
  copyFileSync(join(FIXTURES, 'user-password.pdf'), join(dir, 'g-locked.pdf'));
  const r = checkJson([dir]);
  assert.equal(r.code, 2, 'files could not be read');
  assert.deepEqual(r.results.map((x) => x.filePath.split('/').pop()), ['a-good.pdf', 'f-text.pdf']);
  assert.equal(r.results[0]!.messages.filter((m) => m.ruleId === 'table-row-total').length, 2);
  // a text file named .pdf: checked as the text it is, and said so
  assert.equal(r.results[1]!.messages.filter((m) => m.ruleId === 'table-row-total').length, 2);
  for (const [file, said] of [
    ['b-truncated.pdf', /PDF 文件已损坏或不完整/],
    ['c-corrupt.pdf', /PDF 文件已损坏或不完整/],
    ['d-scanned.pdf', /PDF 没有文字层（共 3 页，可能是扫描件或图片）/],
    ['e-binary.pdf', /不是 PDF 文件/],
    ['f-text.pdf', /扩展名是 \.pdf，内容却是文本/],
    ['g-locked.pdf', /需要密码/],
  ] as const) {
    const lines = r.stderr.split('\n').filter((l) => l.includes(file));
    assert.equal(lines.length, 1, `${file}: ${r.stderr}`);
    assert.match(lines[0]!, said);
  }
  assert.doesNotMatch(r.stderr, /internal error|at .*\.js:\d+/);
});

test('thousands of pages: the first 100 read, and said so', async () => {
  const dir = tempDir('pages');
  writeFileSync(join(dir, 'long.pdf'), await textPdf(Array.from({ length: 2000 }, (_, i) => [`page ${i + 1}`])));
  const r = runCli(['extract', '--pages', join(dir, 'long.pdf')]);
  assert.equal(r.code, 0);
  assert.match(r.stderr, /PDF 共 2000 页，只读取了前 100 页/);
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines.length, 100);
  assert.equal(lines[99], '100\tpage 100');
});

test('a Word file whose XML inflates past the limit is refused from its zip directory, before inflating', async () => {
  const dir = tempDir('bomb');
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<Types/>');
  zip.file('word/document.xml', `<w:document><w:body><w:p><w:r><w:t>${' '.repeat(70 * 1024 * 1024)}</w:t></w:r></w:p></w:body></w:document>`);
  writeFileSync(join(dir, 'bomb.docx'), await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  copyFileSync(join(EXTERNAL, 'hongze-district-2023.txt'), join(dir, 'good.txt'));
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, CLI, 'check', '--format', 'json', dir], { encoding: 'utf8' });
  const time = r.error === undefined && r.status !== 127;
  const out = time ? r : spawnSync(process.execPath, [CLI, 'check', '--format', 'json', dir], { encoding: 'utf8' });
  assert.equal(out.status, 2);
  assert.match(out.stderr, /bomb\.docx: 已拒绝：Word 文件解压后有 70 MB，超过上限 64 MB/);
  assert.equal(JSON.parse(out.stdout).length, 1);
  // peak memory (KB, GNU time's last line) stays far from what inflating would take
  if (time) assert.ok(Number(out.stderr.trim().split('\n').pop()) < 300 * 1024, out.stderr);
});

test('50,000 nested <div>s: read in linear time, with a word about the nesting', () => {
  const dir = tempDir('nested');
  const n = 50_000;
  writeFileSync(join(dir, 'deep.html'), `<html><body>${'<div>'.repeat(n)}洪泽区人民政府2023年政府信息公开工作年度报告${'</div>'.repeat(n)}</body></html>`);
  const started = Date.now();
  const r = runCli(['check', join(dir, 'deep.html')]);
  assert.ok(Date.now() - started < 20_000);
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  assert.match(r.stderr, /deep\.html: 网页元素嵌套深达 50002 层/);
});

test('a page crossed by 1,500 × 1,500 lines: read as text in bounded time, no table grid attempted', async () => {
  const dir = tempDir('grid');
  writeFileSync(join(dir, 'grid.pdf'), await gridDrawingPdf(1500));
  const started = Date.now();
  const r = runCli(['extract', join(dir, 'grid.pdf')]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, 'drawing title\n');
  assert.ok(Date.now() - started < 30_000);
});
