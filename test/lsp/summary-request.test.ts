/**
 * `nianbao/summary` over stdio (the request the extension's summary panel sends; the extension
 * lints nothing itself): one open report, the folders of a workspace, the exports, bad params.
 * The core, run here, is the oracle; the places must be the Problems panel's diagnostics.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { consolidate, lint, normalizeReport, summarySheets, toCsv, toMarkdown, toTsv } from '../../server/src/core';
import { SummaryRequest } from '../../server/src/lsp/protocol';
import { fileUri, HONGZE_2023, LspClient, SEED_000 } from '../helpers/lsp';

describe('nianbao/summary over stdio', () => {
  let client: LspClient;
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nianbao-summary-'));
    client = new LspClient();
    await client.initialize({ rootUri: fileUri(dir) });
  });
  after(async () => {
    await client.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('one open report: the core\'s summary, its sheets, and its problems by line exactly where the diagnostics are', async () => {
    const uri = 'untitled:hongze-summary.nianbao.txt';
    await client.open(uri, HONGZE_2023);
    const diags = await client.diagnostics(uri);
    const r = await client.conn.sendRequest(SummaryRequest, { uri });
    assert.ok(r, 'an open report has a summary');
    const expected = consolidate([{ file: 'hongze-summary.nianbao.txt', report: normalizeReport(lint(HONGZE_2023)) }]);
    assert.deepEqual(r.summary, JSON.parse(JSON.stringify(expected)));
    assert.equal(r.kind, 'report');
    assert.equal(r.locale, 'zh-CN');
    assert.equal(r.version, 1);
    assert.deepEqual(r.sheets, JSON.parse(JSON.stringify(summarySheets(expected, 'zh-CN'))));
    assert.ok(r.summary.tables?.checks.some((c) => c.ok === false), 'the Hongze 2023 report has a wrong total');
    // problems by place: one report, its lines ascending, every diagnostic once at its range
    assert.equal(r.places.length, 1);
    const place = r.places[0]!;
    assert.equal(place.uri, uri);
    const lines = place.lines.map((l) => l.line);
    assert.deepEqual(lines, [...new Set(lines)].sort((a, b) => a - b), 'each line once, in order');
    for (const l of place.lines) for (const i of l.items) assert.equal(i.range.start.line + 1, l.line);
    const key = (code: unknown, range: { start: { line: number; character: number }; end: { line: number; character: number } }) => `${code}@${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
    assert.deepEqual(place.lines.flatMap((l) => l.items.map((i) => key(i.ruleId, i.range))).sort(), diags.map((d) => key(d.code, d.range)).sort());
    assert.ok(place.lines.every((l) => l.items.every((i) => /\p{Script=Han}/u.test(i.message))), 'messages in Chinese by default');
  });

  it('exports: Markdown, TSV and CSV as the CLI writes them, XLSX as a workbook', async () => {
    const uri = 'untitled:seed-export.nianbao.txt';
    await client.open(uri, SEED_000);
    await client.diagnostics(uri);
    const summary = consolidate([{ file: 'seed-export.nianbao.txt', report: normalizeReport(lint(SEED_000)) }]);
    const md = await client.conn.sendRequest(SummaryRequest, { uri, export: 'md' });
    assert.deepEqual(md?.export, { format: 'md', encoding: 'utf8', data: toMarkdown(summary, 'zh-CN') });
    const tsv = await client.conn.sendRequest(SummaryRequest, { uri, export: 'tsv' });
    assert.equal(tsv?.export?.data, toTsv(summary, 'zh-CN', ['t2', 't3', 't4']));
    const csv = await client.conn.sendRequest(SummaryRequest, { uri, export: 'csv' });
    assert.equal(csv?.export?.data, toCsv(summary, 'zh-CN'));
    const xlsx = await client.conn.sendRequest(SummaryRequest, { uri, export: 'xlsx' });
    assert.equal(xlsx?.export?.encoding, 'base64');
    const bytes = Buffer.from(xlsx!.export!.data, 'base64');
    assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'a zip (xlsx) file');
    assert.ok(bytes.includes(Buffer.from('xl/worksheets/')), 'with worksheets');
  });

  it('folders: every report under them consolidated (an open document\'s unsaved text wins), non-reports counted, problems by report', async () => {
    const ws = join(dir, 'reports');
    mkdirSync(join(ws, 'sub'), { recursive: true });
    writeFileSync(join(ws, 'a.txt'), SEED_000);
    writeFileSync(join(ws, 'sub', 'b.md'), HONGZE_2023);
    writeFileSync(join(ws, 'notes.txt'), '会议纪要：本年度止件数待核。\n');
    // a.txt is open with other text than on disk: the summary reads the editor's
    const a = fileUri(join(ws, 'a.txt'));
    await client.open(a, HONGZE_2023, 'plaintext');
    const r = await client.conn.sendRequest(SummaryRequest, { folders: [fileUri(ws)] });
    assert.ok(r);
    assert.equal(r.kind, 'consolidated');
    assert.deepEqual(r.summary.roster.map((x) => x.file), ['reports/a.txt', 'reports/sub/b.md']);
    assert.equal(r.summary.roster[0]!.agency, r.summary.roster[1]!.agency, 'a.txt was read from the editor (the Hongze report), not from disk (seed 000)');
    assert.ok(r.summary.notes.some((n) => n.zh.includes('1 个')), `the non-report is counted: ${JSON.stringify(r.summary.notes)}`);
    assert.deepEqual(r.places.map((p) => p.file), ['reports/a.txt', 'reports/sub/b.md']);
    assert.deepEqual(r.places.map((p) => p.uri), [a, fileUri(join(ws, 'sub', 'b.md'))]);
    assert.ok(r.sheets.some((s) => s.id === 'roster'));
    await client.closeDocument(a);
  });

  it('the locale setting switches the sheets, the messages and the exports to English', async () => {
    const uri = 'untitled:seed-en.nianbao.txt';
    await client.changeSettings({ locale: 'en' });
    try {
      await client.open(uri, SEED_000);
      const r = await client.waitForAsync(async () => {
        const x = await client.conn.sendRequest(SummaryRequest, { uri, export: 'md' });
        return x?.locale === 'en' ? x : undefined;
      }, 'an English summary');
      assert.equal(r.sheets.find((s) => s.id === 't3')?.name, 'Table 3');
      assert.deepEqual(r.places[0]!.lines.flatMap((l) => l.items.map((i) => i.message)).sort(), lint(SEED_000).diagnostics.map((d) => d.message.en).sort(), 'English messages');
      assert.equal(r.export?.data, toMarkdown(consolidate([{ file: 'seed-en.nianbao.txt', report: normalizeReport(lint(SEED_000)) }]), 'en'));
    } finally {
      await client.changeSettings({});
    }
  });

  it('bad or unknown params answer null, and the server stays up', async () => {
    for (const p of [null, {}, { uri: 42 }, { folders: [] }, { folders: [1] }, { uri: 'untitled:never-opened' }, { folders: ['untitled:x'] }, 'text']) {
      assert.equal(await client.conn.sendRequest(SummaryRequest.method, p), null, JSON.stringify(p));
    }
    const uri = 'untitled:still-up.nianbao.txt';
    await client.open(uri, SEED_000);
    assert.ok(await client.conn.sendRequest(SummaryRequest, { uri, export: 'pdf' as never }), 'an unknown export format is ignored');
  });
});
