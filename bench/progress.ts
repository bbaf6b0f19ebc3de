/**
 * Progress on stderr while the benchmark runs (stdout stays for the table or
 * JSON): one rewritten line on a terminal, a line every ~10% otherwise.
 */
export function progressReporter(label: string): { update: (done: number, total: number, what?: string) => void; note: (message: string) => void } {
  const terminal = process.stderr.isTTY === true;
  let lastShare = -1;
  let lastWrite = 0;
  return {
    update(done, total, what = '') {
      const share = total > 0 ? done / total : 1;
      const now = Date.now();
      if (terminal) {
        if (now - lastWrite < 100 && done < total) return;
        lastWrite = now;
        process.stderr.write(`\r\x1b[2K${label} ${what} ${done}/${total} (${Math.round(share * 100)}%)`);
        if (done >= total) process.stderr.write('\n');
      } else if (Math.floor(share * 10) > Math.floor(lastShare * 10) || done >= total) {
        if (done >= total && lastShare >= 1) return;
        process.stderr.write(`${label} ${what} ${done}/${total} (${Math.round(share * 100)}%)\n`);
      }
      lastShare = share;
    },
    note(message) {
      process.stderr.write(`${terminal ? '\r\x1b[2K' : ''}${label} ${message}\n`);
    },
  };
}
