/**
 * Language features over the real protocol: wrong totals (related cells, inlay hints, fix all of
 * one rule), missing sections with their insert-heading fix, hover on a 表三 cell, the status
 * request, and texts that must never bring the server down.
 */
import { beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  HoverRequest,
  InlayHintRequest,
  RequestType,
  type InlayHint,
} from 'vscode-languageserver-protocol/node';
import { LineIndex, lint } from '../../server/src/core';
import { applyLspEdits as apply, editsOf, freshUri, HONGZE_2023 as HONGZE, LspClient, messageText, SEED_000 as SEED, serverForSuite } from '../helpers/lsp';

const WHOLE = { start: { line: 0, character: 0 }, end: { line: 100_000, character: 0 } };
// the same method and shapes as server/src/lsp/status.ts, declared here as a client would
const StatusRequest = new RequestType<{ uri: string }, { format: string | null; errors: number; warnings: number } | null, void>('nianbao/status');

describe('language features over stdio', () => {
  const server = serverForSuite();
  let client: LspClient;
  beforeEach(() => {
    client = server();
  });

  it('a wrong 表四 total points at the cells it adds up, as relatedInformation', async () => {
    const uri = freshUri('hongze');
    await client.open(uri, HONGZE);
    const diags = (await client.diagnostics(uri)).filter((d) => d.code === 'table-row-total');
    const t4 = lint(HONGZE).report.table4!;
    const index = new LineIndex(HONGZE);
    assert.equal(diags.length, 2, 'the two wrong 表四 totals of the Hongze report');
    const review = diags.find((d) => d.range.start.line === index.position(t4.cells[4]!.range.start).line && d.range.start.character === index.position(t4.cells[4]!.range.start).character);
    assert.ok(review, `the 行政复议 总计 cell is flagged: ${JSON.stringify(diags.map((d) => d.range))}`);
    assert.match(messageText(review), /总计 0 ≠ 10\+1\+0\+0 = 11/);
    const related = review.relatedInformation ?? [];
    assert.equal(related.length, 4, 'one related location per part');
    for (let i = 0; i < 4; i++) {
      assert.equal(related[i]!.location.uri, uri);
      assert.deepEqual(related[i]!.location.range.start, index.position(t4.cells[i]!.range.start), `part ${i} points at its cell`);
      assert.ok(related[i]!.message.includes(t4.cells[i]!.raw), related[i]!.message);
    }
  });

  it('inlay hints put the right sum after each wrong total, and the setting turns them off', async () => {
    const uri = freshUri('hongze');
    await client.open(uri, HONGZE);
    await client.diagnostics(uri);
    const hints = (await client.conn.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: WHOLE })) as InlayHint[];
    const t4 = lint(HONGZE).report.table4!;
    const index = new LineIndex(HONGZE);
    assert.deepEqual(
      hints.map((h) => [h.position, h.label]),
      [
        [index.position(t4.cells[4]!.range.end), '= 11'],
        [index.position(t4.cells[14]!.range.end), '= 5'],
      ],
    );
    // a range that holds neither total asks for nothing
    const early = (await client.conn.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } } })) as InlayHint[];
    assert.deepEqual(early, []);
    await client.changeSettings({ inlayHints: false });
    const none = await client.waitForAsync(async () => {
      const h = (await client.conn.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: WHOLE })) as InlayHint[];
      return h.length === 0 ? h : undefined;
    }, 'inlay hints to go');
    assert.deepEqual(none, []);
    await client.changeSettings({});
  });

  it('"fix all of this rule" fixes every wrong total at once and nothing else', async () => {
    const uri = freshUri('hongze');
    await client.open(uri, HONGZE);
    const diags = await client.diagnostics(uri);
    const first = diags.find((d) => d.code === 'table-row-total')!;
    const actions = await client.codeActions(uri, first.range, [first], ['quickfix']);
    const single = actions.filter((a) => a.diagnostics?.length === 1 && a.diagnostics[0]!.code === 'table-row-total');
    assert.equal(single.length, 1, 'the quick fix of the total under the cursor');
    assert.equal(single[0]!.title, '把总计改为 11');
    const all = actions.find((a) => (a.diagnostics?.length ?? 0) > 1);
    assert.ok(all, `a fix-all-of-this-rule action among ${actions.map((a) => a.title).join(' | ')}`);
    assert.match(all.title, /table-row-total/);
    const edits = editsOf(all, uri);
    assert.deepEqual(edits.map((e) => e.newText).sort(), ['11', '5']);
    const fixed = apply(HONGZE, edits);
    const version = await client.change(uri, [{ text: fixed }]);
    const afterFix = await client.diagnostics(uri, version);
    assert.deepEqual(afterFix.map((d) => d.code), diags.filter((d) => d.code !== 'table-row-total').map((d) => d.code), 'only the totals changed');
  });

  it('seed 000 lacks sections 四 and 六: each is reported where it belongs, and the fix inserts the standard heading', async () => {
    const uri = freshUri('seed000');
    await client.open(uri, SEED);
    const diags = await client.diagnostics(uri);
    const missing = diags.filter((d) => d.code === 'section-missing');
    assert.equal(missing.length, 2, diags.map((d) => `${d.code}@${d.range.start.line}`).join(', '));
    const six = missing.find((d) => messageText(d).includes('六、其他需要报告的事项'));
    assert.ok(six, missing.map(messageText).join(' | '));
    const actions = await client.codeActions(uri, six.range, [six], ['quickfix']);
    const insert = actions.find((a) => a.diagnostics?.length === 1 && a.diagnostics[0]!.code === 'section-missing');
    assert.ok(insert, actions.map((a) => a.title).join(' | '));
    const edits = editsOf(insert, uri);
    assert.equal(edits.length, 1);
    assert.deepEqual(edits[0]!.range.start, edits[0]!.range.end, 'an insertion, not a replacement');
    assert.match(edits[0]!.newText, /^六、其他需要报告的事项/);
    const version = await client.change(uri, [{ text: apply(SEED, edits) }]);
    const afterFix = await client.diagnostics(uri, version);
    assert.equal(afterFix.filter((d) => d.code === 'section-missing').length, 1, 'only 四 is still missing');
  });

  it('hover on a 表三 cell names its row and column; on 总计 it shows the sum', async () => {
    const uri = freshUri('hongze');
    await client.open(uri, HONGZE);
    await client.diagnostics(uri);
    const t3 = lint(HONGZE).report.table3!;
    const index = new LineIndex(HONGZE);
    const row = t3.rows.find((r) => r.key.startsWith('二') || r.label.standard.includes('本年新收'))!;
    assert.ok(row, 'the 本年新收 row is read');
    const natural = row.cells[0]!;
    const h1 = await client.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: index.position(natural.range.start) });
    const v1 = h1 && typeof h1.contents === 'object' && 'value' in h1.contents ? h1.contents.value : '';
    assert.match(v1, /表三/);
    assert.ok(v1.includes('本年新收'), v1);
    assert.ok(v1.includes('自然人'), v1);
    assert.ok(v1.includes(natural.raw), v1);
    const total = row.cells[6]!;
    const h2 = await client.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: index.position(total.range.start) });
    const v2 = h2 && typeof h2.contents === 'object' && 'value' in h2.contents ? h2.contents.value : '';
    const sum = row.cells.slice(0, 6).reduce((a, c) => a + (c?.value ?? 0), 0);
    assert.ok(v2.includes(`= ${sum}`), v2);
    assert.ok(v2.includes('✓'), `the 本年新收 total holds: ${v2}`);
    // prose is not a cell
    const h3 = await client.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 1 } });
    assert.equal(h3, null);
  });

  it('nianbao/status gives the format version and the error count the status bar shows', async () => {
    const uri = freshUri('seed000');
    await client.open(uri, SEED);
    const diags = await client.diagnostics(uri);
    const s = await client.conn.sendRequest(StatusRequest, { uri });
    assert.deepEqual(s, { format: '2021', errors: diags.filter((d) => d.severity === 1).length, warnings: diags.filter((d) => d.severity === 2).length });
    assert.ok(s!.errors > 0);
    assert.equal(await client.conn.sendRequest(StatusRequest, { uri: 'untitled:never-opened' }), null);
  });

  it('survives hostile texts: every one gets diagnostics for its own version and the server stays up', async () => {
    const t4line = HONGZE.split('\n').find((l) => /^\s*\d+(\s+\d+){14}\s*$/.test(l)) ?? '0 0 0';
    const texts = [
      '',
      '\ufeff',
      '\0\0\0\u0001',
      '\ud800\udc00\ud800',
      '一、'.repeat(5000),
      '（七）总计'.repeat(2000) + '\n' + '9'.repeat(400),
      SEED.replace(/\n/g, '\r'),
      SEED.split('').reverse().join(''),
      SEED.slice(0, SEED.length / 2),
      `${t4line}\n`.repeat(300),
      HONGZE.replace(/\d/g, '９'),
    ];
    for (const [i, text] of texts.entries()) {
      const uri = freshUri(`hostile${i}`);
      await client.open(uri, text);
      const d = await client.diagnostics(uri);
      assert.ok(Array.isArray(d));
      // and an edit after that is linted too
      const v = await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '政府信息公开工作年度报告\n' }]);
      await client.diagnostics(uri, v);
    }
    assert.equal(client.child.exitCode, null, 'the server is still running');
    assert.ok(!client.logs.some((l) => /uncaught|unhandled/.test(l.message)), client.logs.map((l) => l.message).join('\n'));
  });
});
