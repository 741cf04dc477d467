/** Debian's Chromium driven by playwright-core (no browser download: the machine reaches only npm and apt). */
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { join } from 'node:path';
import { e2ePaths, isolatedEnv } from './env';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--lang=zh-CN'];

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Console lines the page printed (the extension host's output is forwarded there). */
  console: string[];
  close(): Promise<void>;
}

export async function launchBrowser(dir: string): Promise<Browser> {
  // A persistent context owns its profile folder; a --user-data-dir argument would fight Playwright's.
  const context = await chromium.launchPersistentContext(join(dir, 'chromium-profile'), {
    executablePath: e2ePaths().chromium,
    headless: true,
    args: ARGS,
    env: isolatedEnv(dir) as Record<string, string>,
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timeout: 60_000,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const lines: string[] = [];
  page.on('console', (m) => lines.push(`[${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => lines.push(`[pageerror] ${e.message}`));
  return { context, page, console: lines, close: () => context.close() };
}
