/**
 * `nianbao extract FILE`: the text a file is checked as (a PDF's tables as tab-separated rows,
 * a Word file as HTML), so that a reader can see what was read and where a line came from.
 * With `--pages`, each line is prefixed with its PDF page and a tab.
 */
import { localize, type Locale } from '../../core';
import { readAnyReport } from '../../io/documents';
import { lastOption, parseArgs, UsageError } from '../args';

export async function runExtract(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { options: ['locale', 'max-file-size'], flags: ['pages'] });
  if (args.positionals.length !== 1) throw new UsageError('extract takes one file: nianbao extract FILE');
  const locale: Locale = lastOption(args, 'locale') === 'en' ? 'en' : 'zh-CN';
  const mb = Number(lastOption(args, 'max-file-size') ?? 50);
  if (!(mb > 0)) throw new UsageError(`--max-file-size takes megabytes (got '${lastOption(args, 'max-file-size')}')`);
  const file = args.positionals[0]!;
  const read = await readAnyReport(file, mb * 1024 * 1024);
  if (!read.ok) {
    process.stderr.write(`nianbao: ${file}: ${localize(read.error, locale)}\n`);
    return 2;
  }
  for (const w of read.warnings) process.stderr.write(`nianbao: ${file}: ${localize(w, locale)}\n`);
  const pages = read.linePages;
  const text = args.flags.has('pages') && pages ? read.text.replace(/\n$/, '').split('\n').map((l, i) => `${pages[i]}\t${l}`).join('\n') + '\n' : read.text;
  process.stdout.write(text);
  return 0;
}
