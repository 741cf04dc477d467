/** The language server over stdio, driven by a real JSON-RPC client (test/helpers/lsp.ts). */
import { beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  DocumentSymbolRequest,
  HoverRequest,
  type Diagnostic,
  type DocumentSymbol,
} from 'vscode-languageserver-protocol/node';
import { LineIndex, lint, resolveConfig } from '../../server/src/core';
import { applyLspEdits as apply, docVersion, editsOf, freshUri, HONGZE_2023 as HONGZE, LspClient, SEED_000 as SEED, serverForSuite } from '../helpers/lsp';

describe('language server over stdio', () => {
  const server = serverForSuite();
  let client: LspClient;
  beforeEach(() => {
    client = server();
  });

  it('publishes a table-label-typo diagnostic with code, source and docs link, and its quick fix removes it', async () => {
    const uri = freshUri();
    await client.open(uri, SEED);
    const diags = await client.diagnostics(uri);
    const typo = diags.find((d) => d.code === 'table-label-typo');
    assert.ok(typo, `no table-label-typo among ${diags.map((d) => d.code).join(', ')}`);
    assert.equal(typo.range.start.line, 33);
    assert.equal(typo.source, 'nianbao');
    assert.match(typo.codeDescription!.href, /table-label-typo/);
    assert.match(msg(typo), /[\u4e00-\u9fff]/, 'messages are Chinese by default');

    const actions = await client.codeActions(uri, typo.range, [typo]);
    const fix = actions.find((a) => a.kind === 'quickfix' && a.diagnostics?.some((d) => d.code === 'table-label-typo'));
    assert.ok(fix, 'a quick fix is offered');
    assert.equal(fix.isPreferred, true);
    const edits = editsOf(fix, uri);
    assert.ok(edits.length > 0);
    assert.equal(docVersion(fix), 1, 'the edit names the linted version');
    const fixed = apply(SEED, edits);
    const version = await client.change(uri, [{ text: fixed }]);
    const after = await client.diagnostics(uri, version);
    assert.ok(!after.some((d) => d.code === 'table-label-typo'), 'the typo is gone after the fix');
    assert.equal(after.length, diags.length - 1, 'nothing else changed');
  });

  it('offers no edits for a version it has not linted', async () => {
    const uri = freshUri();
    await client.open(uri, SEED);
    const diags = await client.diagnostics(uri);
    const typo = diags.find((d) => d.code === 'table-label-typo')!;
    // the change and the request go out together: the request must not get edits for version 1
    const v = client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }]);
    const actions = await client.codeActions(uri, typo.range, [typo]);
    await v;
    for (const a of actions) assert.notEqual(docVersion(a), 1);
  });

  it('code actions asked for right after opening, before any diagnostics, still offer the fix', async () => {
    // the quick-fix menu of an editor that has just opened the report (VS Code asks at once)
    const uri = freshUri();
    const typoRange = { start: { line: 33, character: 12 }, end: { line: 33, character: 18 } };
    const opened = client.open(uri, SEED);
    const actions = await client.codeActions(uri, typoRange, []);
    await opened;
    const fix = actions.find((a) => a.kind === 'quickfix' && a.diagnostics?.some((d) => d.code === 'table-label-typo'));
    assert.ok(fix, `a quick fix among ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.equal(docVersion(fix), 1);
    assert.ok(apply(SEED, editsOf(fix, uri)).split('\n')[33]!.includes('本年废止件数'));
  });

  it('source.fixAll.nianbao is made of small non-overlapping edits that leave no safe fix behind', async () => {
    const uri = freshUri();
    await client.open(uri, SEED);
    const diags = await client.diagnostics(uri);
    const whole = { start: { line: 0, character: 0 }, end: { line: 100000, character: 0 } };
    const actions = await client.codeActions(uri, whole, diags, ['source.fixAll']);
    const fixAll = actions.find((a) => a.kind === 'source.fixAll.nianbao');
    assert.ok(fixAll, 'source.fixAll.nianbao is offered for source.fixAll');
    const edits = editsOf(fixAll, uri);
    assert.ok(edits.length > 0);
    const index = new LineIndex(SEED);
    const spans = edits.map((e) => [index.offset(e.range.start.line, e.range.start.character), index.offset(e.range.end.line, e.range.end.character)] as const);
    for (const [s, e] of spans) assert.ok(e - s < SEED.length / 10, `edit [${s},${e}) is not minimal`);
    const sorted = [...spans].sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < sorted.length; i++) assert.ok(sorted[i]![0] >= sorted[i - 1]![1], 'edits overlap');
    const fixed = apply(SEED, edits);
    const version = await client.change(uri, [{ text: fixed }]);
    await client.diagnostics(uri, version);
    const again = await client.codeActions(uri, whole, [], ['source.fixAll.nianbao']);
    const left = lint(fixed).diagnostics.filter((d) => d.fix?.safe);
    if (!left.length) assert.equal(again.length, 0, 'nothing left to fix');
    assert.ok(left.length < lint(SEED).diagnostics.filter((d) => d.fix?.safe).length);
  });

  it('hover on 表四 总计 shows the equation with the numbers', async () => {
    const uri = freshUri('hongze');
    await client.open(uri, HONGZE);
    await client.diagnostics(uri);
    const t4 = lint(HONGZE).report.table4;
    assert.ok(t4, 'the parser reads 表四 of the Hongze report');
    const index = new LineIndex(HONGZE);
    const total = t4.cells[4]!;
    const parts = t4.cells.slice(0, 4).map((c) => c!.raw);
    const h = await client.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: index.position(total.range.start) });
    assert.ok(h, 'hover answered');
    const text = typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : JSON.stringify(h.contents);
    assert.match(text, /表四/);
    assert.match(text, /行政复议/);
    assert.match(text.split('\n')[0]!, /^\*\*总计 0 ≠ /, 'the equation first');
    for (const p of parts) assert.ok(text.includes(` ${p}`), `part ${p} in ${text}`);
    assert.ok(text.includes(`= ${parts.map(Number).reduce((a, b) => a + b, 0)}`), text);
  });

  it('document symbols list the title, the sections and the tables (not their rows)', async () => {
    const uri = freshUri('hongze');
    await client.open(uri, HONGZE);
    await client.diagnostics(uri);
    const symbols = (await client.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    const names = (list: DocumentSymbol[]): string[] => list.flatMap((s) => [s.name, ...names(s.children ?? [])]);
    const all = names(symbols);
    const report = lint(HONGZE).report;
    assert.ok(report.sections.length >= 6);
    for (const s of report.sections) assert.ok(all.some((x) => x.includes(s.heading.text.trim().slice(0, 6))), `section ${s.heading.text} in outline`);
    assert.ok(all.some((x) => x.startsWith('表三')), 'table 3 in outline');
    const t3 = symbols.flatMap(function walk(s: DocumentSymbol): DocumentSymbol[] {
      return [s, ...(s.children ?? []).flatMap(walk)];
    }).find((s) => s.name.startsWith('表三'))!;
    assert.deepEqual(t3.children ?? [], [], 'no table rows in the outline');
  });

  it('settings: a rule turned off disappears, locale en gives English messages', async () => {
    const uri = freshUri();
    await client.open(uri, SEED);
    const before = await client.diagnostics(uri);
    assert.ok(before.some((d) => d.code === 'table-row-missing'));
    await client.changeSettings({ rules: { 'table-row-missing': 'off' }, locale: 'en' });
    const after = await client.waitFor(() => {
      const p = client.published(uri);
      return p && !p.diagnostics.some((d) => d.code === 'table-row-missing') ? p.diagnostics : undefined;
    });
    assert.equal(after.length, before.filter((d) => d.code !== 'table-row-missing').length);
    assert.ok(after.length > 0);
    const en = lint(SEED, resolveConfig({ locale: 'en', rules: { 'table-row-missing': 'off' } })).diagnostics.map((d) => d.message.en);
    assert.deepEqual(after.map(msg).sort(), en.sort(), 'English messages');
    await client.changeSettings({});
    await client.waitFor(() => client.published(uri)?.diagnostics.some((d) => d.code === 'table-row-missing'));
  });

  it('a bad setting is named in a warning and diagnostics still come', async () => {
    const uri = freshUri();
    const shown = client.messages.length;
    await client.changeSettings({ locale: 'klingon', detect: 42, rules: { 'table-label-typo': 'loud' } });
    await client.open(uri, SEED);
    const diags = await client.diagnostics(uri);
    assert.ok(diags.some((d) => d.code === 'table-label-typo'), 'defaults used for the bad severity');
    const msgs = await client.waitFor(() => (client.messages.length >= shown + 3 ? client.messages.slice(shown) : undefined));
    assert.ok(msgs.some((m) => m.message.includes('nianbao.locale')));
    assert.ok(msgs.some((m) => m.message.includes('nianbao.detect')));
    assert.ok(msgs.some((m) => m.message.includes('nianbao.rules.table-label-typo')));
    assert.ok(msgs.every((m) => m.type === 2), 'warnings');
    await client.changeSettings({});
  });

  it('plain text that is not a report gets no diagnostics; a report in plain text does', async () => {
    const other = freshUri('notes');
    await client.open(other, '今天开会，讨论了三件事。\n一、天气\n合计 5 件。\n', 'plaintext');
    assert.deepEqual(await client.diagnostics(other), []);
    const report = freshUri('plain-report');
    await client.open(report, SEED, 'plaintext');
    assert.ok((await client.diagnostics(report)).length > 0);
    const js = freshUri('code');
    await client.open(js, SEED, 'javascript');
    assert.deepEqual(await client.diagnostics(js), []);
  });

  it('1,000 rapid changes end with the diagnostics of a fresh lint of the final text', async () => {
    const uri = freshUri('rapid');
    await client.open(uri, SEED);
    await client.diagnostics(uri);
    let doc = TextDocument.create(uri, 'gov-report', 1, SEED);
    const index = new LineIndex(SEED);
    const typo = index.position(SEED.indexOf('本年度止件数'));
    let last = 1;
    for (let i = 0; i < 1000; i++) {
      // type and delete characters inside the label with the typo; the last keystroke types
      const change = i % 2 === 0 || i === 999
        ? { range: { start: typo, end: typo }, text: String(i % 10) }
        : { range: { start: typo, end: { line: typo.line, character: typo.character + 1 } }, text: '' };
      last = await client.change(uri, [change]);
      doc = TextDocument.update(doc, [change], last);
    }
    const final = await client.diagnostics(uri, last);
    const fresh = freshUri('fresh');
    await client.open(fresh, doc.getText());
    const expected = await client.diagnostics(fresh);
    assert.deepEqual(final.map(strip), expected.map(strip));
    const initial = lint(SEED).diagnostics.length;
    assert.ok(doc.getText() !== SEED && final.length > 0 && initial > 0);
  });
});

function msg(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

function strip(d: Diagnostic) {
  return { range: d.range, code: d.code, message: msg(d), severity: d.severity };
}
