/** What a person does in the VS Code workbench, as Playwright steps (selectors from editor-testing.md). */
import type { Page } from 'playwright-core';
import { artifactPath } from './env';

export async function openWorkbench(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  // The explorer shows the folder once the remote connection is up.
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
}

/** Quick Open (Ctrl+P), as a person opens a file by name. */
export async function openFile(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator(`.tabs-container .tab.active[aria-label*="${name}"]`).waitFor();
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor();
}

/** Click into the editor, Find (Ctrl+F), Enter, Escape: the next match is left selected. Returns the status bar's "Ln x, Col y". */
export async function selectText(page: Page, text: string): Promise<string> {
  // Focus may be in a panel (Problems has its own Ctrl+F filter).
  await page.locator('.editor-instance .monaco-editor .view-lines').first().click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+F');
  const input = page.locator('.editor-instance .find-widget textarea').first();
  await input.waitFor();
  await input.fill(text);
  await page.locator('.editor-instance .find-widget .matchesCount', { hasText: /\d+ of \d+|第 \d+ 项/ }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await page.locator('.editor-instance .find-widget.visible').waitFor({ state: 'hidden' });
  await editorFocused(page);
  return (await page.locator('#status\\.editor\\.selection').first().innerText()).trim();
}

/** Until the keyboard focus is in the text editor (after a widget or panel closes). */
export async function editorFocused(page: Page): Promise<void> {
  await page.waitForFunction(() => !!document.activeElement?.closest('.editor-instance .monaco-editor'));
}

/** Ctrl+. opens the quick-fix list; picks the row whose text matches. Returns the rows offered. */
export async function quickFix(page: Page, pick: RegExp | string, shot?: string): Promise<string[]> {
  const rows = page.locator('.action-widget .monaco-list-row');
  // as a person would: when the menu does not come, close whatever came and press again (the
  // probe extension's menu, which has no server behind it, once failed to open on a cold
  // code-server; the server's own side of this is tested in test/lsp/server.test.ts)
  for (let attempt = 1; ; attempt++) {
    await editorFocused(page);
    await page.keyboard.press('Control+.');
    try {
      await rows.filter({ hasText: pick }).first().waitFor({ timeout: 10_000 });
      break;
    } catch (e) {
      if (attempt === 3) throw e;
      await page.keyboard.press('Escape');
    }
  }
  const titles = await rows.allInnerTexts();
  if (shot) await screenshot(page, shot);
  await rows.filter({ hasText: pick }).first().click();
  await rows.first().waitFor({ state: 'hidden' });
  return titles;
}

/** F1 → the command palette → runs the command whose label matches. Returns the labels listed. */
export async function runCommand(page: Page, filter: string, pick: RegExp | string, shot?: string): Promise<string[]> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${filter}`);
  const rows = page.locator('.quick-input-list .monaco-list-row');
  await rows.filter({ hasText: pick }).first().waitFor();
  const labels = await rows.allInnerTexts();
  if (shot) await screenshot(page, shot);
  await rows.filter({ hasText: pick }).first().click();
  return labels;
}

export function squiggles(page: Page, kind: 'error' | 'warning' = 'error') {
  return page.locator(`.editor-instance .monaco-editor .squiggly-${kind}`);
}

/** The text of the visible editor lines (Monaco renders only what is on screen). */
export async function visibleText(page: Page): Promise<string> {
  return page.locator('.editor-instance .monaco-editor .view-lines').first().innerText();
}

/** The status bar's problems counts, e.g. {errors: 3, warnings: 0}. */
export async function problemCounts(page: Page): Promise<{ errors: number; warnings: number }> {
  const label = (await page.locator('#status\\.problems').first().getAttribute('aria-label')) ?? '';
  const num = (re: RegExp) => Number(re.exec(label)?.[1] ?? 0);
  if (/no problems/i.test(label)) return { errors: 0, warnings: 0 };
  return { errors: num(/(\d+)\s*error/i) || num(/errors?:\s*(\d+)/i), warnings: num(/(\d+)\s*warning/i) || num(/warnings?:\s*(\d+)/i) };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const path = artifactPath(`${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** Polls until `check` passes or the time is up; the last failure is rethrown. */
export async function eventually(check: () => Promise<void>, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    try {
      await check();
      return;
    } catch (e) {
      if (Date.now() > end) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
