/**
 * What a person sees: code-server in Debian's Chromium, a copy of samples/ opened, the squiggle on
 * 本年度止件数, the quick fix with Ctrl+., a command from F1, fix-all. Screenshots go to test-artifacts/.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT, runDir } from './lib/env';
import { launchBrowser } from './lib/browser';
import { findVsix, installExtension, startCodeServer } from './lib/code-server';
import { eventually, openFile, openWorkbench, problemCounts, quickFix, runCommand, screenshot, selectText, squiggles, visibleText } from './lib/workbench';

const SAMPLE = join(ROOT, 'samples/000.nianbao.txt');
const TYPO_LINE = 34;
/** The fix-all command's title in the F1 list (category 年报检查). */
const FIX_ALL_COMMAND = /修复全部|全部修复|修复所有|Fix All/i;
const noExtension = existsSync(join(ROOT, 'client/src/extension.ts')) ? false : 'the VS Code extension (client/src/extension.ts) has not landed yet';

test('UI self-check: probe extension, squiggle, Ctrl+. quick fix, Ctrl+S', async () => {
  const run = runDir('ui-probe');
  const server = await startCodeServer({ dir: run.dir, smokeTest: true });
  const browser = await launchBrowser(run.dir);
  try {
    const ws = join(run.dir, 'workspace');
    mkdirSync(ws);
    copyFileSync(SAMPLE, join(ws, 'a.txt'));
    const payload = [['extensionDevelopmentPath', server.remoteUri(join(ROOT, 'test/e2e/fixtures/probe-extension'))]];
    const { page } = browser;
    await openWorkbench(page, `${server.url}/?folder=${encodeURIComponent(ws)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    await openFile(page, 'a.txt');
    await squiggles(page).first().waitFor({ timeout: 20_000 });
    assert.match(await selectText(page, '本年度止件数'), new RegExp(`\\b${TYPO_LINE}\\b`));
    await quickFix(page, '本年废止件数', 'ui-probe-quickfix');
    await eventually(async () => assert.match(await visibleText(page), /本年废止件数/));
    await page.keyboard.press('Control+S');
    await eventually(async () => assert.ok(readFileSync(join(ws, 'a.txt'), 'utf8').split('\n')[TYPO_LINE - 1].includes('本年废止件数'), 'saved to disk'));
    await screenshot(page, 'ui-probe-fixed');
  } catch (e) {
    await screenshot(browser.page, 'ui-probe-failure').catch(() => {});
    throw new Error(`${(e as Error).message}\n--- console ---\n${browser.console.slice(-30).join('\n')}`, { cause: e });
  } finally {
    await browser.close();
    await server.stop();
    run.dispose();
  }
});

/** Samples whose errors all have safe fixes: fix-all must leave 0 errors there. The CLI is the oracle. */
function fullyFixableSample(): string {
  const r = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'check', '--format', 'json', join(ROOT, 'samples')], { encoding: 'utf8' });
  const files = JSON.parse(r.stdout) as { filePath: string; messages: { severity: number; fix?: unknown }[] }[];
  const ok = files
    .map((f) => ({ name: basename(f.filePath), errors: f.messages.filter((m) => m.severity === 2) }))
    .filter((f) => f.errors.length > 0 && f.errors.every((m) => m.fix))
    .sort((a, b) => b.errors.length - a.errors.length);
  assert.ok(ok.length, 'some sample has only fixable errors');
  return ok[0].name;
}

function cliErrors(file: string): number {
  const r = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'check', '--format', 'json', file], { encoding: 'utf8' });
  return (JSON.parse(r.stdout) as { errorCount: number }[])[0].errorCount;
}

test('code-server with the packaged extension: squiggles on samples/, Ctrl+. fixes 本年度止件数, fix-all from F1', { skip: noExtension }, async (t) => {
  const vsix = findVsix();
  assert.ok(vsix, 'no .vsix: `npm run package` first (npm run test:e2e does)');
  const run = runDir('ui');
  const ws = join(run.dir, 'samples');
  cpSync(join(ROOT, 'samples'), ws, { recursive: true });
  installExtension(run.dir, vsix);
  const server = await startCodeServer({ dir: run.dir });
  const browser = await launchBrowser(run.dir);
  const { page } = browser;
  try {
    await openWorkbench(page, `${server.url}/?folder=${encodeURIComponent(ws)}`);

    // 1. The squiggles on seed 000, as a person opening it sees them.
    await openFile(page, '000.nianbao.txt');
    const t0 = Date.now();
    await squiggles(page).first().waitFor({ timeout: 20_000 });
    t.diagnostic(`first squiggle ${Date.now() - t0} ms after the editor opened (cold: extension activation and server start included)`);
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel', { hasText: 'table-label-typo' }).first().waitFor();
    await screenshot(page, 'vscode-1-squiggles-and-problems');
    const before = await problemCounts(page);
    assert.ok(before.errors > 0, 'the status bar counts the errors');

    // 2. Ctrl+. on 本年度止件数 (line 34), pick the fix: the text changes, the error goes.
    assert.match(await selectText(page, '本年度止件数'), /\b34\b/);
    const offered = await quickFix(page, '本年废止件数', 'vscode-2-quick-fix-menu');
    t.diagnostic(`quick fixes offered: ${offered.join(' | ')}`);
    await eventually(async () => assert.match(await visibleText(page), /本年废止件数/));
    await eventually(async () => assert.equal((await problemCounts(page)).errors, before.errors - 1));
    await page.keyboard.press('Control+S');
    await eventually(async () => assert.ok(readFileSync(join(ws, '000.nianbao.txt'), 'utf8').split('\n')[TYPO_LINE - 1].includes('本年废止件数'), 'saved to disk'));
    await screenshot(page, 'vscode-3-fixed');

    // 3. A command from F1: fix all, on a sample whose errors all have fixes → 0 errors.
    const name = fullyFixableSample();
    const fileErrors = cliErrors(join(ws, name));
    const othersErrors = (await problemCounts(page)).errors;
    await openFile(page, name);
    // Its errors may lie outside the viewport (no squiggle drawn) and below the other file's rows
    // in the Problems list (which renders only visible rows): count them in the status bar.
    await eventually(async () => assert.equal((await problemCounts(page)).errors, othersErrors + fileErrors), 30_000);
    const labels = await runCommand(page, '年报检查', FIX_ALL_COMMAND, 'vscode-4-command-palette');
    t.diagnostic(`年报检查 commands: ${labels.join(' | ')}`);
    await eventually(async () => assert.equal((await problemCounts(page)).errors, othersErrors), 30_000);
    await page.keyboard.press('Control+S');
    await eventually(async () => assert.equal(cliErrors(join(ws, name)), 0, `${name} still has errors after fix-all`));
    await screenshot(page, 'vscode-5-fix-all');
  } catch (e) {
    await screenshot(page, 'vscode-failure').catch(() => {});
    throw new Error(`${(e as Error).message}\n--- console ---\n${browser.console.filter((l) => /error|nianbao/i.test(l)).slice(-30).join('\n')}`, { cause: e });
  } finally {
    await browser.close();
    await server.stop();
    run.dispose();
  }
});
