/**
 * The report-format templates (data, not code): labels, columns, groups, units and the
 * consistency rules (勾稽关系) of each official format, with their zod schema. The built-in
 * files are validated by the tests and the build (test/core/data.test.ts), not at every start:
 * validating costs each CLI run and server start more than checking a report does.
 */
import { z } from 'zod';
import format2021 from './format-2021.json';
import format2019 from './format-2019.json';

const keyed = z.object({ key: z.string().min(1), label: z.string().min(1) });

const templateSchema = z.object({
  id: z.enum(['2021', '2019']),
  name: z.string(),
  /** The notice that issued the format. */
  citation: z.string(),
  reportYears: z.object({ from: z.number().int(), to: z.number().int().optional() }),
  sections: z
    .array(z.object({ number: z.number().int().min(1).max(6), title: z.string(), aliases: z.array(z.string()) }))
    .length(6),
  /** Topics 一、总体情况 must cover, each found by any of its patterns. */
  overviewTopics: z.array(z.object({ name: z.string(), patterns: z.array(z.string()).min(1) })),
  table2: z.object({
    blocks: z.array(
      keyed.extend({
        columns: z.array(keyed.extend({ signed: z.boolean().optional() })).min(1),
        rows: z.array(keyed).min(1),
        unit: z.string(),
        decimals: z.boolean(),
      }),
    ),
  }),
  table3: z.object({
    columns: z.array(keyed).length(7),
    columnGroups: z.array(z.string()),
    note: z.string(),
    rows: z.array(keyed.extend({ group: z.string().optional() })),
    rowGroups: z.array(keyed),
    checks: z.object({
      rowTotal: z.object({ total: z.string(), parts: z.array(z.string()) }),
      columnTotal: z.object({ total: z.string(), parts: z.array(z.string()) }),
      balance: z.object({ lhs: z.array(z.string()), rhs: z.array(z.string()) }),
    }),
  }),
  table4: z.object({
    groups: z.array(keyed).length(3),
    columns: z.array(keyed).length(5),
    checks: z.object({ groupTotal: z.object({ total: z.string(), parts: z.array(z.string()) }) }),
  }),
});

export type FormatTemplate = z.infer<typeof templateSchema>;

/** Readable problems of a template against the schema (empty when valid). */
export function templateProblems(data: unknown): string[] {
  const parsed = templateSchema.safeParse(data);
  return parsed.success ? [] : [z.prettifyError(parsed.error)];
}

/** The built-in files, by name, for the data test. */
export const BUILTIN_TEMPLATE_FILES: Record<string, unknown> = { 'format-2021.json': format2021, 'format-2019.json': format2019 };

const load = (data: unknown): FormatTemplate => data as FormatTemplate;

export const FORMAT_2021 = load(format2021);
export const FORMAT_2019 = load(format2019);
export const TEMPLATES = [FORMAT_2021, FORMAT_2019];

export function templateFor(format: string): FormatTemplate {
  return format === '2019' ? FORMAT_2019 : FORMAT_2021;
}

/** Index of a 表三 column key. */
export function t3ColumnIndex(t: FormatTemplate, key: string): number {
  return t.table3.columns.findIndex((c) => c.key === key);
}

/** Index (0–14) of a 表四 cell by group and column key. */
export function t4CellIndex(t: FormatTemplate, group: string, column: string): number {
  const g = t.table4.groups.findIndex((x) => x.key === group);
  const c = t.table4.columns.findIndex((x) => x.key === column);
  return g * t.table4.columns.length + c;
}
