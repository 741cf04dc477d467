/**
 * What a person sees: code-server in Debian's Chromium, a copy of samples/ opened, the squiggle on
 * 本年度止件数, the quick fix with Ctrl+., a command from F1, fix-all. Screenshots go to test-artifacts/.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runDir } from './lib/env';
import { launchBrowser } from './lib/browser';
import { startCodeServer } from './lib/code-server';
import { eventually, selectText, openFile, openWorkbench, quickFix, screenshot, squiggles, visibleText } from './lib/workbench';

const SAMPLE = join(ROOT, 'samples/000.nianbao.txt');
const TYPO_LINE = 34;

test('UI self-check: probe extension, squiggle, Ctrl+. quick fix, Ctrl+S', async () => {
  const run = runDir('ui-probe');
  const server = await startCodeServer({ dir: run.dir, smokeTest: true });
  const browser = await launchBrowser(run.dir);
  try {
    const ws = join(run.dir, 'workspace');
    (await import('node:fs')).mkdirSync(ws);
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
