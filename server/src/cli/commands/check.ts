/** `nianbao check`: lint files, print in a chosen format, optionally apply the safe fixes. */
import { resolve } from 'node:path';
import { localize, severitySetting } from '../../core';
import type { Locale, SeveritySetting } from '../../core';
import { collectFiles } from '../../io/files';
import { loadConfigFile } from '../../io/config-files';
import { parseArgs, lastOption, UsageError } from '../args';
import { displayPath, type FileResult } from '../formatters/result';
import { type CheckOptions, type FileOutcome } from '../check-file';
import { runFiles, workerCount } from '../pool';
import { formatStylish } from '../formatters/stylish';
import { formatSarif } from '../formatters/sarif';
import { jsonPieces, writePieces } from '../formatters/json';
import { Progress } from '../progress';

export async function runCheck(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { options: ['format', 'rule', 'locale', 'report-year', 'config', 'max-file-size', 'stdin-filename', 'concurrency'], flags: ['fix', 'no-config', 'quiet', 'stdin'] });
  const format = lastOption(args, 'format') ?? 'stylish';
  if (!['stylish', 'json', 'jsonl', 'sarif'].includes(format)) throw new UsageError(`--format must be stylish, json, jsonl or sarif (got '${format}')`);
  const localeOpt = lastOption(args, 'locale');
  if (localeOpt && localeOpt !== 'zh-CN' && localeOpt !== 'en') throw new UsageError(`--locale must be zh-CN or en (got '${localeOpt}')`);
  const ruleOverrides: Record<string, SeveritySetting> = {};
  for (const r of args.options.get('rule') ?? []) {
    const m = /^([a-z0-9-]+)=(.+)$/.exec(r);
    const sev = m ? severitySetting.safeParse(m[2]) : undefined;
    if (!m || !sev?.success) throw new UsageError(`--rule takes id=off|info|warning|error (got '${r}')`);
    ruleOverrides[m[1]!] = sev.data;
  }
  const yearOpt = lastOption(args, 'report-year');
  const reportYear = yearOpt !== undefined ? Number(yearOpt) : undefined;
  if (yearOpt !== undefined && !(Number.isInteger(reportYear) && reportYear! > 1990 && reportYear! < 2100)) throw new UsageError(`--report-year must be a year (got '${yearOpt}')`);
  const maxMb = lastOption(args, 'max-file-size');
  if (maxMb !== undefined && !(Number(maxMb) > 0)) throw new UsageError(`--max-file-size takes megabytes (got '${maxMb}')`);

  const explicitConfig = lastOption(args, 'config');
  let fixedConfig;
  if (explicitConfig) {
    fixedConfig = loadConfigFile(explicitConfig);
    if (fixedConfig.errors.length) {
      process.stderr.write(`nianbao: ${explicitConfig}: invalid config:\n  ${fixedConfig.errors.join('\n  ')}\n`);
      return 2;
    }
  }

  const stdin = args.flags.has('stdin');
  if (stdin && args.flags.has('fix')) throw new UsageError('--fix cannot be used with --stdin');
  const paths = args.positionals.length ? args.positionals : ['.'];
  const { files, errors, explicit } = stdin ? { files: [resolve(lastOption(args, 'stdin-filename') ?? '<stdin>')], errors: [], explicit: [] } : collectFiles(paths);
  const results: FileResult[] = [];
  let locale: Locale = (localeOpt as Locale | undefined) ?? 'zh-CN';
  const stderrLines: string[] = [];
  for (const e of errors) stderrLines.push(`${e.path}: ${localize(e.error, locale)}`);
  let readCount = 0;
  let errorsFound = false;

  const options: CheckOptions = {
    fixedConfig,
    noConfig: args.flags.has('no-config'),
    ruleOverrides,
    locale: localeOpt as Locale | undefined,
    reportYear,
    maxFileSizeMB: maxMb !== undefined ? Number(maxMb) : undefined,
    fix: args.flags.has('fix'),
    stdin,
    explicit,
  };
  const workers = stdin ? 0 : workerCount(lastOption(args, 'concurrency'), files.length);
  const progress = new Progress(files.length, locale);
  let unread = errors.length;
  if (format === 'jsonl') {
    // one line a file as it finishes, nothing kept: a folder of thousands in flat memory
    if (stderrLines.length) progress.write(stderrLines.join('\n') + '\n');
    for (const e of errors) await writePieces([JSON.stringify({ filePath: e.path, error: localize(e.error, locale), messages: [] }) + '\n']);
    let pending = Promise.resolve();
    await runFiles<FileOutcome>('check', files, options, workers, (o, i) => {
      progress.tick();
      if (o.stderr.length) progress.write(o.stderr.join('\n') + '\n');
      if (o.result) readCount++;
      else unread++;
      const line = JSON.stringify(o.result ?? { filePath: files[i], error: o.error, messages: [] }) + '\n';
      pending = pending.then(() => writePieces([line]));
      if (o.result?.errorCount) errorsFound = true;
    });
    await pending;
  } else {
    const outcomes: FileOutcome[] = new Array(files.length);
    await runFiles<FileOutcome>('check', files, options, workers, (o, i) => {
      progress.tick();
      outcomes[i] = o;
    });
    for (const o of outcomes) {
      stderrLines.push(...o.stderr);
      locale = o.locale;
      if (o.result) {
        readCount++;
        results.push(o.result);
      } else unread++;
    }
    errorsFound = results.some((r) => r.errorCount > 0);
  }
  progress.end();

  if (format === 'json') await writePieces(jsonPieces(results));
  else if (format === 'sarif') process.stdout.write(JSON.stringify(formatSarif(results, locale), null, 1) + '\n');
  else if (format === 'stylish') process.stdout.write(formatStylish(results, locale, displayPath));
  if (format !== 'jsonl' && stderrLines.length) process.stderr.write(stderrLines.join('\n') + '\n');

  if (files.length === 0 && errors.length === 0) {
    process.stderr.write(locale === 'en' ? 'nianbao: no report files found\n' : 'nianbao: 没有找到年报文件\n');
    return 2;
  }
  // a file that could not be read is said by the exit code too: the others' results are all there
  if (readCount === 0 || unread > 0) return 2;
  return errorsFound ? 1 : 0;
}
