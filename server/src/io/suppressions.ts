/** Reading and writing `.nianbao-suppressions.json` (the format is core/suppressions.ts). */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, sep } from 'node:path';
import { emptySuppressions, formatSuppressions, matchesGlob, parseSuppressions, type SuppressionsFile } from '../core/suppressions';
import type { LoadedConfig } from './config-files';

export interface LoadedSuppressions {
  path: string;
  file: SuppressionsFile;
  /** Readable problems (bad JSON, a field of the wrong kind); the file is then not used. */
  errors: string[];
}

/** The file at `path`; a missing file is an empty one (nothing suppressed yet). */
export function loadSuppressions(path: string): LoadedSuppressions {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8').replace(/^\ufeff/, '');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { path, file: emptySuppressions(), errors: [] };
    return { path, file: emptySuppressions(), errors: [(e as Error).message] };
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (e) {
    return { path, file: emptySuppressions(), errors: [`JSON: ${(e as Error).message}`] };
  }
  const { file, errors } = parseSuppressions(data);
  return { path, file: file ?? emptySuppressions(), errors };
}

export function saveSuppressions(path: string, file: SuppressionsFile): void {
  writeFileSync(path, formatSuppressions(file));
}

/** A file's key in the suppressions file: its path from the file's folder, `/`-separated. */
export function suppressionPath(suppressionsFile: string, file: string): string {
  return relative(dirname(suppressionsFile), file).split(sep).join('/');
}

/** Whether the config's `ignores` globs (relative to the config file's folder) keep `file` out. */
export function isIgnored(file: string, loaded: LoadedConfig): boolean {
  const globs = loaded.errors.length ? undefined : loaded.config?.ignores;
  if (!globs?.length || !loaded.path) return false;
  const rel = relative(dirname(loaded.path), file).split(sep).join('/');
  if (rel.startsWith('../')) return false;
  return globs.some((g) => matchesGlob(rel, g));
}
