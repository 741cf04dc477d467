/**
 * The json format: exactly `JSON.stringify(results)`, made and written in pieces so that a
 * document with tens of thousands of problems is never one string of many megabytes in memory.
 */
import type { FileResult } from './result';

const MESSAGES_PER_PIECE = 2000;
const HOLE = '\u0000messages\u0000';

/** The pieces of `JSON.stringify(results)` and a final newline, in order. */
export function* jsonPieces(results: readonly FileResult[]): Generator<string> {
  yield '[';
  for (let i = 0; i < results.length; i++) {
    const r = results[i]!;
    if (i) yield ',';
    // the file's own fields in their order, the messages streamed where they stand
    const [head, tail] = JSON.stringify({ ...r, messages: HOLE }).split(JSON.stringify(HOLE));
    yield head + '[';
    for (let k = 0; k < r.messages.length; k += MESSAGES_PER_PIECE) {
      const piece = JSON.stringify(r.messages.slice(k, k + MESSAGES_PER_PIECE));
      yield (k ? ',' : '') + piece.slice(1, -1);
    }
    yield ']' + tail;
  }
  yield ']\n';
}

/**
 * Writes pieces to a stream, waiting for it to drain. stdout is asynchronous when it is a socket
 * (what a parent process reading through spawn's pipes gives us): pieces written in one go
 * would all wait in memory (about 35 MB for the 20 MB benchmark document). Stops when the
 * reader has gone (`| head`): nobody is left to write to.
 */
export async function writePieces(pieces: Iterable<string>, out: NodeJS.WritableStream = process.stdout): Promise<void> {
  for (const piece of pieces) {
    if (out.write(piece)) continue;
    const gone = await new Promise<boolean>((resolve) => {
      const settle = (g: boolean) => () => {
        out.off('drain', onDrain);
        out.off('error', onGone);
        out.off('close', onGone);
        resolve(g);
      };
      const onDrain = settle(false);
      const onGone = settle(true);
      out.once('drain', onDrain);
      out.once('error', onGone);
      out.once('close', onGone);
    });
    if (gone) return;
  }
}
