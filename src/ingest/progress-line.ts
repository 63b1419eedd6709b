/** Files smaller than this load too fast to need a progress display. */
export const PROGRESS_MIN_BYTES = 1024 * 1024;

/**
 * A progress display for one file on a terminal: `FILE: 12.0 of 50.0 MB (24%)`, redrawn in place on
 * stderr only when the whole percentage changes (throttled by bytes, not by a clock), and cleared by
 * `done()`. The caller creates it only when stderr is a TTY.
 */
export function createProgressLine(
  write: (text: string) => void,
  file: string,
  batch?: { index: number; count: number },
): { update: (bytes: number, total: number) => void; done: () => void } {
  let shownPercent = -1;
  let drawn = false;
  // In a batch (a year of daily reports is ~250 files) every file is shown, with its place in the batch.
  const label = batch && batch.count > 1 ? `[${batch.index} of ${batch.count}] ${file}` : file;
  const minBytes = batch && batch.count > 1 ? 0 : PROGRESS_MIN_BYTES;
  return {
    update(bytes, total) {
      if (total < minBytes) return;
      const percent = Math.floor((bytes / total) * 100);
      if (percent === shownPercent) return;
      shownPercent = percent;
      drawn = true;
      write(`\r${label}: ${(bytes / 1048576).toFixed(1)} of ${(total / 1048576).toFixed(1)} MB (${percent}%)\x1b[K`);
    },
    done() {
      if (drawn) write('\r\x1b[K');
      drawn = false;
    },
  };
}
