/**
 * `nianbao`: the command-line interface over the core.
 * Exit codes: 0 clean, 1 errors found, 2 usage or I/O error, or a file could not be read.
 */
import { runCheck } from './commands/check';
import { runSummary } from './commands/summary';
import { runExplain } from './commands/explain';
import { runExtract } from './commands/extract';
import { UsageError } from './args';
import { isPoolWorker, runWorker } from './pool';

const VERSION = '0.1.0';

const HELP = `nianbao ${VERSION} — 政府信息公开工作年度报告检查 / annual report linter

Usage:
  nianbao check [paths…] [--format stylish|json|jsonl|sarif] [--fix] [--rule id=off|info|warning|error]
                [--locale zh-CN|en] [--report-year YYYY] [--config FILE] [--no-config]
                [--stdin [--stdin-filename NAME]] [--max-file-size MB] [--concurrency N|auto|off]
                [--suppress-all] [--prune-suppressions] [--suppressions-location FILE]
  nianbao summary PATHS… [--format md|csv|json|xlsx] [-o FILE] [--year YYYY] [--locale zh-CN|en]
                  [--concurrency N|auto|off]
  nianbao explain FILES… [--format text|json] [--locale zh-CN|en] [--report-year YYYY]
                  (how each table was read: every cell with its line:column, cuts of digits
                  run together, ambiguous readings, every 勾稽 relation held or broken)
  nianbao extract FILE [--pages]   the text a file is checked as (--pages: each line's PDF page first)
  nianbao --help | --version

Files: .txt, .md, .docx, .html/.htm and .pdf (folders are searched). Config: .nianbaorc.json from the file's folder upward
(its "ignores" globs keep files out). Suppressed problems: .nianbao-suppressions.json in the current
folder; --suppress-all records every problem found, --prune-suppressions drops stale entries.
Exit: 0 no errors, 1 errors found, 2 usage or I/O error or a file that could not be read.
On a terminal, progress is shown on stderr.`;

async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') {
    process.stdout.write(HELP + '\n');
    return cmd ? 0 : 2;
  }
  if (cmd === '--version' || cmd === '-v') {
    process.stdout.write(VERSION + '\n');
    return 0;
  }
  try {
    if (cmd === 'check') return await runCheck(rest);
    if (cmd === 'summary') return await runSummary(rest);
    if (cmd === 'explain') return await runExplain(rest);
    if (cmd === 'extract') return await runExtract(rest);
    throw new UsageError(`unknown command '${cmd}' (try: nianbao check FILES)`);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`nianbao: ${e.message}\n`);
      return 2;
    }
    process.stderr.write(`nianbao: internal error: ${e instanceof Error ? e.stack : String(e)}\n`);
    return 2;
  }
}

// the same bundle runs the worker threads of `check` and `summary` (cli/pool.ts)
if (isPoolWorker()) runWorker();
else {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`nianbao: ${String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
