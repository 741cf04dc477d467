/**
 * The configuration of one document: its `nianbao.*` settings (asked from the client per
 * resource, cached until didChangeConfiguration) over the `.nianbaorc.json` found upward from
 * its file (reloaded when the client reports the file changed).
 */
import { fileURLToPath } from 'node:url';
import { join, sep } from 'node:path';
import { resolveConfig, SUPPRESSIONS_FILE_NAME, type ConfigFile, type Locale, type ResolvedConfig, type SuppressionEntry } from '../core/index';
import { configForFile, loadConfigFile, CONFIG_FILE_NAME, type LoadedConfig } from '../io/config-files';
import { isIgnored, loadSuppressions, suppressionPath, type LoadedSuppressions } from '../io/suppressions';
import { DEFAULT_SETTINGS, parseSettings, type Settings, type SettingsProblem } from './settings';

export interface DocConfig {
  settings: Settings;
  config: ResolvedConfig;
  locale: Locale;
  /** The config's `ignores` keep this file out: it is not linted. */
  ignored?: boolean;
  /** For a file in a workspace folder: its suppressions file, its key there and its entries. */
  suppressions?: DocSuppressions;
}

export interface DocSuppressions {
  path: string;
  key: string;
  entries: SuppressionEntry[];
}

export interface ConfigHost {
  /** workspace/configuration for section `nianbao`, or undefined when the client cannot answer. */
  fetchSettings(uri: string): Promise<unknown>;
  /** A settings value or config file was bad: tell the user once per distinct problem. */
  warn(message: string): void;
  clientLocale: Locale;
  workspaceFolders: string[];
}

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/**
 * One document's configuration from its settings and its `.nianbaorc.json`: the settings' rules,
 * agencyType and reportYear win over the file's; the locale is the setting's, else the file's,
 * else the editor's. Pure, so the extension's own views (the summary) layer them the same way.
 */
export function layerConfig(file: ConfigFile | undefined, settings: Settings, clientLocale: Locale): { config: ResolvedConfig; locale: Locale } {
  const overrides: Partial<ResolvedConfig> = { rules: settings.rules, agencyType: settings.agencyType === 'auto' ? undefined : settings.agencyType };
  if (settings.reportYear !== null) overrides.reportYear = settings.reportYear;
  const config = resolveConfig(file, overrides);
  const locale: Locale = settings.locale !== 'auto' ? settings.locale : (file?.locale ?? clientLocale);
  config.locale = locale;
  return { config, locale };
}

export class ConfigStore {
  private settingsCache = new Map<string, Promise<Settings>>();
  private suppressionsCache = new Map<string, LoadedSuppressions>();
  private warned = new Set<string>();

  constructor(private host: ConfigHost) {}

  /** Forget cached settings (didChangeConfiguration). */
  clearSettings(): void {
    this.settingsCache.clear();
    this.warned.clear(); // a setting made bad again deserves a new warning
  }

  /** A watched `.nianbaorc.json` changed: read it again on the next lint. */
  reloadConfigFile(uri: string): void {
    const p = uriToPath(uri);
    if (!p) return;
    loadConfigFile(p, false);
    // the file was edited: a problem it still has deserves a new warning
    for (const m of this.warned) if (m.startsWith(`${p}:`)) this.warned.delete(m);
  }

  /** A suppressions file changed (on disk, or written by the server): read it again on the next lint. */
  reloadSuppressions(path: string): void {
    this.suppressionsCache.delete(path);
    for (const m of this.warned) if (m.startsWith(`${path}:`)) this.warned.delete(m);
  }

  forget(uri: string): void {
    this.settingsCache.delete(uri);
  }

  async get(uri: string): Promise<DocConfig> {
    let s = this.settingsCache.get(uri);
    if (!s) {
      s = this.loadSettings(uri);
      this.settingsCache.set(uri, s);
    }
    const settings = await s;
    const file = this.configFile(uri);
    const out: DocConfig = { settings, ...layerConfig(file.config, settings, this.host.clientLocale) };
    const path = uriToPath(uri);
    if (path && isIgnored(path, file)) out.ignored = true;
    const suppressions = path ? this.suppressionsFor(path) : undefined;
    if (suppressions) out.suppressions = suppressions;
    return out;
  }

  /** The suppressions file of the workspace folder holding `file` (the innermost folder), with the file's entries. */
  suppressionsFor(file: string): DocSuppressions | undefined {
    const folder = this.host.workspaceFolders.filter((f) => file.startsWith(f.endsWith(sep) ? f : f + sep)).sort((a, b) => b.length - a.length)[0];
    if (!folder) return undefined;
    const path = join(folder, SUPPRESSIONS_FILE_NAME);
    let loaded = this.suppressionsCache.get(path);
    if (!loaded) this.suppressionsCache.set(path, (loaded = loadSuppressions(path)));
    if (loaded.errors.length) {
      this.warnOnce(
        `${path}: ${loaded.errors.join('; ')} — 年报检查：忽略记录文件无效，请改正或删除，在此之前不忽略任何问题。 / nianbao: invalid suppressions file; fix or delete it (nothing is suppressed until then).`,
      );
    }
    const key = suppressionPath(path, file);
    return { path, key, entries: loaded.errors.length ? [] : (loaded.file.files[key] ?? []) };
  }

  private configFile(uri: string): LoadedConfig {
    const path = uriToPath(uri);
    let loaded: LoadedConfig;
    if (path) loaded = configForFile(path);
    else {
      // an untitled document: the first workspace folder's config, if any
      const root = this.host.workspaceFolders[0];
      loaded = root ? configForFile(join(root, CONFIG_FILE_NAME)) : { errors: [] };
    }
    if (loaded.errors.length) this.warnOnce(`${loaded.path ?? CONFIG_FILE_NAME}: ${loaded.errors.join('; ')}`);
    return loaded;
  }

  private async loadSettings(uri: string): Promise<Settings> {
    let raw: unknown;
    try {
      raw = await this.host.fetchSettings(uri);
    } catch {
      return DEFAULT_SETTINGS;
    }
    const { settings, problems } = parseSettings(raw);
    for (const p of problems) this.warnOnce(settingsWarning(p));
    return settings;
  }

  private warnOnce(message: string): void {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    this.host.warn(message);
  }
}

function settingsWarning(p: SettingsProblem): string {
  return `年报检查：设置 ${p.setting} 无效（${p.message}），已使用默认值。 / nianbao: setting ${p.setting} is invalid (${p.message}); using the default.`;
}
