/** Temporary folders for tests, removed when the test process exits (passed or failed). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];
process.on('exit', () => {
  for (const d of made) {
    try {
      rmSync(d, { recursive: true, force: true });
    } catch {
      // a folder a test made unreadable on purpose: leave it to the system's temp cleaning
    }
  }
});

export function tempDir(name: string): string {
  const d = mkdtempSync(join(tmpdir(), `nianbao-${name}-`));
  made.push(d);
  return d;
}
