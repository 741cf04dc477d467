/**
 * A minimal test harness for suites that run inside the VS Code extension host. The host loads
 * the bundled suite and calls its `run()` (the contract `@vscode/test-electron` and code-server's
 * Extension Development Host share); `run()` rejects when a test failed, which makes the host exit
 * with code 1. Results also go to $NIANBAO_E2E_RESULTS as JSON so the node:test driver outside
 * can report each test by name.
 */
import { writeFileSync } from 'node:fs';

export interface HostTestResult {
  name: string;
  ok: boolean;
  ms: number;
  error?: string;
}

type Fn = () => unknown;
const tests: { name: string; fn: Fn; timeoutMs: number }[] = [];

export function test(name: string, fn: Fn, timeoutMs = 30_000): void {
  tests.push({ name, fn, timeoutMs });
}

function withTimeout<T>(p: Promise<T>, ms: number, name: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  const t = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`"${name}" timed out after ${ms} ms`)), ms)));
  return Promise.race([p, t]).finally(() => clearTimeout(timer));
}

/** Runs the registered tests in order; rejects if any failed. */
export async function runAll(): Promise<void> {
  const results: HostTestResult[] = [];
  for (const t of tests) {
    const t0 = Date.now();
    try {
      await withTimeout(Promise.resolve().then(t.fn), t.timeoutMs, t.name);
      results.push({ name: t.name, ok: true, ms: Date.now() - t0 });
      console.log(`[e2e] ok - ${t.name}`);
    } catch (e) {
      const error = e instanceof Error ? (e.stack ?? e.message) : String(e);
      results.push({ name: t.name, ok: false, ms: Date.now() - t0, error });
      console.error(`[e2e] not ok - ${t.name}\n${error}`);
    }
  }
  if (process.env.NIANBAO_E2E_RESULTS) writeFileSync(process.env.NIANBAO_E2E_RESULTS, JSON.stringify(results, null, 2));
  const failed = results.filter((r) => !r.ok).length;
  if (failed) throw new Error(`${failed} of ${results.length} extension-host tests failed`);
}

/** Polls `get` until it returns a value that is not undefined (events race with registration; polling does not). */
export async function waitFor<T>(what: string, get: () => T | undefined | Promise<T | undefined>, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await get();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
