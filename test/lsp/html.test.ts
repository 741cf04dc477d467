// The language server on web pages: an .html document (language `html`) read as a report under
// nianbao.detect auto, every diagnostic range on rendered text, never inside a tag.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { LineIndex } from '../../server/src/core';
import { EXTERNAL } from '../helpers/cli';
import { serverForSuite } from '../helpers/lsp';
import { publish } from '../helpers/layouts';

describe('language server: HTML documents', () => {
  const server = serverForSuite();

  it('an .html report pasted from Word: the clean text’s findings, no range inside a tag; an .html that is no report is left alone', async () => {
    const text = readFileSync(`${EXTERNAL}/hongze-district-2023.txt`, 'utf8');
    const html = publish(text, 'word-html');
    const uri = 'untitled:hongze-2023.html';
    await server().open(uri, html, 'html');
    const ds = await server().diagnostics(uri);
    // hongze 2023: 表四 does not add up (two sum errors), read from the page's cells
    assert.ok(ds.filter((d) => String(d.code).startsWith('table')).length >= 2, 'the table findings are there');
    assert.ok(ds.every((d) => Number.isInteger(d.range.start.line)));
    const idx = new LineIndex(html);
    const tags = [...html.matchAll(/<!--[\s\S]*?-->|<[^>]*>/g)].map((m) => [m.index!, m.index! + m[0].length] as const);
    const inTag = (at: number) => tags.some(([s, e]) => at > s && at < e);
    for (const d of ds) {
      const s = idx.offset(d.range.start.line, d.range.start.character);
      const e = idx.offset(d.range.end.line, d.range.end.character);
      assert.ok(!inTag(s) && !inTag(e), `${d.code}: ${d.message} at ${JSON.stringify(html.slice(s, e + 10))}`);
      assert.doesNotMatch(typeof d.message === "string" ? d.message : d.message.value, /<\/?[a-z]|mso-|font-family/i);
    }
    const page = 'untitled:news.html';
    await server().open(page, '<html><body><p>本站新闻：今天天气晴。</p></body></html>', 'html');
    assert.deepEqual(await server().diagnostics(page), []);
  });
});
