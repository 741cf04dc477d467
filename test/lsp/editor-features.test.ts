/**
 * What the editor shows, over the real protocol. punctuation-width's squiggles sit on the marks
 * (seed 001 was one squiggle from 1:4 to 345:397). the outline holds the title, the sections, their
 * sub-headings and the tables (never a table's rows); a hover on a wrong total starts with the
 * equation, the cells' values and by how much it is off.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DocumentSymbolRequest, HoverRequest, type DocumentSymbol } from 'vscode-languageserver-protocol/node';
import { LineIndex, lint } from '../../server/src/core';
import { EXTERNAL, SEEDS } from '../helpers/cli';
import { applyLspEdits, editsOf, freshUri, HONGZE_2023 as HONGZE, serverForSuite } from '../helpers/lsp';

const flat = (s: DocumentSymbol[]): DocumentSymbol[] => s.flatMap((x) => [x, ...flat(x.children ?? [])]);

describe('outline and hover', () => {
  const server = serverForSuite();

  it('seed 001 (half-width throughout): each squiggle is one mark, and fix-all converts them all', async () => {
    const client = server();
    const text = readFileSync(`${SEEDS}/001_fef44fb29382a984.txt`, 'utf8');
    const uri = freshUri('seed001');
    await client.open(uri, text);
    const diags = (await client.diagnostics(uri)).filter((d) => d.code === 'punctuation-width');
    assert.equal(diags.length, 94);
    const index = new LineIndex(text);
    for (const d of diags) {
      assert.equal(d.range.start.line, d.range.end.line);
      assert.equal(d.range.end.character - d.range.start.character, 1);
      const mark = text[index.offset(d.range.start.line, d.range.start.character)]!;
      assert.match(mark, /^[,;:?!()]$/, JSON.stringify(d.range));
    }
    const actions = await client.codeActions(uri, diags[0]!.range, [diags[0]!], ['quickfix']);
    const one = actions.find((a) => a.diagnostics?.length === 1)!;
    assert.equal(editsOf(one, uri).length, 1, 'the quick fix changes its mark only');
    const all = actions.find((a) => (a.diagnostics?.length ?? 0) === 94);
    assert.ok(all, actions.map((a) => a.title).join(' | '));
    const version = await client.change(uri, [{ text: applyLspEdits(text, editsOf(all, uri)) }]);
    assert.deepEqual((await client.diagnostics(uri, version)).filter((d) => d.code === 'punctuation-width'), []);
  });

  it('each diagnostic links to its rule’s page, shipped beside the server (a file: link the editor opens itself)', async () => {
    const client = server();
    const uri = freshUri('hongze');
    await client.open(uri, HONGZE);
    const diags = await client.diagnostics(uri);
    assert.ok(diags.length > 3);
    for (const d of diags) {
      const href = d.codeDescription!.href;
      assert.match(href, new RegExp(`^file:///.*/docs/rules/${String(d.code)}\\.md$`), href);
      assert.equal(readFileSync(fileURLToPath(href), 'utf8').split('\n')[0], `# ${String(d.code)}`);
    }
  });

  it('the outline of the Hongze report: title, six sections, their sub-headings, three tables, nothing else', async () => {
    const client = server();
    const uri = freshUri('hongze');
    await client.open(uri, HONGZE);
    const symbols = (await client.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    const tree = (s: DocumentSymbol[]): unknown[] => s.map((x) => (x.children?.length ? [x.name, tree(x.children)] : x.name));
    assert.deepEqual(tree(symbols), [
      '洪泽区人民政府 2023 年政府信息公开工作年度报告',
      ['一、总体情况', ['（一）主动公开情况。', '（二）依申请公开情况。', '（三）政府信息管理情况。', '（四）政府信息公开平台建设情况。', '（五）政府信息公开监督保障情况。']],
      ['二、主动公开政府信息情况', ['表二 主动公开政府信息情况']],
      ['三、收到和处理政府信息公开申请情况', ['表三 收到和处理政府信息公开申请情况']],
      ['四、政府信息公开行政复议、行政诉讼情况', ['表四 政府信息公开行政复议、行政诉讼情况']],
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
  });

  it('on every corpus report no outline entry lies inside a table but the table itself', async () => {
    const client = server();
    const files = [SEEDS, EXTERNAL].flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => `${dir}/${f}`));
    for (const path of files) {
      const text = readFileSync(path, 'utf8');
      const report = lint(text).report;
      const index = new LineIndex(text);
      const tables = [report.table2, report.table3, report.table4].filter((t) => t !== undefined);
      const uri = freshUri('corpus');
      await client.open(uri, text);
      const symbols = flat((await client.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[]);
      for (const s of symbols) {
        const start = index.offset(s.range.start.line, s.range.start.character);
        const end = index.offset(s.range.end.line, s.range.end.character);
        if (tables.some((t) => start === t.range.start && end === t.range.end)) continue; // a table itself
        const inside = tables.find((t) => start >= t.range.start && end <= t.range.end);
        assert.equal(inside, undefined, `${path}: “${s.name}” is inside a table`);
      }
      await client.closeDocument(uri);
    }
  });

  it('hover on a wrong total: the first line is the equation with the values and the difference, then the explanation', async () => {
    const client = server();
    const uri = freshUri('hongze');
    await client.open(uri, HONGZE);
    await client.diagnostics(uri);
    const t4 = lint(HONGZE).report.table4!;
    const index = new LineIndex(HONGZE);
    const at = async (offset: number) => {
      const h = await client.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: index.position(offset) });
      return h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '';
    };
    const wrong = (await at(t4.cells[4]!.range.start)).split('\n');
    assert.equal(wrong[0], '**总计 0 ≠ 10+1+0+0 = 11**（总计少 11） ✗');
    assert.ok(wrong.slice(1).join('\n').includes('表四** · 行政复议 · 总计'), wrong.join('\n'));
    assert.ok(wrong.slice(1).join('\n').includes('结果维持 10 + 结果纠正 1'), wrong.join('\n'));
    // the diagnostic on the same cell uses the same notation
    const diag = (await client.diagnostics(uri)).find((d) => d.code === 'table-row-total' && d.range.start.line === index.position(t4.cells[4]!.range.start).line);
    assert.ok(diag && String(diag.message).includes('总计 0 ≠ 10+1+0+0 = 11'));
    const right = (await at(t4.cells[9]!.range.start)).split('\n');
    assert.equal(right[0], '总计 0 = 0+0+0+0 ✓');
    await client.changeSettings({ locale: 'en' });
    await client.diagnostics(uri);
    const en = (await at(t4.cells[4]!.range.start)).split('\n');
    assert.equal(en[0], '**total 0 ≠ 10+1+0+0 = 11** (the total is 11 short) ✗');
  });
});
