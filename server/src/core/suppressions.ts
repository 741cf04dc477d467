/**
 * Suppressions, after ESLint's bulk suppressions: text reports have no comment syntax, so a
 * problem the user chose to ignore is recorded outside the report, in `.nianbao-suppressions.json`
 * at the workspace root. An entry names the file (relative, `/`-separated), the rule, the text the
 * problem is on and a little of the text around it, so it still matches after edits elsewhere in
 * the file; `count` is how many such problems it covers. Pure data in and out (no file access):
 * io/suppressions.ts reads and writes the file.
 */
import { z } from 'zod';
import type { Diagnostic } from './rule';

export const SUPPRESSIONS_FILE_NAME = '.nianbao-suppressions.json';

/** Characters of context kept on each side of a problem's text (within its line). */
const CONTEXT = 12;

const entrySchema = z
  .object({
    rule: z.string().min(1),
    /** The text of the problem's range (empty for an insertion point). */
    text: z.string(),
    /** The range's text with up to 12 characters of its line on each side. */
    context: z.string(),
    count: z.number().int().positive(),
  })
  .strict();

export const suppressionsSchema = z
  .object({
    version: z.literal(1),
    files: z.record(z.string(), z.array(entrySchema)),
  })
  .strict();

export type SuppressionEntry = z.infer<typeof entrySchema>;
export type SuppressionsFile = z.infer<typeof suppressionsSchema>;

export const emptySuppressions = (): SuppressionsFile => ({ version: 1, files: {} });

/** Parse the file's JSON value; readable error lines instead of throwing. */
export function parseSuppressions(data: unknown): { file?: SuppressionsFile; errors: string[] } {
  const r = suppressionsSchema.safeParse(data);
  if (r.success) return { file: r.data, errors: [] };
  return { errors: r.error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`) };
}

/** What identifies a problem across edits elsewhere: rule, its text, and its text in context. */
export function suppressionKey(text: string, d: Pick<Diagnostic, 'ruleId' | 'range'>): Omit<SuppressionEntry, 'count'> {
  const { start, end } = d.range;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const nl = text.indexOf('\n', end);
  const lineEnd = nl < 0 ? text.length : nl;
  const from = Math.max(lineStart, start - CONTEXT);
  const to = Math.min(lineEnd, end + CONTEXT);
  // a range over several lines (a table region) keeps its own text; CR is noise from the file's line ends
  return { rule: d.ruleId, text: text.slice(start, end).replace(/\r/g, ''), context: text.slice(Math.min(from, start), Math.max(to, end)).replace(/\r/g, '') };
}

const same = (a: Omit<SuppressionEntry, 'count'>, b: Omit<SuppressionEntry, 'count'>) => a.rule === b.rule && a.text === b.text && a.context === b.context;

export interface SuppressResult {
  kept: Diagnostic[];
  suppressed: Diagnostic[];
  /** How many problems each entry (by index) covered. */
  used: number[];
}

/** Split a file's diagnostics into the kept and the suppressed; each entry covers at most `count`. */
export function applySuppressions(text: string, diagnostics: readonly Diagnostic[], entries: readonly SuppressionEntry[]): SuppressResult {
  const used = entries.map(() => 0);
  if (!entries.length) return { kept: [...diagnostics], suppressed: [], used };
  const kept: Diagnostic[] = [];
  const suppressed: Diagnostic[] = [];
  for (const d of diagnostics) {
    const key = suppressionKey(text, d);
    const i = entries.findIndex((e, j) => used[j]! < e.count && same(e, key));
    if (i < 0) kept.push(d);
    else {
      used[i]!++;
      suppressed.push(d);
    }
  }
  return { kept, suppressed, used };
}

/** Entries for these diagnostics, one per distinct key with its count. */
export function entriesFor(text: string, diagnostics: readonly Diagnostic[]): SuppressionEntry[] {
  const out: SuppressionEntry[] = [];
  for (const d of diagnostics) {
    const key = suppressionKey(text, d);
    const e = out.find((x) => same(x, key));
    if (e) e.count++;
    else out.push({ ...key, count: 1 });
  }
  return out;
}

/** The file with `add` merged into `path`'s entries (counts of equal keys added). A new object. */
export function addSuppressions(file: SuppressionsFile, path: string, add: readonly SuppressionEntry[]): SuppressionsFile {
  const entries = (file.files[path] ?? []).map((e) => ({ ...e }));
  for (const a of add) {
    const e = entries.find((x) => same(x, a));
    if (e) e.count += a.count;
    else entries.push({ ...a });
  }
  return sortFiles({ ...file, files: { ...file.files, [path]: entries } });
}

/** The file with `path`'s entries cut down to what `used` says they covered (unused ones dropped). */
export function pruneSuppressions(file: SuppressionsFile, path: string, used: readonly number[]): SuppressionsFile {
  const entries = (file.files[path] ?? []).flatMap((e, i) => ((used[i] ?? 0) > 0 ? [{ ...e, count: Math.min(e.count, used[i]!) }] : []));
  const files = { ...file.files };
  if (entries.length) files[path] = entries;
  else delete files[path];
  return { ...file, files };
}

/** Files in path order: the file is diffed and merged in version control. */
function sortFiles(file: SuppressionsFile): SuppressionsFile {
  const files: SuppressionsFile['files'] = {};
  for (const k of Object.keys(file.files).sort()) files[k] = file.files[k]!;
  return { ...file, files };
}

/** The file's text as written: sorted, two-space JSON, a final newline. */
export function formatSuppressions(file: SuppressionsFile): string {
  return JSON.stringify(sortFiles(file), null, 2) + '\n';
}

/**
 * Whether a `/`-separated relative path matches a glob of config `ignores`: `**` any folders,
 * `*` any characters but `/`, `?` one; a pattern without `/` matches the name in any folder.
 */
export function matchesGlob(path: string, glob: string): boolean {
  let g = glob.replace(/^\.\//, '');
  if (!g.includes('/')) g = `**/${g}`;
  let re = '';
  for (let i = 0; i < g.length; i++) {
    const c = g[i]!;
    if (c === '*' && g[i + 1] === '*') {
      i++;
      if (g[i + 1] === '/') {
        i++;
        re += '(?:.*/)?';
      } else re += '.*';
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  // a folder pattern (`drafts/`, `drafts/**`) covers everything under it
  if (re.endsWith('/')) re += '.*';
  return new RegExp(`^${re}$`).test(path);
}
