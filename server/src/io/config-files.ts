/** Finding and loading `.nianbaorc.json` from a file's folder upward. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseConfig, type ConfigFile } from '../core/config';

export const CONFIG_FILE_NAME = '.nianbaorc.json';

export interface LoadedConfig {
  path?: string;
  config?: ConfigFile;
  /** Readable problems with the config file; the file is then ignored. */
  errors: string[];
}

const cache = new Map<string, LoadedConfig>();

export function findConfigFile(startDir: string): string | undefined {
  let dir = startDir;
  for (;;) {
    const p = join(dir, CONFIG_FILE_NAME);
    if (existsSync(p)) return p;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

export function loadConfigFile(path: string, useCache = true): LoadedConfig {
  if (useCache && cache.has(path)) return cache.get(path)!;
  let result: LoadedConfig;
  try {
    const raw = readFileSync(path, 'utf8').replace(/^\ufeff/, '');
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch (e) {
      result = { path, errors: [`JSON: ${(e as Error).message}`] };
      cache.set(path, result);
      return result;
    }
    const { config, errors } = parseConfig(data);
    result = { path, config, errors };
  } catch (e) {
    result = { path, errors: [(e as Error).message] };
  }
  cache.set(path, result);
  return result;
}

export function configForFile(filePath: string): LoadedConfig {
  const p = findConfigFile(dirname(filePath));
  return p ? loadConfigFile(p) : { errors: [] };
}
