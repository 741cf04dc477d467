// Generates docs/rules.md from the rule metadata and checks every rule has its page
// (docs/rules/<id>.md). `npm run docs`. test/core/docs.test.ts fails when either is off.
import { writeFileSync } from 'node:fs';
import { pageProblems, renderRulesDoc } from './rules-doc';

writeFileSync(new URL('../docs/rules.md', import.meta.url), renderRulesDoc());
console.log('docs/rules.md written');
const problems = pageProblems();
if (problems.length) {
  console.error(`rule pages need work:\n  ${problems.join('\n  ')}`);
  process.exitCode = 1;
}
