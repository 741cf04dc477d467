/**
 * What a drafter sees in code-server (Debian's Chromium, the packaged extension), issue 15
 * faults 5, 9 and 11: the squiggle on a wrong 表四 total is on that cell; its hover starts with
 * the equation; Ctrl+. offers the fix and 忽略此问题, which records the problem in
 * .nianbao-suppressions.json; on a half-width document each squiggle is one mark wide.
 * Screenshots go to test-artifacts/ (current ones are copied to docs/images/ for the README).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runDir } from './lib/env';
import { launchBrowser } from './lib/browser';
import { findVsix, installExtension, startCodeServer } from './lib/code-server';
import { editorFocused, eventually, openFile, openWorkbench, quickFix, screenshot, selectText, squiggles } from './lib/workbench';

const noExtension = existsSync(join(ROOT, 'client/src/extension.ts')) ? false : 'the VS Code extension has not landed yet';

/** Widths in pixels of the squiggles drawn. */
async function widths(page: import('playwright-core').Page, kind: 'error' | 'warning'): Promise<number[]> {
  return squiggles(page, kind).evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
}

test('code-server: squiggle on the wrong 表四 total, its hover, Ctrl+. with 忽略此问题; one squiggle per half-width mark', { skip: noExtension }, async (t) => {
  const vsix = findVsix();
  assert.ok(vsix, 'no .vsix: `npm run package` first (npm run test:e2e does)');
  const run = runDir('ui-precision');
  const ws = join(run.dir, 'samples');
  cpSync(join(ROOT, 'samples'), ws, { recursive: true });
  installExtension(run.dir, vsix);
  const server = await startCodeServer({ dir: run.dir });
  const browser = await launchBrowser(run.dir);
  const { page } = browser;
  try {
    await openWorkbench(page, `${server.url}/?folder=${encodeURIComponent(ws)}`);

    // 1. Hongze 2023, line 138: 表四's 行政复议 总计 is 0 where 10+1+0+0 = 11.
    await openFile(page, 'hongze-district-2023.nianbao.txt');
    assert.match(await selectText(page, '10 1 0 0 0 0 0 0 0 0 5'), /\b138\b/);
    await page.keyboard.press('ArrowLeft'); // the start of the row
    for (let i = 0; i < 9; i++) await page.keyboard.press('ArrowRight'); // onto the fifth cell, the total
    await squiggles(page).first().waitFor({ timeout: 20_000 });
    const errorWidths = await widths(page, 'error');
    t.diagnostic(`error squiggles in view: ${errorWidths.map((w) => w.toFixed(0)).join(', ')} px`);
    assert.ok(errorWidths.some((w) => w > 0 && w < 30), 'a squiggle one cell wide');
    await screenshot(page, 'precision-1-squiggle-on-wrong-total');

    // 2. The hover (Ctrl+K Ctrl+I, as from the keyboard): the equation first.
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    // the problem's own hover comes first; ours is the block that explains the total
    const ours = page.locator('.monaco-hover .hover-contents', { hasText: /总计应等于各项之和|The total must equal/ }).first();
    await ours.waitFor({ timeout: 15_000 });
    const hoverText = (await ours.innerText()).trim();
    t.diagnostic(`hover: ${hoverText.replace(/\s+/g, ' ')}`);
    // Chinese by default, English where the UI language says so: the first line is the equation
    assert.match(hoverText.split('\n')[0]!, /^(总计 0 ≠ 10\+1\+0\+0 = 11（总计少 11）|total 0 ≠ 10\+1\+0\+0 = 11 \(the total is 11 short\)) ✗$/);
    await screenshot(page, 'precision-2-hover-equation-first');
    await page.keyboard.press('Escape');
    await editorFocused(page);

    // 3. Ctrl+.: the fix and 忽略此问题; ignoring records the problem on disk and the squiggle goes.
    const offered = await quickFix(page, /忽略此问题（table-row-total）|Ignore this problem \(table-row-total\)/, 'precision-3-quick-fix-menu');
    t.diagnostic(`quick fixes offered: ${offered.join(' | ')}`);
    assert.ok(offered.some((o) => /把总计改为 11|Set the total to 11/.test(o)), offered.join(' | '));
    const file = join(ws, '.nianbao-suppressions.json');
    await eventually(async () => {
      assert.ok(existsSync(file), 'the suppressions file is written');
      const entries = JSON.parse(readFileSync(file, 'utf8')).files['hongze-district-2023.nianbao.txt'];
      assert.deepEqual(entries.map((e: { rule: string; text: string }) => [e.rule, e.text]), [['table-row-total', '0']]);
    }, 20_000);
    await eventually(async () => assert.equal((await widths(page, 'error')).length, errorWidths.length - 1, 'one squiggle fewer'), 20_000);

    // 4. Seed 001, half-width throughout: every squiggle is one mark wide (it was one over the whole document).
    await openFile(page, '001.nianbao.txt');
    await squiggles(page, 'warning').first().waitFor({ timeout: 20_000 });
    const marks = await widths(page, 'warning');
    t.diagnostic(`warning squiggles in view: ${marks.length}, widest ${Math.max(...marks).toFixed(0)} px`);
    assert.ok(marks.length >= 5, `${marks.length} squiggles in view`);
    assert.ok(Math.max(...marks) < 30, 'none wider than a mark');
    await screenshot(page, 'precision-4-half-width-marks');
  } catch (e) {
    await screenshot(page, 'precision-failure').catch(() => {});
    throw new Error(`${(e as Error).message}\n--- console ---\n${browser.console.filter((l) => /error|nianbao/i.test(l)).slice(-30).join('\n')}`, { cause: e });
  } finally {
    await browser.close();
    await server.stop();
    run.dispose();
  }
});
