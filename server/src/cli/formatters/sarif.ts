/** SARIF 2.1.0 output, for code-scanning tools. */
import { pathToFileURL } from 'node:url';
import { ALL_RULES, localize, ruleDocsUrl, type Locale } from '../../core';
import type { FileResult } from './result';

export function formatSarif(results: FileResult[], locale: Locale): object {
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'nianbao',
            informationUri: 'https://github.com/nianbao-lint/nianbao-lint',
            rules: ALL_RULES.map((r) => ({
              id: r.meta.id,
              shortDescription: { text: localize(r.meta.description, locale) },
              helpUri: ruleDocsUrl(r.meta.id),
              defaultConfiguration: { level: r.meta.defaultSeverity === 'info' ? 'note' : r.meta.defaultSeverity },
            })),
          },
        },
        results: results.flatMap((f) =>
          f.messages.map((m) => ({
            ruleId: m.ruleId,
            level: m.level === 'info' ? 'note' : m.level,
            message: { text: m.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: pathToFileURL(f.filePath).href },
                  region: { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn },
                },
                // a PDF's page (the region is in the text read out of it)
                ...(m.page ? { properties: { page: m.page } } : {}),
              },
            ],
          })),
        ),
      },
    ],
  };
}
