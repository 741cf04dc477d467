/**
 * The language server with files on disk (.nianbaorc.json picked up live), inlay hints, the
 * status request, the IPC transport the extension uses, and texts that must not bring it down.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createProtocolConnection,
  DidChangeWatchedFilesNotification,
  DocumentSymbolRequest,
  FileChangeType,
  HoverRequest,
  InitializeRequest,
  InlayHintRequest,
  IPCMessageReader,
  IPCMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { LineIndex, lint } from '../../server/src/core';
import { StatusRequest } from '../../server/src/lsp/protocol';
import { EXTERNAL, SEEDS } from '../helpers/cli';
import { fileUri, LspClient, SERVER } from '../helpers/lsp';

const SEED = readFileSync(`${SEEDS}/000_b5a011f3d089b4ff.txt`, 'utf8');
const HONGZE = readFileSync(`${EXTERNAL}/hongze-district-2023.txt`, 'utf8');

describe('language server with a workspace on disk', () => {
  let client: LspClient;
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nianbao-lsp-'));
    client = new LspClient();
    await client.initialize({ rootUri: fileUri(dir) });
  });
  after(async () => {
    await client.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('.nianbaorc.json changes apply as soon as the client reports them', async () => {
    const file = join(dir, 'report.nianbao.txt');
    writeFileSync(file, SEED);
    const uri = fileUri(file);
    await client.open(uri, SEED);
    const before = await client.diagnostics(uri);
    assert.ok(before.some((d) => d.code === 'table-label-typo'));
    const rc = join(dir, '.nianbaorc.json');
    writeFileSync(rc, JSON.stringify({ rules: { 'table-label-typo': 'off' } }));
    await client.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: fileUri(rc), type: FileChangeType.Created }] });
    await client.waitFor(() => (client.published(uri)?.diagnostics.some((d) => d.code === 'table-label-typo') === false ? true : undefined));
    writeFileSync(rc, JSON.stringify({ rules: { 'table-label-typo': 'info' } }));
    await client.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: fileUri(rc), type: FileChangeType.Changed }] });
    const d = await client.waitFor(() => client.published(uri)?.diagnostics.find((x) => x.code === 'table-label-typo'));
    assert.equal(d.severity, 3, 'info');
    // a broken config file: named in a warning, ignored, diagnostics still come
    const shown = client.messages.length;
    writeFileSync(rc, '{ "rules": ');
    await client.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: fileUri(rc), type: FileChangeType.Changed }] });
    const msg = await client.waitFor(() => client.messages.slice(shown).find((m) => m.message.includes('.nianbaorc.json')));
    assert.equal(msg.type, 2);
    const again = await client.waitFor(() => client.published(uri)?.diagnostics.find((x) => x.code === 'table-label-typo' && x.severity === 1));
    assert.ok(again, 'defaults again');
    rmSync(rc);
  });

  it('inlay hints after each wrong total (setting on by default), none when turned off', async () => {
    const uri = 'untitled:hongze-hints.nianbao.txt';
    await client.open(uri, HONGZE);
    await client.diagnostics(uri);
    const expected = lint(HONGZE).diagnostics.filter((d) => d.hint);
    assert.ok(expected.length > 0, 'the Hongze 2023 report has a wrong total');
    const index = new LineIndex(HONGZE);
    const range = { start: { line: 0, character: 0 }, end: index.position(HONGZE.length) };
    const hints = (await client.conn.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range })) ?? [];
    assert.deepEqual(
      hints.map((h) => [h.position, h.label]),
      expected.map((d) => [index.position(d.range.end), d.hint]),
    );
    await client.changeSettings({ inlayHints: false });
    // settings are re-read on didChangeConfiguration; the hints follow the new lint
    const off = await pollUntil(async () => {
      const h = (await client.conn.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range })) ?? [];
      return h.length === 0 ? h : undefined;
    });
    assert.deepEqual(off, []);
    await client.changeSettings({});
  });

  it('nianbao/status gives the format and the counts the diagnostics have', async () => {
    const uri = 'untitled:status.nianbao.txt';
    await client.open(uri, SEED);
    const diags = await client.diagnostics(uri);
    const s = await client.conn.sendRequest(StatusRequest, { uri });
    assert.ok(s);
    assert.equal(s.format, lint(SEED).report.format);
    assert.equal(s.errors, diags.filter((d) => d.severity === 1).length);
    assert.equal(s.warnings, diags.filter((d) => d.severity === 2).length);
    assert.equal(await client.conn.sendRequest(StatusRequest, { uri: 'untitled:never-opened' }), null);
  });

  it('texts that are hard to read never bring it down: every request still answers', async () => {
    const nasty = [
      '',
      '\r\r\n\n\r',
      '\ud800\udfff\ud800 一、总体情况\n二、主动公开政府信息情况\n总计\t\t\t',
      '三、收到和处理政府信息公开申请情况\n（七）总计 99999999999999999999 -1 1e9 NaN\n四、\n'.repeat(50),
      SEED.slice(0, SEED.length / 2),
      SEED.replace(/\t/g, ''),
      '表三\n'.repeat(3000),
      `${'一'.repeat(200_000)}\n二、主动公开政府信息情况`,
    ];
    for (const [i, text] of nasty.entries()) {
      const uri = `untitled:nasty-${i}.nianbao.txt`;
      await client.open(uri, text);
      const diags = await client.diagnostics(uri);
      assert.ok(Array.isArray(diags));
      const index = new LineIndex(text);
      await client.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
      for (let line = 0; line < Math.min(index.lineCount, 40); line++) {
        await client.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character: 1 } });
      }
    }
    assert.equal(client.child.exitCode, null, 'still running');
  });
});

describe('IPC transport (as the VS Code extension starts it)', () => {
  it('answers initialize and publishes diagnostics over node IPC', async () => {
    const child = fork(SERVER, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const conn = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    const got = new Promise<number>((resolve) => conn.onNotification('textDocument/publishDiagnostics', (p: { diagnostics: unknown[] }) => resolve(p.diagnostics.length)));
    conn.listen();
    try {
      const init = await conn.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null });
      assert.ok(init.capabilities.codeActionProvider);
      await conn.sendNotification('initialized', {});
      await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: 'untitled:ipc.nianbao.txt', languageId: 'gov-report', version: 1, text: SEED } });
      assert.equal(await got, lint(SEED).diagnostics.length);
    } finally {
      conn.dispose();
      child.kill();
    }
  });
});

async function pollUntil<T>(f: () => Promise<T | undefined>, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}
