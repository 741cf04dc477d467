/**
 * Language features over the real protocol: wrong totals (related cells, fix all of one rule),
 * missing sections with their insert-heading fix, hover on a 表三 cell.
 */
import { beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { HoverRequest, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { readdirSync, readFileSync } from 'node:fs';
import { LineIndex, lint } from '../../server/src/core';
import { EXTERNAL, SEEDS } from '../helpers/cli';
import { applyLspEdits as apply, editsOf, freshUri, HONGZE_2023 as HONGZE, LspClient, messageText, SEED_000 as SEED, serverForSuite } from '../helpers/lsp';

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

  // the done criterion of the editor issue: after fix-all, what had a fix is gone and nothing new appears
  const corpus = [SEEDS, EXTERNAL].flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => `${dir}/${f}`));
  for (const path of corpus) {
    const name = path.split('/').pop()!;
    it(`source.fixAll on ${name} removes every fixable problem in one go and adds none`, async () => {
      const text = readFileSync(path, 'utf8');
      const uri = freshUri(name);
      await client.open(uri, text);
      const before = await client.diagnostics(uri);
      const fixable = new Set(lint(text).diagnostics.filter((d) => d.fix?.safe).map((d) => `${d.ruleId} ${d.message.zh}`));
      const key = (d: Diagnostic) => `${d.code} ${messageText(d)}`;
      const actions = await client.codeActions(uri, { start: { line: 0, character: 0 }, end: new LineIndex(text).position(text.length) }, before, ['source.fixAll']);
      if (!fixable.size) {
        assert.deepEqual(actions, [], 'nothing to fix, no action');
        return;
      }
      assert.equal(actions.length, 1);
      const version = await client.change(uri, [{ text: apply(text, editsOf(actions[0]!, uri)) }]);
      const afterFix = await client.diagnostics(uri, version);
      assert.deepEqual(afterFix.map(key).sort(), before.filter((d) => !fixable.has(key(d))).map(key).sort());
      const again = await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 100_000, character: 0 } }, afterFix, ['source.fixAll']);
      assert.deepEqual(again, [], 'nothing left for a second fix-all');
    });
  }
});
