/**
 * Configuration: `.nianbaorc.json` files and editor settings, validated with zod.
 * Configuration is data only: nothing from a workspace is ever executed.
 */
import { z } from 'zod';
import type { Locale, Severity, SeveritySetting } from './rule';

export const severitySetting = z.enum(['off', 'info', 'warning', 'error']);

/** A user-supplied word-list entry (typos / fixed phrases / repeat whitelist). */
export const wordsSchema = z
  .object({
    typos: z
      .array(z.object({ wrong: z.string().min(1), right: z.string().min(1), context: z.string().optional() }))
      .optional(),
    phrases: z.array(z.string().min(2)).optional(),
    repeatWhitelist: z.array(z.string().min(1)).optional(),
  })
  .strict();

export const configSchema = z
  .object({
    $schema: z.string().optional(),
    rules: z.record(z.string(), severitySetting).optional(),
    locale: z.enum(['zh-CN', 'en']).optional(),
    reportYear: z.number().int().min(2000).max(2100).optional(),
    agencyType: z.enum(['auto', 'department', 'government']).optional(),
    words: wordsSchema.optional(),
    maxFileSizeMB: z.number().positive().optional(),
    /** Globs (relative to the config file's folder) of files never checked: drafts, old years. */
    ignores: z.array(z.string().min(1)).optional(),
  })
  .strict();

export type ConfigFile = z.infer<typeof configSchema>;

export interface ResolvedConfig {
  rules: Record<string, SeveritySetting>;
  locale: Locale;
  reportYear?: number;
  agencyType: 'auto' | 'department' | 'government';
  words: z.infer<typeof wordsSchema>;
  maxFileSizeMB: number;
}

export const DEFAULT_CONFIG: ResolvedConfig = {
  rules: {},
  locale: 'zh-CN',
  agencyType: 'auto',
  words: {},
  maxFileSizeMB: 50,
};

/** Parse a config object; returns readable error lines instead of throwing. */
export function parseConfig(data: unknown): { config?: ConfigFile; errors: string[] } {
  const r = configSchema.safeParse(data);
  if (r.success) return { config: r.data, errors: [] };
  return {
    config: undefined,
    errors: r.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`),
  };
}

/** Merge config layers, later ones winning (rules merged per id). */
export function resolveConfig(...layers: (ConfigFile | Partial<ResolvedConfig> | undefined)[]): ResolvedConfig {
  const out: ResolvedConfig = { ...DEFAULT_CONFIG, rules: {}, words: {} };
  for (const l of layers) {
    if (!l) continue;
    if (l.rules) Object.assign(out.rules, l.rules);
    if (l.locale) out.locale = l.locale;
    if (l.reportYear !== undefined) out.reportYear = l.reportYear;
    if (l.agencyType) out.agencyType = l.agencyType;
    if (l.maxFileSizeMB !== undefined) out.maxFileSizeMB = l.maxFileSizeMB;
    if (l.words) {
      out.words = {
        typos: [...(out.words.typos ?? []), ...(l.words.typos ?? [])],
        phrases: [...(out.words.phrases ?? []), ...(l.words.phrases ?? [])],
        repeatWhitelist: [...(out.words.repeatWhitelist ?? []), ...(l.words.repeatWhitelist ?? [])],
      };
    }
  }
  return out;
}

export function effectiveSeverity(config: ResolvedConfig, id: string, fallback: Severity): SeveritySetting {
  return config.rules[id] ?? fallback;
}
