/**
 * 年报检查：生成汇总表 (nianbao.showSummary) as a person uses it in code-server with the packaged
 * extension: a report whose 表三 row 一 has a wrong total (3120, the applicants add up to 3119) and a
 * label typo; the command from F1; the summary webview (nested iframes in the browser DOM) shows a
 * ✗ on that total with its equation, follows the colour theme and runs under a strict CSP;
 * clicking the ✗ or a problem selects that place in the report; typing the right number there
 * turns the webview's checks ✓ (and it keeps its scroll place); "save as CSV" and "save as XLSX"
 * through the save dialog write the summary beside the report; "copy as Markdown" puts it on the clipboard.
 * The core, run here in the test process, is the oracle for ranges, counts and the CSV.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { consolidate, lint, normalizeReport, toCsv, toMarkdown, type Locale } from '../../server/src/core';
import { toXlsx } from '../../server/src/io/summary-xlsx';
import { HUAIAN_2024, render, withCell } from '../helpers/layouts';
import { ROOT, runDir } from './lib/env';
import { launchBrowser } from './lib/browser';
import { installExtension, startCodeServer } from './lib/code-server';
import { eventually, openFile, openWorkbench, runCommand, screenshot, squiggles } from './lib/workbench';

const noExtension = existsSync(join(ROOT, 'client/src/summary/panel.ts')) ? false : 'the summary webview (client/src/summary) has not landed yet';
const SHOW_SUMMARY = /生成汇总表|Show the summary/i;
const NAME = 'huaian-2024.nianbao.txt';

/** The report: 淮安 2024 as a Markdown pipe table (no tabs, so the status bar's column is the UTF-16 column), 一/总计 3120 instead of 3119, and 本年度止件数 for 本年废止件数 in 表二. */
function reportText(): string {
  const text = render(withCell(HUAIAN_2024, 't3', '一', 6, 3120), 'markdown').replace('本年废止件数', '本年度止件数');
  assert.ok(!text.includes('\t'));
  return text;
}

function findVsix(): string | undefined {
  if (process.env.NIANBAO_E2E_VSIX) return process.env.NIANBAO_E2E_VSIX;
  const all = readdirSync(ROOT).filter((f) => f.endsWith('.vsix')).map((f) => join(ROOT, f));
  return all.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
}

/** Every sheet's name and cell values, as a reader of the workbook sees them. */
async function workbookValues(data: Buffer): Promise<[string, unknown[]][]> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => [ws.name, ws.getSheetValues()]);
}

/** 1-based line and column of a UTF-16 offset, as VS Code's status bar counts them (no tabs in the text). */
function lineCol(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset);
  const nl = before.lastIndexOf('\n');
  return { line: before.split('\n').length, col: offset - nl };
}

/** The status bar's cursor position (the selection's active end): "Ln 24, Col 42 (4 selected)" or "行 24，列 42 (已选择 4)". */
async function cursor(page: Page): Promise<{ line: number; col: number; selected: number }> {
  const s = (await page.locator('#status\\.editor\\.selection').first().innerText()).trim();
  const n = s.match(/\d+/g)?.map(Number) ?? [];
  assert.ok(n.length >= 2, `status bar selection "${s}"`);
  return { line: n[0]!, col: n[1]!, selected: n[2] ?? 0 };
}

/**
 * The summary's document: code-server puts a webview in an iframe (VS Code's pre/index.html) that
 * hosts the extension's HTML in a nested iframe, replaced whenever the extension sets new HTML,
 * so it is looked up afresh each time: the frame whose <h1> names the report.
 */
async function summaryFrame(page: Page, ms = 30_000): Promise<Frame> {
  let found: Frame | undefined;
  await eventually(async () => {
    found = undefined;
    for (const f of page.frames()) {
      if (f === page.mainFrame() || f.isDetached()) continue;
      const h1 = await f.locator('h1').first().textContent({ timeout: 500 }).catch(() => null);
      if (h1?.includes(NAME)) found = f;
    }
    assert.ok(found, `a webview frame titled with ${NAME} among ${page.frames().map((f) => f.url().slice(0, 80)).join(' ; ')}`);
  }, ms);
  return found!;
}

/** Runs `check` against the current summary frame until it passes (the frame is replaced when the report changes). */
async function inSummary(page: Page, check: (f: Frame) => Promise<void>, ms = 30_000): Promise<void> {
  await eventually(async () => check(await summaryFrame(page, 5_000)), ms);
}

/** A CSS colour as the workbench resolves it (e.g. var(--vscode-errorForeground) → "rgb(…)"). */
async function workbenchColor(page: Page, cssColor: string): Promise<string> {
  return page.evaluate((c) => {
    const d = document.createElement('div');
    d.style.color = c;
    document.querySelector('.monaco-workbench')!.appendChild(d);
    const v = getComputedStyle(d).color;
    d.remove();
    return v;
  }, cssColor);
}

async function webviewColors(f: Frame): Promise<{ background: string; foreground: string; fail: string }> {
  return f.evaluate(() => ({
    background: getComputedStyle(document.body).backgroundColor,
    foreground: getComputedStyle(document.body).color,
    fail: getComputedStyle(document.querySelector('.check-fail')!).color,
  }));
}

async function workbenchColors(page: Page): Promise<{ background: string; foreground: string; fail: string }> {
  return {
    background: await workbenchColor(page, 'var(--vscode-editor-background)'),
    foreground: await workbenchColor(page, 'var(--vscode-editor-foreground)'),
    fail: await workbenchColor(page, 'var(--vscode-errorForeground)'),
  };
}

test('summary webview: ✗ on a wrong total with its equation, click leads to the cell, theme, CSP, fix turns ✓, save as CSV and XLSX, copy as Markdown', { skip: noExtension }, async (t) => {
  const vsix = findVsix();
  assert.ok(vsix, 'no .vsix: `npm run package` first (npm run test:e2e does)');
  const run = runDir('summary');
  const ws = join(run.dir, 'reports');
  mkdirSync(ws);
  const text = reportText();
  writeFileSync(join(ws, NAME), text);

  // The oracle: the core's own summary of this text.
  const report = normalizeReport(lint(text));
  const rowTotal = report.problems.find((p) => p.ruleId === 'table-row-total')?.items[0];
  const typo = report.problems.find((p) => p.ruleId === 'table-label-typo')?.items[0];
  assert.ok(rowTotal && typo, 'the core reports the wrong total and the typo');
  const cell = text.indexOf('| 3120 |') + 2;
  assert.deepEqual(rowTotal.range, { start: cell, end: cell + 4 }, 'table-row-total sits on the 3120');
  const failing = consolidate([{ file: NAME, report }]).tables!.checks.filter((c) => c.ok === false);
  assert.ok(failing.length >= 1);
  // the equation as the diagnostic writes it (表三「…」行：总计 3120 ≠ 3001+53+61+4+0+0 = 3119): the summary must say the same
  const equation = /总计 (3120 ≠ [\d+]+ = 3119)$/.exec(lint(text).diagnostics.find((d) => d.ruleId === 'table-row-total')!.message.zh)?.[1];
  assert.ok(equation, 'the diagnostic\'s equation');

  installExtension(run.dir, vsix);
  const server = await startCodeServer({ dir: run.dir });
  const browser = await launchBrowser(run.dir);
  const { page } = browser;
  try {
    await openWorkbench(page, `${server.url}/?folder=${encodeURIComponent(ws)}`);
    await openFile(page, NAME);
    await squiggles(page).first().waitFor({ timeout: 30_000 });
    // the status bar speaks Chinese although the workbench is in English (no language pack): issue 15 fault 7
    const item = page.locator('.statusbar-item', { hasText: /年报|Report/ }).first();
    await eventually(async () => assert.match((await item.innerText()).trim(), /^年报 2021版格式 · \d+ 个错误$/));
    await page.setViewportSize({ width: 1280, height: 800 });

    // 1. F1 → 年报检查：生成汇总表; the webview opens beside the report.
    const labels = await runCommand(page, '年报检查', SHOW_SUMMARY, 'summary-1-command');
    t.diagnostic(`年报检查 commands: ${labels.join(' | ')}`);
    let frame = await summaryFrame(page, 60_000);
    const locale: Locale = (await frame.evaluate(() => document.documentElement.lang)) === 'en' ? 'en' : 'zh-CN';
    t.diagnostic(`webview locale ${locale}`);

    // 2. The ✗ on 一/总计 with its equation, the status line counting the failing checks.
    await inSummary(page, async (f) => {
      const td = f.locator('table.sheet-t3 td[data-table="t3"][data-row="一"][data-col="6"]');
      assert.equal((await td.innerText()).replace(/\s+/g, ' ').trim(), '3120 ✗');
      assert.match((await td.getAttribute('class')) ?? '', /\bfails\b/);
      assert.equal(await td.locator('.check-fail').count(), 1);
      assert.ok(((await td.getAttribute('title')) ?? '').includes(equation), `the cell's title has ${equation}`);
      const status = (await f.locator('p.status').innerText()).trim();
      assert.match(status, new RegExp(`\\b${failing.length}\\b`));
      assert.match((await f.locator('p.status').getAttribute('class')) ?? '', /check-fail/);
      // the check list names the equation on a ✗ row
      const row = f.locator('tr', { has: f.locator('td.check-fail', { hasText: '✗' }) }).filter({ hasText: equation });
      assert.equal(await row.count(), 1, 'one ✗ row in the check list with the equation');
      // at 1280 px beside the report the page itself never scrolls sideways: wide tables scroll in their own box
      const overflow = await f.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 1, `the page is ${overflow} px wider than the panel`);
      // headings: none empty, none twice
      const hs = await f.locator('h1, h2, h3').allInnerTexts();
      assert.ok(hs.every((h) => h.trim()), JSON.stringify(hs));
      const h2 = await f.locator('h2').allInnerTexts();
      assert.deepEqual(h2, [...new Set(h2)], 'no heading twice');
    });
    const kindShown = await (await summaryFrame(page)).evaluate(() => (document.body.classList.contains('vscode-dark') ? 'dark' : 'light'));
    await screenshot(page, `summary-panel-${kindShown}`);

    // 3. A strict CSP, declared and enforced.
    frame = await summaryFrame(page);
    const csp = (await frame.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')) ?? '';
    t.diagnostic(`CSP: ${csp}`);
    const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map((d) => [d[0]!, d.slice(1)]));
    assert.deepEqual(directives.get('default-src'), ["'none'"], csp);
    const scriptSrc = directives.get('script-src') ?? [];
    assert.ok(scriptSrc.length === 1 && /^'nonce-[A-Za-z0-9+/=]{16,}'$/.test(scriptSrc[0]!), `script-src is one nonce: ${csp}`);
    assert.deepEqual(directives.get('style-src'), scriptSrc, `style-src is the nonce too: ${csp}`);
    assert.doesNotMatch(csp, /unsafe-|https?:|\*|data:|blob:/, csp);
    const enforced = await frame.evaluate(async () => {
      const w = window as unknown as { __injected?: number };
      const violated: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => violated.push(e.effectiveDirective));
      const s = document.createElement('script');
      s.textContent = 'window.__injected = 1';
      document.head.appendChild(s);
      const st = document.createElement('style');
      st.textContent = 'body { background: rgb(255, 0, 1) !important; }';
      document.head.appendChild(st);
      const styled = getComputedStyle(document.body).backgroundColor === 'rgb(255, 0, 1)';
      for (let i = 0; i < 30 && violated.length < 2; i++) await new Promise((r) => setTimeout(r, 100));
      s.remove();
      st.remove();
      // VS Code's own API script (#_vscodeApiScript) is put before the CSP meta tag, where no policy applies yet.
      const scripts = Array.from(document.querySelectorAll('script')).filter((x) => x.id !== '_vscodeApiScript');
      return { ran: w.__injected === 1, styled, violated: violated.sort(), ownScriptsNonced: scripts.length > 0 && scripts.every((x) => !!x.nonce) };
    });
    assert.deepEqual(enforced, { ran: false, styled: false, violated: ['script-src-elem', 'style-src-elem'], ownScriptsNonced: true }, 'an injected inline script and style are blocked');

    // 4. Theme: the webview's colours are the workbench's, before and after switching between a light and a dark theme.
    const kind = async () => (await summaryFrame(page)).evaluate(() => document.body.classList.contains('vscode-dark') ? 'dark' : 'light');
    const kind0 = await kind();
    const before = await workbenchColors(page);
    await inSummary(page, async (f) => assert.deepEqual(await webviewColors(f), before));
    await runCommand(page, 'Color Theme', /Preferences: Color Theme|首选项: 颜色主题/);
    const themes = page.locator('.quick-input-list .monaco-list-row');
    const other = kind0 === 'dark' ? 'Light Modern' : 'Dark Modern';
    await page.locator('.quick-input-widget input').fill(other);
    await themes.filter({ hasText: other }).first().waitFor();
    await page.keyboard.press('Enter');
    await themes.first().waitFor({ state: 'hidden' });
    await eventually(async () => assert.notEqual((await workbenchColors(page)).background, before.background), 15_000);
    const after = await workbenchColors(page);
    await inSummary(page, async (f) => assert.deepEqual(await webviewColors(f), after));
    assert.notEqual(await kind(), kind0);
    t.diagnostic(`theme colours followed (${kind0} → ${other}): ${JSON.stringify(before)} → ${JSON.stringify(after)}`);
    await screenshot(page, `summary-panel-${await kind()}`);

    // 5. Clicking the ✗ selects the 3120 in the report.
    // The status bar shows where the cursor is: the end of the selection (anchor at the start).
    const want = lineCol(text, cell + 4);
    await page.locator('.editor-instance .monaco-editor .view-lines').first().click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+Home');
    await eventually(async () => assert.deepEqual(await cursor(page), { line: 1, col: 1, selected: 0 }));
    frame = await summaryFrame(page);
    await frame.locator('table.sheet-t3 td[data-table="t3"][data-row="一"][data-col="6"] .check-fail').click();
    await eventually(async () => assert.deepEqual(await cursor(page), { ...want, selected: 4 }), 15_000);
    await page.locator(`.editor-group-container.active .tab.active[aria-label*="${NAME}"]`).waitFor({ timeout: 10_000 });
    await screenshot(page, 'summary-4-revealed-cell');

    // 6. Clicking a problem (the label typo in 表二) selects it.
    const typoAt = lineCol(text, typo.range.end);
    frame = await summaryFrame(page);
    // problems are listed by line; the message leads to its place
    await frame.locator(`section.problems td.msg[data-start="${typo.range.start}"]`).first().click();
    await eventually(async () => assert.deepEqual(await cursor(page), { ...typoAt, selected: typo.range.end - typo.range.start }), 15_000);

    // 7. Back to the ✗ through the check list, with the keyboard (focus, Enter); type the right total: the webview turns ✓.
    frame = await summaryFrame(page);
    const checkFail = frame.locator('table.sheet-checks td.check-fail', { hasText: '✗' }).first();
    assert.equal(await checkFail.getAttribute('tabindex'), '0', 'the ✗ can be reached with Tab');
    await checkFail.focus();
    await page.keyboard.press('Enter');
    await eventually(async () => assert.deepEqual(await cursor(page), { ...want, selected: 4 }), 15_000);
    // The check list is far down the page: the webview keeps its place when the report changes.
    const scrolled = await frame.evaluate(() => window.scrollY);
    assert.ok(scrolled > 200, `the webview scrolled to the check list (${scrolled})`);
    await page.keyboard.type('3119');
    await inSummary(page, async (f) => {
      assert.equal(await f.locator('.check-fail').count(), 0, 'no ✗ left');
      const y = await f.evaluate(() => window.scrollY);
      assert.ok(Math.abs(y - scrolled) < 50, `the webview stays where it was scrolled: ${y}, was ${scrolled}`);
      assert.match((await f.locator('p.status').getAttribute('class')) ?? '', /check-ok/);
      assert.equal((await f.locator('table.sheet-t3 td[data-table="t3"][data-row="一"][data-col="6"]').innerText()).trim(), '3119');
    });
    await screenshot(page, 'summary-5-fixed');

    // 8. Save as CSV: the save dialog offers <report>-汇总.csv beside the report; Enter saves it.
    //    The summary is of the editor's text (unsaved): the core's CSV of that text is the oracle.
    const fixed = text.slice(0, cell) + '3119' + text.slice(cell + 4);
    const expectedCsv = toCsv(consolidate([{ file: NAME, report: normalizeReport(lint(fixed)) }]), locale);
    const csvPath = join(ws, NAME.replace(/\.[^.]+$/, '') + '-汇总.csv');
    frame = await summaryFrame(page);
    await frame.locator('button[data-action="save"][data-format="csv"]').click();
    const dialog = page.locator('.quick-input-widget input');
    await dialog.waitFor({ timeout: 15_000 });
    await eventually(async () => assert.match(await dialog.inputValue(), /-汇总\.csv$/));
    await screenshot(page, 'summary-6-save-dialog');
    await page.keyboard.press('Enter');
    await eventually(async () => assert.ok(existsSync(csvPath), `${csvPath} written`), 15_000);
    await eventually(async () => assert.equal(readFileSync(csvPath, 'utf8'), expectedCsv), 5_000);
    // a confirmation naming the saved file
    await page.locator('.notifications-toasts', { hasText: csvPath }).first().waitFor({ timeout: 15_000 });
    await screenshot(page, 'summary-7-saved');
    assert.equal(readFileSync(join(ws, NAME), 'utf8'), text, 'the report itself is not saved by the summary');

    // 8b. Save as XLSX the same way (exceljs is loaded on first use from the package's dist/vendor):
    //     the workbook's sheets and cell values are those of the core's own workbook of that text.
    const xlsxPath = join(ws, NAME.replace(/\.[^.]+$/, '') + '-汇总.xlsx');
    frame = await summaryFrame(page);
    await frame.locator('button[data-action="save"][data-format="xlsx"]').click();
    await dialog.waitFor({ timeout: 15_000 });
    await eventually(async () => assert.match(await dialog.inputValue(), /-汇总\.xlsx$/));
    await page.keyboard.press('Enter');
    await eventually(async () => assert.ok(existsSync(xlsxPath) && statSync(xlsxPath).size > 0, `${xlsxPath} written`), 30_000);
    const expectedXlsx = await toXlsx(consolidate([{ file: NAME, report: normalizeReport(lint(fixed)) }]), locale);
    await eventually(async () => assert.deepEqual(await workbookValues(readFileSync(xlsxPath)), await workbookValues(expectedXlsx)), 10_000);

    // 9. Copy as Markdown: the workbench's clipboard holds the core's Markdown of the same text.
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await page.evaluate(() => navigator.clipboard.writeText('-'));
    frame = await summaryFrame(page);
    await frame.locator('button[data-action="copy"][data-format="md"]').click();
    const expectedMd = toMarkdown(consolidate([{ file: NAME, report: normalizeReport(lint(fixed)) }]), locale);
    await eventually(async () => assert.equal(await page.evaluate(() => navigator.clipboard.readText()), expectedMd), 15_000);
  } catch (e) {
    await screenshot(page, 'summary-failure').catch(() => {});
    throw new Error(`${(e as Error).message}\n--- console ---\n${browser.console.filter((l) => /error|nianbao|webview/i.test(l)).slice(-30).join('\n')}`, { cause: e });
  } finally {
    await browser.close();
    await server.stop();
    run.dispose();
  }
});
