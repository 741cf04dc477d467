/**
 * `nianbao explain FILE…`: how each table was read — every cell's value and line:column, the rows
 * cut out of digits run together, ambiguous rows with their readings, and every 勾稽 relation on
 * the values read. For a user who doubts a finding. Exit: 0 shown, 2 usage or I/O error.
 */
import { explain, explainText, localize, parseReport, type Locale } from '../../core';
import { readAnyReport } from '../../io/documents';
import { lastOption, parseArgs, UsageError } from '../args';
import { displayPath } from '../formatters/result';

export async function runExplain(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { options: ['format', 'locale', 'report-year'], flags: [] });
  const format = lastOption(args, 'format') ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json (got '${format}')`);
  const localeOpt = lastOption(args, 'locale');
  if (localeOpt && localeOpt !== 'zh-CN' && localeOpt !== 'en') throw new UsageError(`--locale must be zh-CN or en (got '${localeOpt}')`);
  const locale: Locale = (localeOpt as Locale | undefined) ?? 'zh-CN';
  const yearOpt = lastOption(args, 'report-year');
  if (!args.positionals.length) throw new UsageError('explain needs report files: nianbao explain FILE…');
  let code = 0;
  const json: unknown[] = [];
  for (const path of args.positionals) {
    const read = await readAnyReport(path, 50 * 1024 * 1024);
    if (!read.ok) {
      process.stderr.write(`${displayPath(path)}: ${localize(read.error, locale)}\n`);
      code = 2;
      continue;
    }
    const x = explain(parseReport(read.text, yearOpt ? { reportYear: Number(yearOpt) } : {}));
    if (format === 'json') json.push({ filePath: path, ...x });
    else process.stdout.write(`${displayPath(path)}\n${explainText(x, locale)}\n`);
  }
  if (format === 'json') process.stdout.write(JSON.stringify(json, null, 2) + '\n');
  return code;
}
