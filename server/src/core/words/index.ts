/**
 * Word lists (data, validated with zod when loaded): confused words, standard formulations and
 * the char-repeat whitelist. A config file's `words` extends them without touching code.
 */
import { z } from 'zod';
import type { ResolvedConfig } from '../config';
import typosData from './typos.json';
import phrasesData from './phrases.json';
import whitelistData from './repeat-whitelist.json';

const alternatives = z.string().min(1).optional();

const typosSchema = z.object({
  description: z.string(),
  entries: z.array(
    z.object({ wrong: z.string().min(1), right: z.string().min(1), before: alternatives, after: alternatives }).strict(),
  ),
});

const phrasesSchema = z.object({
  description: z.string(),
  entries: z.array(
    z
      .object({ phrase: z.string().min(2), stem: z.string().min(2).optional(), wrong: z.array(z.string().min(2)).optional() })
      .strict()
      .refine((e) => !e.stem || e.phrase.startsWith(e.stem), 'stem must be the start of phrase'),
  ),
});

const whitelistSchema = z.object({ description: z.string(), entries: z.array(z.string().min(1)) });

function load<T>(schema: z.ZodType<T>, data: unknown, name: string): T {
  const r = schema.safeParse(data);
  if (!r.success) throw new Error(`word list ${name} is invalid: ${z.prettifyError(r.error)}`);
  return r.data;
}

export interface TypoEntry {
  wrong: string;
  right: string;
  /** Alternatives one of which must come right before the wrong form. */
  before?: string[];
  /** Alternatives one of which must come right after it (`#` = any digit). */
  after?: string[];
}

export interface PhraseEntry {
  phrase: string;
  stem?: string;
  wrong: string[];
}

const split = (s?: string) => (s ? s.split('|').filter(Boolean) : undefined);

export const BUILTIN_TYPOS: readonly TypoEntry[] = load(typosSchema, typosData, 'typos.json').entries.map((e) => ({
  wrong: e.wrong,
  right: e.right,
  before: split(e.before),
  after: split(e.after),
}));

export const BUILTIN_PHRASES: readonly PhraseEntry[] = load(phrasesSchema, phrasesData, 'phrases.json').entries.map((e) => ({
  phrase: e.phrase,
  stem: e.stem,
  wrong: e.wrong ?? [],
}));

export const BUILTIN_REPEAT_WHITELIST: readonly string[] = load(whitelistSchema, whitelistData, 'repeat-whitelist.json').entries;

/** Built-in typos plus the config's (`context` = alternatives that must follow, as in the data file). */
export function typoList(config: ResolvedConfig): TypoEntry[] {
  const extra = (config.words.typos ?? []).map((t) => ({ wrong: t.wrong, right: t.right, after: split(t.context) }));
  return [...BUILTIN_TYPOS, ...extra];
}

/**
 * Built-in formulations plus the config's. A configured phrase is checked for truncation: its
 * first two thirds (at least 4 characters) written without the rest.
 */
export function phraseList(config: ResolvedConfig): PhraseEntry[] {
  const extra = (config.words.phrases ?? []).map((p) => ({ phrase: p, stem: p.length >= 6 ? p.slice(0, Math.max(4, Math.ceil((p.length * 2) / 3))) : undefined, wrong: [] }));
  return [...BUILTIN_PHRASES, ...extra];
}

export function repeatWhitelist(config: ResolvedConfig): Set<string> {
  return new Set([...BUILTIN_REPEAT_WHITELIST, ...(config.words.repeatWhitelist ?? [])]);
}
