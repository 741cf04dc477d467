/**
 * Word lists (data, with zod schemas checked by the tests): confused words, standard formulations and
 * the char-repeat whitelist. A config file's `words` extends them without touching code.
 */
import { z } from 'zod';
import type { ResolvedConfig } from '../config';
import typosData from './typos.json';
import phrasesData from './phrases.json';
import whitelistData from './repeat-whitelist.json';
import citationsData from './citations.json';
import agencyNamesData from './agency-names.json';
import breakdownData from './breakdown-kinds.json';
import confusionsData from './confusions.json';
import format2021 from '../format/format-2021.json';
import format2019 from '../format/format-2019.json';
import pageChromeData from './page-chrome.json';

const alternatives = z.string().min(1).optional();

const typosSchema = z.object({
  description: z.string(),
  entries: z.array(
    z
      .object({
        wrong: z.string().min(1),
        right: z.string().min(1),
        before: alternatives,
        after: alternatives,
        notBefore: alternatives,
        notAfter: alternatives,
        notLater: alternatives,
      })
      .strict(),
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

const whitelistSchema = z
  .object({
    description: z.string(),
    particles: z.array(z.string().length(1)),
    known: z.array(z.string().min(2)),
    entries: z.array(z.string().min(1)),
  })
  .strict();

const citationsSchema = z.object({
  description: z.string(),
  entries: z.array(
    z
      .object({ code: z.string().min(2), number: z.number().int().positive(), year: z.number().int().min(1949).max(2100), context: alternatives, title: z.string().min(1) })
      .strict(),
  ),
});

const confusionsSchema = z
  .object({ description: z.string(), source: z.string(), terms: z.array(z.string().min(4)), sets: z.record(z.string().length(1), z.string().min(1)) })
  .strict()
  .refine((d) => Object.entries(d.sets).every(([right, wrongs]) => !wrongs.includes(right)), 'a character is not confused with itself');

const agencyNamesSchema = z
  .object({
    description: z.string(),
    entries: z.array(z.object({ canonical: z.string().min(1), names: z.array(z.string().min(1)) }).strict()),
  })
  .strict()
  .refine((d) => {
    const all = d.entries.flatMap((e) => [e.canonical, ...e.names]);
    return new Set(all).size === all.length;
  }, 'a name may belong to one entry only');
const breakdownSchema = z
  .object({
    description: z.string(),
    kinds: z.array(z.object({ kind: z.string().min(1), words: z.array(z.string().min(2)).min(1) }).strict()),
  })
  .strict();

/** parse/html.ts reads it (web-page chrome lines are blanked); validated here with the others. */
const pageChromeSchema = z
  .object({ description: z.string(), prefixes: z.array(z.string().min(2)), words: z.array(z.string().min(1)), breadcrumbRoots: z.array(z.string().min(2)) })
  .strict()
  .refine((d) => [...d.prefixes, ...d.words, ...d.breadcrumbRoots].every((w) => !/[\\^$.*+?()[\]{}|]/.test(w)), 'no regular-expression characters');

/** The built-in files are validated by the tests (test/core/data.test.ts), not at every start. */
function load<T>(_schema: z.ZodType<T>, data: unknown): T {
  return data as T;
}

/** Readable problems of each built-in word list against its schema (empty when all are valid). */
export function wordListProblems(): string[] {
  const lists: [string, z.ZodType, unknown][] = [
    ['typos.json', typosSchema, typosData],
    ['phrases.json', phrasesSchema, phrasesData],
    ['repeat-whitelist.json', whitelistSchema, whitelistData],
    ['citations.json', citationsSchema, citationsData],
    ['agency-names.json', agencyNamesSchema, agencyNamesData],
    ['breakdown-kinds.json', breakdownSchema, breakdownData],
    ['confusions.json', confusionsSchema, confusionsData],
    ['page-chrome.json', pageChromeSchema, pageChromeData],
  ];
  return lists.flatMap(([name, schema, data]) => {
    const r = schema.safeParse(data);
    return r.success ? [] : [`${name}: ${z.prettifyError(r.error)}`];
  });
}

export interface TypoEntry {
  wrong: string;
  right: string;
  /** Alternatives one of which must come right before the wrong form. */
  before?: string[];
  /** Alternatives one of which must come right after it (`#` = any digit, ASCII or full-width). */
  after?: string[];
  /** Alternatives none of which may come right before it (干部暑期 is not a 部署 typo). */
  notBefore?: string[];
  /** Alternatives none of which may come right after it (发布署名 is not a 部署 typo). */
  notAfter?: string[];
  /** Alternatives none of which may come later in the same clause (既使…又… is 既…又…, not 即使). */
  notLater?: string[];
}

export interface PhraseEntry {
  phrase: string;
  stem?: string;
  wrong: string[];
}

const split = (s?: string) => (s ? s.split('|').filter(Boolean) : undefined);

const LISTED_TYPOS: readonly TypoEntry[] = load(typosSchema, typosData).entries.map((e) => ({
  wrong: e.wrong,
  right: e.right,
  before: split(e.before),
  after: split(e.after),
  notBefore: split(e.notBefore),
  notAfter: split(e.notAfter),
  notLater: split(e.notLater),
}));

/** The format's fixed terms: every label, heading and topic of both templates, cut at punctuation, runs of 4+ Han characters; and the domain's terms listed in confusions.json. */
export function formatTerms(): string[] {
  const texts = formatTexts(['title', 'label', 'columnGroups', 'name']);
  const terms = new Set<string>();
  for (const t of texts) {
    const body = t.replace(/^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.．、])/, '');
    for (const seg of body.split(/[^\u4e00-\u9fff]+/)) if (seg.length >= 4) terms.add(seg);
  }
  for (const t of load(confusionsSchema, confusionsData).terms) terms.add(t);
  return [...terms];
}

/** Every string of the templates under one of `keys` (all strings when keys is empty). */
function formatTexts(keys: string[]): string[] {
  const out: string[] = [];
  const walk = (o: unknown, key: string): void => {
    if (typeof o === 'string') {
      if (!keys.length || keys.includes(key)) out.push(o);
    } else if (Array.isArray(o)) for (const x of o) walk(x, key);
    else if (o && typeof o === 'object') for (const [k, v] of Object.entries(o)) walk(v, k);
  };
  walk(format2021, '');
  walk(format2019, '');
  return out;
}

/**
 * A fixed term of the format with one character replaced by one confused with it (本年新受,
 * 政府信息公开行政复仪): almost always a typo. Left out: a form written anywhere in the templates,
 * one with a doubled character (char-repeat's), one that contains or is contained in a listed typo
 * or a shorter generated form (one slip, one diagnostic), one made from two terms differently.
 */
function termTypos(listed: readonly TypoEntry[]): TypoEntry[] {
  const sets = load(confusionsSchema, confusionsData).sets;
  const all = formatTexts([]).join('\n');
  const byWrong = new Map<string, string>();
  const ambiguous = new Set<string>();
  for (const term of formatTerms()) {
    for (let i = 0; i < term.length; i++) {
      for (const ch of sets[term[i]!] ?? '') {
        const wrong = term.slice(0, i) + ch + term.slice(i + 1);
        if (all.includes(wrong) || term[i - 1] === ch || term[i + 1] === ch) continue;
        if (byWrong.has(wrong) && byWrong.get(wrong) !== term) ambiguous.add(wrong);
        byWrong.set(wrong, term);
      }
    }
  }
  const wrongs = [...byWrong.keys()].filter((w) => !ambiguous.has(w));
  const clash = (w: string) =>
    listed.some((e) => w.includes(e.wrong) || e.wrong.includes(w)) || wrongs.some((o) => o !== w && w.includes(o));
  return wrongs.filter((w) => !clash(w)).map((wrong) => ({ wrong, right: byWrong.get(wrong)! }));
}

/** The listed typos, then the format's fixed terms with one character confused. */
export const BUILTIN_TYPOS: readonly TypoEntry[] = [...LISTED_TYPOS, ...termTypos(LISTED_TYPOS)];

export const BUILTIN_PHRASES: readonly PhraseEntry[] = load(phrasesSchema, phrasesData).entries.map((e) => ({
  phrase: e.phrase,
  stem: e.stem,
  wrong: e.wrong ?? [],
}));

const repeatData = load(whitelistSchema, whitelistData);

/** Legitimate words containing a repeat (不了了之, 研究研究). */
export const BUILTIN_REPEAT_WHITELIST: readonly string[] = repeatData.entries;
/** Single characters whose doubling char-repeat checks (的的, 了了). */
export const REPEAT_PARTICLES: readonly string[] = repeatData.particles;
/** Accidental repeats reported even where the doubled unit alone would be legitimate (进一步步). */
export const KNOWN_REPEATS: readonly string[] = repeatData.known;

export interface Citation {
  /** 发文机关代字, e.g. 国办公开办函. */
  code: string;
  number: number;
  year: number;
  /** Words one of which must be in the paragraph for the citation to be this one. */
  context?: string[];
  /** The document's title, for messages and tests. */
  title: string;
}

/** Known citations (文号) checked by doc-number-format. */
export const CITATIONS: readonly Citation[] = load(citationsSchema, citationsData).entries.map((e) => ({ ...e, context: split(e.context) }));

export interface AgencyName {
  /** The full standard name (科学技术局). */
  canonical: string;
  /** Short forms and former names of the same agency (科技局). */
  names: string[];
}

/** Agency names and their 简称, for matching one agency's reports (summary/agency.ts). */
export const AGENCY_NAMES: readonly AgencyName[] = load(agencyNamesSchema, agencyNamesData).entries;

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

/** Built-in legitimate repeats plus the config's `words.repeatWhitelist`. */
export function repeatWhitelist(config: ResolvedConfig): string[] {
  return [...new Set([...BUILTIN_REPEAT_WHITELIST, ...(config.words.repeatWhitelist ?? [])])];
}

/** The kinds of count a “其中” list breaks a total into (narrative-sum). */
export const BREAKDOWN_KINDS: readonly { kind: string; words: readonly string[] }[] = load(breakdownSchema, breakdownData).kinds;
