import { UsageError } from '../args';

/** `nianbao summary`: filled in by the summary feature (issue 5). */
export async function runSummary(_argv: string[]): Promise<number> {
  throw new UsageError('summary is not available yet');
}
