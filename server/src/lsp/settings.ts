/**
 * Editor settings (`nianbao.*`, per resource through workspace/configuration), validated with
 * zod one setting at a time: a bad value falls back to its default and is reported by name,
 * the rest still apply.
 */
import { z } from 'zod';
import { severitySetting, type Locale } from '../core/index';

export const settingsShape = {
  rules: z.record(z.string(), severitySetting),
  locale: z.enum(['auto', 'zh-CN', 'en']),
  reportYear: z.number().int().min(2000).max(2100).nullable(),
  agencyType: z.enum(['auto', 'department', 'government']),
  detect: z.enum(['auto', 'always', 'never']),
  inlayHints: z.boolean(),
};

export interface Settings {
  rules: Record<string, z.infer<typeof severitySetting>>;
  locale: 'auto' | Locale;
  reportYear: number | null;
  agencyType: 'auto' | 'department' | 'government';
  detect: 'auto' | 'always' | 'never';
  inlayHints: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  rules: {},
  locale: 'auto',
  reportYear: null,
  agencyType: 'auto',
  detect: 'auto',
  inlayHints: true,
};

export interface SettingsProblem {
  /** Full setting name, e.g. `nianbao.locale`. */
  setting: string;
  message: string;
}

/** Validate what the client sent (anything, including null); never throws. */
export function parseSettings(raw: unknown): { settings: Settings; problems: SettingsProblem[] } {
  const settings: Settings = { ...DEFAULT_SETTINGS, rules: {} };
  const problems: SettingsProblem[] = [];
  if (raw === null || raw === undefined) return { settings, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push({ setting: 'nianbao', message: 'expected an object' });
    return { settings, problems };
  }
  const obj = raw as Record<string, unknown>;
  for (const key of Object.keys(settingsShape) as (keyof typeof settingsShape)[]) {
    const value = obj[key];
    if (value === undefined) continue;
    if (key === 'rules') {
      // each rule on its own, so one bad severity does not drop the others
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        problems.push({ setting: 'nianbao.rules', message: 'expected an object of rule id → off | info | warning | error' });
        continue;
      }
      for (const [id, sev] of Object.entries(value)) {
        const r = severitySetting.safeParse(sev);
        if (r.success) settings.rules[id] = r.data;
        else problems.push({ setting: `nianbao.rules.${id}`, message: `${JSON.stringify(sev)} is not one of off, info, warning, error` });
      }
      continue;
    }
    const r = settingsShape[key].safeParse(value);
    if (r.success) (settings as unknown as Record<string, unknown>)[key] = r.data;
    else problems.push({ setting: `nianbao.${key}`, message: `${JSON.stringify(value)}: ${r.error.issues[0]?.message ?? 'invalid'}` });
  }
  return { settings, problems };
}

/** The locale to use when the setting says `auto`: what the client told us at initialize. */
export function clientLocale(initOptionsLocale: unknown, paramsLocale: string | undefined): Locale {
  if (initOptionsLocale === 'en' || initOptionsLocale === 'zh-CN') return initOptionsLocale;
  // Chinese unless English is asked for
  return paramsLocale && /^en\b/i.test(paramsLocale) ? 'en' : 'zh-CN';
}
