/**
 * `nianbao summary PATHS…`: one report's tables in the standard layout with every check, or many
 * reports consolidated (roster, summed tables, exclusions, cross-year checks).
 * Exit: 0 done, 1 files were read but none could be summed, 2 usage or I/O error (a path unreadable,
 * nothing readable, or the output not writable), as `check` uses 2.
 */
import { writeFileSync } from 'node:fs';
import { consolidate, localize, toCsv, toJson, toMarkdown, type Locale, type SummaryInput } from '../../core';
import { collectFiles } from '../../io/files';
import { runFiles, workerCount } from '../pool';
import { type SummaryFileOptions, type SummaryFileOutcome } from '../summary-file';
import { displayPath } from '../formatters/result';
import { toXlsx } from '../../io/summary-xlsx';
import { lastOption, parseArgs, UsageError } from '../args';
import { Progress } from '../progress';

const FORMATS = ['md', 'csv', 'json', 'xlsx'];

export async function runSummary(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { options: ['format', 'o', 'output', 'year', 'locale', 'concurrency'], flags: ['no-config'] });
  const format = lastOption(args, 'format') ?? 'md';
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be md, csv, json or xlsx (got '${format}')`);
  const out = lastOption(args, 'o') ?? lastOption(args, 'output');
  if (format === 'xlsx' && !out) throw new UsageError('--format xlsx needs -o FILE');
  const localeOpt = lastOption(args, 'locale');
  if (localeOpt && localeOpt !== 'zh-CN' && localeOpt !== 'en') throw new UsageError(`--locale must be zh-CN or en (got '${localeOpt}')`);
  const locale: Locale = (localeOpt as Locale | undefined) ?? 'zh-CN';
  const yearOpt = lastOption(args, 'year');
  const year = yearOpt !== undefined ? Number(yearOpt) : undefined;
  if (yearOpt !== undefined && !(Number.isInteger(year) && year! > 1990 && year! < 2100)) throw new UsageError(`--year must be a year (got '${yearOpt}')`);
  if (!args.positionals.length) throw new UsageError('summary needs report files or folders: nianbao summary PATHS…');

  const { files, errors } = collectFiles(args.positionals);
  const stderr: string[] = errors.map((e) => `${displayPath(e.path)}: ${localize(e.error, locale)}`);
  const inputs: SummaryInput[] = [];
  const options: SummaryFileOptions = { noConfig: args.flags.has('no-config'), locale };
  const threads = workerCount(lastOption(args, 'concurrency'), files.length);
  const progress = new Progress(files.length, locale);
  const outcomes: SummaryFileOutcome[] = new Array(files.length);
  await runFiles<SummaryFileOutcome>('summary', files, options, threads, (o, i) => {
    progress.tick();
    outcomes[i] = o;
  });
  progress.end();
  for (const o of outcomes) {
    if (o.stderr) stderr.push(...o.stderr.split('\n'));
    inputs.push(o.input);
  }
  for (const e of errors) inputs.push({ file: displayPath(e.path), error: e.error });

  const summary = consolidate(inputs, { year });
  for (const f of summary.crossYear.filter((x) => !x.ok)) stderr.push(`${f.file}: ${f.severity} ${f.ruleId}: ${localize(f.message, locale)} (${f.previousFile})`);

  let body: string | Buffer;
  if (format === 'xlsx') body = await toXlsx(summary, locale);
  else if (format === 'csv') body = toCsv(summary, locale);
  else if (format === 'json') body = toJson(summary, locale);
  else body = toMarkdown(summary, locale);
  // a path that cannot be read is an I/O error; a file skipped as binary or too large is only listed
  const read = inputs.some((i) => i.report || i.empty);
  let code = !read || errors.length ? 2 : summary.included.length ? 0 : 1;
  if (read && !summary.included.length) stderr.push(locale === 'en' ? 'no report could be summed (see “Not summed”)' : '没有可以汇总的报告（见“未汇总”）');
  if (out) {
    try {
      writeFileSync(out, body);
    } catch (e) {
      stderr.push(`${out}: ${(e as Error).message}`);
      code = 2;
    }
  } else process.stdout.write(body);
  if (!files.length && !errors.length) stderr.push(locale === 'en' ? 'no report files found' : '没有找到年报文件');
  if (stderr.length) process.stderr.write(stderr.map((l) => `nianbao: ${l}`).join('\n') + '\n');
  return code;
}
