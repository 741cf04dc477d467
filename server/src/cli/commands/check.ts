/** `nianbao check`: lint files, print in a chosen format, optionally apply the safe fixes. */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { localize, severitySetting } from '../../core';
import type { Locale, SeveritySetting } from '../../core';
import { collectFiles } from '../../io/files';
import { addSuppressions, pruneSuppressions, SUPPRESSIONS_FILE_NAME } from '../../core';
import { loadSuppressions, saveSuppressions } from '../../io/suppressions';
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
  const args = parseArgs(argv, { options: ['format', 'rule', 'locale', 'report-year', 'config', 'max-file-size', 'stdin-filename', 'concurrency', 'suppressions-location'],
    flags: ['fix', 'no-config', 'quiet', 'stdin', 'suppress-all', 'prune-suppressions'],
  });
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
  const suppressAll = args.flags.has('suppress-all');
  const prune = args.flags.has('prune-suppressions');
  if (stdin && (suppressAll || prune)) throw new UsageError('--suppress-all and --prune-suppressions need files, not --stdin');
  // like ESLint's: the suppressions file of the folder the command runs in, unless named
  const suppressionsPath = resolve(lastOption(args, 'suppressions-location') ?? SUPPRESSIONS_FILE_NAME);
  const suppressions = loadSuppressions(suppressionsPath);
  if (suppressions.errors.length) {
    const en = localeOpt === 'en';
    process.stderr.write(
      `nianbao: ${suppressionsPath}: ${en ? 'invalid suppressions file (fix or delete it; nothing was checked)' : '忽略记录文件无效（请改正或删除；未进行检查）'}:\n  ${suppressions.errors.join('\n  ')}\n`,
    );
    return 2;
  }
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
    suppressions: { path: suppressionsPath, file: suppressions.file },
    suppressAll,
  };
  const workers = stdin ? 0 : workerCount(lastOption(args, 'concurrency'), files.length);
  const progress = new Progress(files.length, locale);
  let unread = errors.length;
  let ignoredCount = 0;
  let suppressedCount = 0;
  let addedCount = 0;
  let file = suppressions.file;
  /** What every outcome adds to the run's counts and to the suppressions file, in either output mode. */
  const account = (o: FileOutcome) => {
    if (o.ignored) ignoredCount++;
    else if (o.result) readCount++;
    else unread++;
    const s = o.suppression;
    if (!s) return;
    suppressedCount += s.used.reduce((a, b) => a + b, 0);
    addedCount += s.added.reduce((a, e) => a + e.count, 0);
    if (prune) file = pruneSuppressions(file, s.key, s.used);
    if (s.added.length) file = addSuppressions(file, s.key, s.added);
  };
  if (format === 'jsonl') {
    // one line a file as it finishes, nothing kept: a folder of thousands in flat memory
    if (stderrLines.length) progress.write(stderrLines.join('\n') + '\n');
    for (const e of errors) await writePieces([JSON.stringify({ filePath: e.path, error: localize(e.error, locale), messages: [] }) + '\n']);
    let pending = Promise.resolve();
    await runFiles<FileOutcome>('check', files, options, workers, (o, i) => {
      progress.tick();
      if (o.stderr.length) progress.write(o.stderr.join('\n') + '\n');
      account(o);
      if (o.ignored) return;
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
      account(o);
      if (o.result) results.push(o.result);
    }
    errorsFound = results.some((r) => r.errorCount > 0);
  }
  if (prune) {
    // entries of files that are gone
    for (const key of Object.keys(file.files)) if (!existsSync(resolve(dirname(suppressionsPath), key))) file = pruneSuppressions(file, key, []);
  }
  if (suppressAll || prune) {
    const before = countEntries(suppressions.file);
    try {
      saveSuppressions(suppressionsPath, file);
      const after = countEntries(file);
      stderrLines.push(
        locale === 'en'
          ? `nianbao: ${suppressionsPath}: ${addedCount} problem(s) suppressed now, ${after} in all (${before} before${prune ? ', stale entries removed' : ''})`
          : `nianbao: ${suppressionsPath}：本次新忽略 ${addedCount} 个问题，共记录 ${after} 个（此前 ${before} 个${prune ? '，已删除过时的记录' : ''}）`,
      );
    } catch (e) {
      stderrLines.push(`nianbao: ${suppressionsPath}: ${(e as Error).message}`);
    }
  } else if (suppressedCount) {
    stderrLines.push(locale === 'en' ? `nianbao: ${suppressedCount} problem(s) suppressed by ${suppressionsPath}` : `nianbao: ${suppressedCount} 个问题已按 ${suppressionsPath} 忽略`);
  }
  progress.end();

  if (format === 'json') await writePieces(jsonPieces(results));
  else if (format === 'sarif') process.stdout.write(JSON.stringify(formatSarif(results, locale), null, 1) + '\n');
  else if (format === 'stylish') process.stdout.write(formatStylish(results, locale, displayPath));
  if (format !== 'jsonl' && stderrLines.length) process.stderr.write(stderrLines.join('\n') + '\n');

  if (files.length > 0 && ignoredCount === files.length) {
    process.stderr.write(locale === 'en' ? 'nianbao: every file is in the config\'s ignores\n' : 'nianbao: 所有文件都在配置的 ignores 中，未检查\n');
    return 0;
  }
  if (files.length === 0 && errors.length === 0) {
    process.stderr.write(locale === 'en' ? 'nianbao: no report files found\n' : 'nianbao: 没有找到年报文件\n');
    return 2;
  }
  // a file that could not be read is said by the exit code too: the others' results are all there
  if (readCount === 0 || unread > 0) return 2;
  return errorsFound ? 1 : 0;
}

const countEntries = (f: { files: Record<string, { count: number }[]> }) => Object.values(f.files).reduce((n, es) => n + es.reduce((a, e) => a + e.count, 0), 0);
