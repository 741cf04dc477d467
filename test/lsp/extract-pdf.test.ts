// `nianbao/extractPdf` over stdio: the server reads a PDF for the editor, whose text (opened on
// the client's nianbao-pdf scheme) is then linted like any report.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ExtractPdfRequest } from '../../server/src/lsp/protocol';
import { PDFS } from '../helpers/cli';
import { fileUri, LspClient } from '../helpers/lsp';

describe('nianbao/extractPdf', () => {
  let client: LspClient;
  before(async () => {
    client = new LspClient();
    await client.initialize();
  });
  after(() => client.close());

  it('gives the text and pages of a report PDF; opened as a document, it gets the report’s diagnostics', async () => {
    const r = await client.conn.sendRequest(ExtractPdfRequest, { uri: fileUri(join(PDFS, 'hongze-district-2023.pdf')) });
    assert.ok('text' in r, JSON.stringify(r));
    assert.equal(r.linePages.length, r.text.split('\n').length);
    assert.match(r.text, /2\.其他法律行政止公开\t/);
    const uri = `nianbao-pdf:${join(PDFS, 'hongze-district-2023.pdf')}`;
    await client.open(uri, r.text);
    const diags = await client.diagnostics(uri);
    const ids = diags.map((d) => String(d.code)).sort();
    assert.deepEqual(ids, ['table-label-typo', 'table-row-missing', 'table-row-total', 'table-row-total', 'typo']);
  });

  it('says why a PDF cannot be read, in both languages; a non-file URI is refused', async () => {
    const locked = fileURLToPath(new URL('../fixtures/pdf/user-password.pdf', import.meta.url));
    const r = await client.conn.sendRequest(ExtractPdfRequest, { uri: fileUri(locked) });
    assert.ok('error' in r);
    assert.match(r.error.zh, /需要密码/);
    assert.match(r.error.en, /password/);
    const remote = await client.conn.sendRequest(ExtractPdfRequest, { uri: 'https://example.invalid/r.pdf' });
    assert.ok('error' in remote);
  });
});
