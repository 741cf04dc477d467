/**
 * The json format: exactly `JSON.stringify(results)`, written in pieces so that a document with
 * tens of thousands of problems is never one string of many megabytes in memory.
 */
import type { FileResult } from './result';

const MESSAGES_PER_PIECE = 2000;
const HOLE = '\u0000messages\u0000';

// (stdout to a file or a pipe is synchronous on Linux and macOS: the pieces do not pile up)
export function writeJson(results: readonly FileResult[], write: (s: string) => void = (s) => void process.stdout.write(s)): void {
  write('[');
  results.forEach((r, i) => {
    if (i) write(',');
    // the file's own fields in their order, the messages streamed where they stand
    const [head, tail] = JSON.stringify({ ...r, messages: HOLE }).split(JSON.stringify(HOLE));
    write(head + '[');
    for (let k = 0; k < r.messages.length; k += MESSAGES_PER_PIECE) {
      const piece = JSON.stringify(r.messages.slice(k, k + MESSAGES_PER_PIECE));
      write((k ? ',' : '') + piece.slice(1, -1));
    }
    write(']' + tail);
  });
  write(']\n');
}
