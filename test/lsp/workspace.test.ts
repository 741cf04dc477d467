/**
 * The server and the files around a report, over the real protocol: `.nianbaorc.json` found
 * upward from the report and picked up live through workspace/didChangeWatchedFiles (which the
 * server asks clients to watch), a broken config file reported and ignored, and the detect
 * mode for plain-text and Markdown documents.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileChangeType, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { lint, resolveConfig } from '../../server/src/core';
import { SEEDS } from '../helpers/cli';
import { fileUri, LspClient, messageText } from '../helpers/lsp';

const SEED_NAME = '000_b5a011f3d089b4ff.txt';
const SEED = readFileSync(join(SEEDS, SEED_NAME), 'utf8');
const codes = (ds: Diagnostic[]) => ds.map((d) => d.code);

describe('workspace files over stdio', () => {
  let client: LspClient;
  let root: string;
  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'nianbao-lsp-ws-'));
    client = new LspClient();
    await client.initialize({ rootUri: fileUri(root), workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } });
  });
  after(async () => {
    await client.close();
    rmSync(root, { recursive: true, force: true });
  });

  /** A folder of its own with a copy of seed 000, opened in the server. */
  async function openSeedIn(name: string, languageId = 'gov-report'): Promise<{ dir: string; uri: string }> {
    const dir = join(root, name);
    mkdirSync(dir, { recursive: true });
    const path = join(dir, `report.nianbao.txt`);
    writeFileSync(path, SEED);
    const uri = fileUri(path);
    await client.open(uri, SEED, languageId);
    return { dir, uri };
  }

  it('asks the client to watch .nianbaorc.json and .nianbao-suppressions.json files', async () => {
    const reg = await client.waitFor(() => client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles'), 5000, 'a watcher registration');
    const watchers = (reg.registerOptions as { watchers: { globPattern: string }[] }).watchers;
    assert.deepEqual(watchers.map((w) => w.globPattern), ['**/.nianbaorc.json', '**/.nianbao-suppressions.json']);
  });

  it('reads .nianbaorc.json from a parent folder and picks up its changes live', async () => {
    const parent = join(root, 'live');
    mkdirSync(parent, { recursive: true });
    const config = join(parent, '.nianbaorc.json');
    writeFileSync(config, JSON.stringify({ rules: { 'table-label-typo': 'warning' } }));
    const { uri } = await openSeedIn('live/sub');
    const first = await client.diagnostics(uri);
    const typo = first.find((d) => d.code === 'table-label-typo');
    assert.equal(typo?.severity, 2, 'the severity from the parent folder’s config');

    writeFileSync(config, JSON.stringify({ rules: { 'table-label-typo': 'off' }, locale: 'en' }));
    await client.filesChanged([{ uri: fileUri(config), type: FileChangeType.Changed }]);
    const changed = await client.waitFor(() => {
      const p = client.published(uri);
      return p && !codes(p.diagnostics).includes('table-label-typo') ? p.diagnostics : undefined;
    }, 10_000, 'the rule turned off by the edited config');
    assert.equal(changed.length, first.length - 1);
    const english = lint(SEED, resolveConfig({ rules: { 'table-label-typo': 'off' }, locale: 'en' })).diagnostics.map((d) => d.message.en);
    assert.deepEqual(changed.map(messageText).sort(), english.sort(), 'English messages from the edited config');

    rmSync(config);
    await client.filesChanged([{ uri: fileUri(config), type: FileChangeType.Deleted }]);
    const back = await client.waitFor(() => {
      const p = client.published(uri);
      return p && codes(p.diagnostics).includes('table-label-typo') ? p.diagnostics : undefined;
    }, 10_000, 'the defaults once the config is deleted');
    assert.equal(back.find((d) => d.code === 'table-label-typo')?.severity, 1, 'default severity error');
  });

  it('a broken .nianbaorc.json is named in a warning, ignored, and the server keeps linting', async () => {
    const dir = join(root, 'broken');
    mkdirSync(dir, { recursive: true });
    const config = join(dir, '.nianbaorc.json');
    writeFileSync(config, '{ "rules": { "table-label-typo": "loud" }, "colour": 1 }');
    const shown = client.messages.length;
    const { uri } = await openSeedIn('broken');
    const diags = await client.diagnostics(uri);
    assert.equal(diags.find((d) => d.code === 'table-label-typo')?.severity, 1, 'the defaults apply');
    const warning = await client.waitFor(() => client.messages.slice(shown).find((m) => m.message.includes('.nianbaorc.json')), 5000, 'a warning');
    assert.equal(warning.type, 2);
    assert.ok(warning.message.includes(config), warning.message);
    assert.match(warning.message, /rules\.table-label-typo|colour/);

    writeFileSync(config, '{ not json');
    await client.filesChanged([{ uri: fileUri(config), type: FileChangeType.Changed }]);
    const json = await client.waitFor(() => client.messages.slice(shown).find((m) => m.message.includes('JSON')), 5000, 'a JSON warning');
    assert.ok(json.message.includes(config));
    // saved again, still broken: warned again, not silently ignored
    const before = client.messages.length;
    await client.filesChanged([{ uri: fileUri(config), type: FileChangeType.Changed }]);
    await client.waitFor(() => client.messages.slice(before).some((m) => m.message === json.message), 5000, 'the warning repeated');

    writeFileSync(config, JSON.stringify({ rules: { 'section-missing': 'off' } }));
    await client.filesChanged([{ uri: fileUri(config), type: FileChangeType.Changed }]);
    await client.waitFor(() => {
      const p = client.published(uri);
      return p && p.diagnostics.length > 0 && !codes(p.diagnostics).includes('section-missing');
    }, 10_000, 'the repaired config to apply');
    assert.equal(client.child.exitCode, null);
  });

  it('detect: a report in Markdown is linted in auto mode, plain notes are not; never leaves them alone, except the own language', async () => {
    const { uri: md } = await openSeedIn('detect-md', 'markdown');
    const auto = await client.diagnostics(md);
    assert.ok(codes(auto).includes('table-label-typo'));

    const notes = fileUri(join(root, 'notes.txt'));
    const notesText = '会议纪要\n\n今天讨论了办公室搬迁，合计 5 项工作。\n';
    await client.open(notes, notesText, 'plaintext');
    assert.deepEqual(await client.diagnostics(notes), [], 'not a report: left alone');

    await client.changeSettings({ detect: 'never' });
    await client.waitFor(() => client.published(md)?.diagnostics.length === 0, 10_000, 'never: diagnostics cleared');
    // its own language is always linted, whatever the mode
    const { uri: own } = await openSeedIn('detect-own');
    assert.ok((await client.diagnostics(own)).length > 0);

    await client.changeSettings({ detect: 'always' });
    const again = await client.waitFor(() => {
      const p = client.published(md);
      return p && p.diagnostics.length > 0 ? p.diagnostics : undefined;
    }, 10_000, 'always: the Markdown report is linted again');
    assert.deepEqual(codes(again), codes(auto));
    // always: the notes are taken for a report, so its missing parts are reported
    await client.change(notes, [{ text: notesText + '\n' }]);
    const forced = await client.waitFor(() => {
      const p = client.published(notes);
      return p && p.diagnostics.length > 0 ? p.diagnostics : undefined;
    }, 10_000, 'always: plain notes are linted as a report');
    assert.ok(codes(forced).includes('section-missing'), codes(forced).join(','));
    await client.changeSettings({});
  });

  it('a document in the report language is linted even before it reads as a report; an empty one is left alone', async () => {
    const draft = fileUri(join(root, 'draft.nianbao.txt'));
    await client.open(draft, '今年我局认真贯彻落实《条例》，主动公开政府信息。\n', 'gov-report');
    assert.ok(codes(await client.diagnostics(draft)).includes('section-missing'));
    const empty = fileUri(join(root, 'empty.nianbao.txt'));
    await client.open(empty, '', 'gov-report');
    assert.deepEqual(await client.diagnostics(empty), []);
  });

  it('closing a document clears its diagnostics', async () => {
    const { uri } = await openSeedIn('close');
    assert.ok((await client.diagnostics(uri)).length > 0);
    await client.closeDocument(uri);
    await client.waitFor(() => client.published(uri)?.diagnostics.length === 0, 5000, 'diagnostics cleared on close');
  });
});
