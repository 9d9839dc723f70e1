// A download written a chunk of rows at a time as the reader pulls it (the CSV writer's files, the LAPOR! JSON): the
// reader's pace decides how far the query has gone, and a file of any length holds one chunk in memory.

export type ChunkedSource<T> = {
  /** Written first (a header row, the document's opening). */
  start: string;
  /** The chunk after the last row written (null: the first one); an empty chunk ends the file. */
  next: (last: T | null) => readonly T[];
  /** A chunk as text. */
  render: (chunk: readonly T[]) => string;
  /** Written after the last chunk (the document's closing). */
  finish?: string;
  /** Told once, with the rows written: at the end of the file (`complete`), or when the reader stops or a read fails. */
  end?: (rows: number, complete: boolean) => void;
};

/** `start`, then one chunk per pull, then `finish`. */
export function chunkedStream<T>(source: ChunkedSource<T>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let last: T | null = null;
  let rows = 0;
  let ended = false;
  const finish = (complete: boolean) => {
    if (ended) return;
    ended = true;
    source.end?.(rows, complete);
  };
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(source.start));
    },
    pull(controller) {
      try {
        const chunk = source.next(last);
        const tail = chunk.at(-1);
        if (tail === undefined) {
          if (source.finish) controller.enqueue(encoder.encode(source.finish));
          finish(true);
          controller.close();
          return;
        }
        controller.enqueue(encoder.encode(source.render(chunk)));
        last = tail;
        rows += chunk.length;
      } catch (error) {
        finish(false);
        throw error;
      }
    },
    cancel() {
      finish(false);
    },
  });
}
