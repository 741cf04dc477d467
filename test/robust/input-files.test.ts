// Hostile and real-world input through the real CLI: encodings, binary, empty, huge, Word, HTML,
// unreadable paths and symlink loops — a message per file, the other files' results intact.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, symlinkSync, mkdirSync, chmodSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { checkJson, runCli, EXTERNAL } from '../helpers/cli';
import { HUAIAN_2024, render, withCell } from '../helpers/layouts';
import { blocksFromTsv, makeDocx } from '../helpers/docx';
import { tempDir } from '../helpers/tmp';

const tmp = () => tempDir('robust');
const hongze = readFileSync(join(EXTERNAL, 'hongze-district-2023.txt'), 'utf8');
const rowTotalLines = (msgs: { ruleId: string; line: number }[]) => msgs.filter((m) => m.ruleId === 'table-row-total').map((m) => m.line);

for (const [name, bytes] of [
  ['gbk', iconv.encode(hongze, 'gbk')],
  ['gb18030', iconv.encode(hongze, 'gb18030')],
  ['utf-16le with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(hongze, 'utf16le')])],
  ['utf-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(hongze, 'utf8')])],
] as const) {
  test(`${name}: decoded and checked like the UTF-8 original`, () => {
    const dir = tmp();
    writeFileSync(join(dir, 'r.txt'), bytes);
    const { results } = checkJson([join(dir, 'r.txt')]);
    assert.deepEqual(rowTotalLines(results[0]!.messages), [138, 138]);
  });
}

test('--fix writes a GBK file back in GBK', () => {
  const dir = tmp();
  const f = join(dir, 'r.txt');
  writeFileSync(f, iconv.encode(hongze, 'gbk'));
  runCli(['check', '--fix', f]);
  const back = iconv.decode(readFileSync(f), 'gbk');
  assert.ok(back.includes('2.其他法律行政法规禁止公开'));
  assert.ok(back.includes('10 1 0 0 11'));
});

test('binary, empty, undecodable and too-large files: one message each, the good file still checked', () => {
  const dir = tmp();
  writeFileSync(join(dir, 'a-good.txt'), hongze);
  writeFileSync(join(dir, 'b-binary.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 1, 2, 3]));
  writeFileSync(join(dir, 'c-empty.txt'), '');
  writeFileSync(join(dir, 'd-big.txt'), Buffer.alloc(2 * 1024 * 1024, 0x41));
  writeFileSync(join(dir, 'e-garbled.txt'), Buffer.concat([Buffer.from('洪泽区2023年政府信息公开工作年度报告\n'), Buffer.from([0xff, 0xfe, 0xfd, 0x80, 0x81])]).subarray(3));
  const r = checkJson([dir], ['--max-file-size', '1']);
  assert.equal(r.code, 2, 'the exit code says files could not be read');
  const good = r.results.find((x) => x.filePath.endsWith('a-good.txt'))!;
  assert.deepEqual(rowTotalLines(good.messages), [138, 138]);
  assert.match(r.stderr, /b-binary\.txt: 已跳过：二进制文件/);
  assert.match(r.stderr, /c-empty\.txt: 空文件/);
  assert.match(r.stderr, /d-big\.txt: 已跳过：文件大于 1 MB/);
  assert.equal((r.stderr.match(/e-garbled\.txt/g) ?? []).length, 1, r.stderr);
});

test('unreadable paths and symlink loops: a message per path, the rest checked, exit 2 when a path could not be read', () => {
  const dir = tmp();
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'sub', 'r.txt'), hongze);
  symlinkSync(dir, join(dir, 'sub', 'loop'));
  const r = checkJson([dir, join(dir, 'missing.txt')]);
  assert.equal(r.results.length, 1);
  assert.match(r.stderr, /missing\.txt/);
  assert.equal(r.code, 2);
  assert.equal(checkJson([dir]).code, 1, 'all read: errors found');
  const none = checkJson([join(dir, 'missing.txt')]);
  assert.equal(none.code, 2);
  if (process.getuid?.() !== 0) {
    const locked = join(dir, 'locked.txt');
    writeFileSync(locked, hongze);
    chmodSync(locked, 0);
    assert.match(checkJson([locked]).stderr, /权限/);
  }
});

test('.docx: tables and paragraphs read from Word; positions as paragraph / table row and column', async () => {
  const dir = tmp();
  const text = render(withCell(HUAIAN_2024, 't3', '一', 6, 3120), 'tsv');
  writeFileSync(join(dir, 'report.docx'), await makeDocx(blocksFromTsv(text)));
  const r = checkJson([join(dir, 'report.docx')]);
  const m = r.results[0]!.messages.filter((x) => x.ruleId === 'table-row-total') as unknown as { location: string; message: string }[];
  assert.equal(m.length, 1, JSON.stringify(r.results[0]!.messages.map((x) => x.ruleId)));
  assert.match(m[0]!.message, /总计 3120 ≠ .* = 3119/);
  assert.match(m[0]!.location, /^表 \d+ 第 \d+ 行第 \d+ 列$/);
  const stylish = runCli(['check', join(dir, 'report.docx')]);
  assert.match(stylish.stdout, /表 \d+ 第 \d+ 行第 8 列/);
  const fix = runCli(['check', '--fix', join(dir, 'report.docx')]);
  assert.match(fix.stderr, /--fix 不修改 Word/);
});

test('.html: a published web page with <table>, colspan and &nbsp;', () => {
  const dir = tmp();
  writeFileSync(join(dir, 'page.html'), render(withCell(HUAIAN_2024, 't4', '', 4, 350), 'html').replace('<td>行政复议</td>', '<td colspan="5">行政复议</td>'));
  const r = checkJson([join(dir, 'page.html')]);
  const m = r.results[0]!.messages.filter((x) => x.ruleId === 'table-row-total');
  assert.equal(m.length, 1);
});
