/** `nianbao check`: lint files, print in a chosen format, optionally apply the safe fixes. */
import { readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { lint, resolveConfig, applyEdits, fixAllEdits, localize, severitySetting } from '../../core';
import type { Locale, SeveritySetting } from '../../core';
import { collectFiles, decode, encode, readReportFile } from '../../io/files';
import { describeHtmlOffset, isDocument, readDocx } from '../../io/documents';
import { configForFile, loadConfigFile } from '../../io/config-files';
import { parseArgs, lastOption, UsageError } from '../args';
import { toFileResult, type FileResult } from '../formatters/result';
import { formatStylish } from '../formatters/stylish';
import { formatSarif } from '../formatters/sarif';

const MAX_FIX_PASSES = 3;

export async function runCheck(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { options: ['format', 'rule', 'locale', 'report-year', 'config', 'max-file-size', 'stdin-filename'], flags: ['fix', 'no-config', 'quiet', 'stdin'] });
  const format = lastOption(args, 'format') ?? 'stylish';
  if (!['stylish', 'json', 'sarif'].includes(format)) throw new UsageError(`--format must be stylish, json or sarif (got '${format}')`);
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
  const { files, errors } = stdin ? { files: [resolve(lastOption(args, 'stdin-filename') ?? '<stdin>')], errors: [] } : collectFiles(paths);
  const results: FileResult[] = [];
  let locale: Locale = (localeOpt as Locale | undefined) ?? 'zh-CN';
  const stderrLines: string[] = [];
  for (const e of errors) stderrLines.push(`${e.path}: ${localize(e.error, locale)}`);
  let readCount = 0;

  for (const file of files) {
    const loaded = explicitConfig ? fixedConfig! : args.flags.has('no-config') ? { errors: [] } : configForFile(file);
    if (loaded.errors.length) {
      stderrLines.push(`${loaded.path}: ${locale === 'en' ? 'invalid config, ignored' : '配置文件无效，已忽略'}:\n  ${loaded.errors.join('\n  ')}`);
    }
    const config = resolveConfig(loaded.errors.length ? undefined : loaded.config, {
      rules: ruleOverrides,
      locale: localeOpt as Locale | undefined,
      reportYear,
      maxFileSizeMB: maxMb !== undefined ? Number(maxMb) : undefined,
    });
    locale = config.locale;
    const document = !stdin && isDocument(file);
    const read = stdin ? decode(readFileSync(0)) : /\.docx$/i.test(file) ? await readDocx(file) : readReportFile(file, config.maxFileSizeMB * 1024 * 1024);
    if (!read.ok) {
      stderrLines.push(`${file}: ${localize(read.error, locale)}`);
      continue;
    }
    readCount++;
    for (const w of read.warnings) stderrLines.push(`${file}: ${localize(w, locale)}`);
    let text = read.text;
    let result = lint(text, config);
    if (!read.text.trim()) stderrLines.push(`${file}: ${locale === 'en' ? 'empty file' : '空文件'}`);
    if (args.flags.has('fix') && document) {
      stderrLines.push(`${file}: ${locale === 'en' ? '--fix does not write into Word or HTML files; fix the source document' : '--fix 不修改 Word 或网页文件，请在原文档中修改'}`);
    } else if (args.flags.has('fix')) {
      let changed = false;
      for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
        const edits = fixAllEdits(result.diagnostics);
        if (!edits.length) break;
        const next = applyEdits(text, edits).text;
        if (next === text) break;
        text = next;
        changed = true;
        result = lint(text, config);
      }
      if (changed) {
        try {
          writeFileSync(file, encode(text, read.encoding, read.bom));
        } catch (e) {
          stderrLines.push(`${file}: ${(e as Error).message}`);
        }
      }
    }
    for (const re of result.ruleErrors) stderrLines.push(`${file}: rule ${re.ruleId} failed: ${re.error.split('\n')[0]}`);
    const fileResult = toFileResult(file, text, result.diagnostics, config.locale);
    if (document) {
      // positions inside converted markup mean little to a reader: say where in the document
      fileResult.messages.forEach((m, i) => {
        m.location = localize(describeHtmlOffset(text, result.diagnostics[i]!.range.start), config.locale);
        delete m.fix;
      });
    }
    results.push(fileResult);
  }

  const display = (p: string) => relative(process.cwd(), p) || p;
  if (format === 'json') process.stdout.write(JSON.stringify(results) + '\n');
  else if (format === 'sarif') process.stdout.write(JSON.stringify(formatSarif(results, locale), null, 1) + '\n');
  else process.stdout.write(formatStylish(results, locale, display));
  if (stderrLines.length) process.stderr.write(stderrLines.join('\n') + '\n');

  if (files.length === 0 && errors.length === 0) {
    process.stderr.write(locale === 'en' ? 'nianbao: no report files found\n' : 'nianbao: 没有找到年报文件\n');
    return 2;
  }
  if (readCount === 0) return 2;
  return results.some((r) => r.errorCount > 0) ? 1 : 0;
}
