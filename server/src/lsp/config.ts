/**
 * The configuration of one document: its `nianbao.*` settings (asked from the client per
 * resource, cached until didChangeConfiguration) over the `.nianbaorc.json` found upward from
 * its file (reloaded when the client reports the file changed).
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { resolveConfig, type ConfigFile, type Locale, type ResolvedConfig } from '../core/index';
import { configForFile, loadConfigFile, CONFIG_FILE_NAME, type LoadedConfig } from '../io/config-files';
import { DEFAULT_SETTINGS, parseSettings, type Settings, type SettingsProblem } from './settings';

export interface DocConfig {
  settings: Settings;
  config: ResolvedConfig;
  locale: Locale;
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
    return { settings, ...layerConfig(file.config, settings, this.host.clientLocale) };
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
