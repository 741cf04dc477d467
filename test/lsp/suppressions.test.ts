/**
 * Suppressions in the language server: the quick fix “忽略此问题” records the problem in the
 * workspace root's .nianbao-suppressions.json (through workspace/executeCommand) and the problem
 * disappears; it stays away after edits elsewhere; the file read by the CLI is the same; a
 * broken file is named in a warning and then nothing is suppressed; config ignores keep a file
 * out of the editor too.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ExecuteCommandRequest, FileChangeType, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { EXTERNAL, runCli } from '../helpers/cli';
import { fileUri, LspClient } from '../helpers/lsp';
import { tempDir } from '../helpers/tmp';

const codes = (ds: Diagnostic[]) => ds.map((d) => String(d.code));

describe('suppressions in the server', () => {
  let client: LspClient;
  let root: string;
  before(async () => {
    root = tempDir('lsp-suppress');
    client = new LspClient();
    await client.initialize({ rootUri: fileUri(root), workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } });
  });
  after(async () => {
    await client.close();
  });

  it('“忽略此问题” records the problem, which then stays away after edits elsewhere; the CLI honours the same record', async () => {
    const path = join(root, 'hongze.txt');
    copyFileSync(`${EXTERNAL}/hongze-district-2023.txt`, path);
    const text = readFileSync(path, 'utf8');
    const uri = fileUri(path);
    await client.open(uri, text);
    const first = await client.diagnostics(uri);
    const typo = first.find((d) => d.code === 'typo')!;
    assert.ok(typo);
    const actions = await client.codeActions(uri, typo.range, [typo], ['quickfix']);
    const ignore = actions.find((a) => a.title === '忽略此问题（typo）');
    assert.ok(ignore?.command, actions.map((a) => a.title).join(' | '));
    assert.equal(ignore.diagnostics?.[0]?.code, 'typo');
    await client.conn.sendRequest(ExecuteCommandRequest.type, { command: ignore.command.command, arguments: ignore.command.arguments });
    const after = await client.waitFor(() => {
      const p = client.published(uri);
      return p && !codes(p.diagnostics).includes('typo') ? p.diagnostics : undefined;
    }, 10_000, 'the typo gone');
    assert.equal(after.length, first.length - 1, 'only the ignored problem is gone');
    const file = JSON.parse(readFileSync(join(root, '.nianbao-suppressions.json'), 'utf8'));
    assert.deepEqual(file.files['hongze.txt'].map((e: { rule: string; text: string; count: number }) => [e.rule, e.text, e.count]), [['typo', '渠', 1]]);
    // an edit elsewhere (a line above): still suppressed
    const version = await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '（征求意见稿）\n' }]);
    assert.ok(!codes(await client.diagnostics(uri, version)).includes('typo'));
    // the CLI run in the workspace reads the same file
    const cli = runCli(['check', '--format', 'json', 'hongze.txt'], { cwd: root });
    const cliCodes = JSON.parse(cli.stdout)[0].messages.map((m: { ruleId: string }) => m.ruleId);
    assert.ok(!cliCodes.includes('typo'), cli.stderr);
    assert.equal(cliCodes.length, first.length - 1);
  });

  it('a broken suppressions file is named in a warning, and nothing is suppressed until it is fixed', async () => {
    const path = join(root, 'hongze.txt');
    const uri = fileUri(path);
    const sup = join(root, '.nianbao-suppressions.json');
    writeFileSync(sup, '{ "version": 1, "files": { "hongze.txt": [ { "rule": "typo" } ] } }');
    await client.filesChanged([{ uri: fileUri(sup), type: FileChangeType.Changed }]);
    const warning = await client.waitFor(() => client.messages.find((m) => m.message.includes('.nianbao-suppressions.json')), 10_000, 'a warning');
    assert.match(warning.message, /忽略记录文件无效/);
    assert.match(warning.message, /files\.hongze\.txt\.0\.text/);
    await client.waitFor(() => {
      const p = client.published(uri);
      return p && codes(p.diagnostics).includes('typo') ? true : undefined;
    }, 10_000, 'the typo back');
  });

  it('a file in the config’s ignores is not linted', async () => {
    const dir = join(root, 'ignored');
    mkdirSync(join(dir, '草稿'), { recursive: true });
    writeFileSync(join(dir, '.nianbaorc.json'), JSON.stringify({ ignores: ['草稿/**'] }));
    const text = readFileSync(`${EXTERNAL}/hongze-district-2023.txt`, 'utf8');
    const draft = fileUri(join(dir, '草稿', 'a.nianbao.txt'));
    const kept = fileUri(join(dir, 'b.nianbao.txt'));
    await client.open(draft, text);
    await client.open(kept, text);
    assert.deepEqual(await client.diagnostics(draft), []);
    assert.ok((await client.diagnostics(kept)).length > 0);
  });
});
