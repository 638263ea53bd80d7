/**
 * Progress on long work: a bar on a terminal, a line per step otherwise (logs, CI), so that
 * scripts reading stderr are not flooded with redraws.
 */
import cliProgress from "cli-progress";

export interface Progress {
  update(done: number): void;
  stop(message?: string): void;
}

const LINE_STEP = 0.25;

export function startProgress(
  label: string,
  total: number,
  stream: NodeJS.WriteStream = process.stderr,
): Progress {
  if (stream.isTTY && total > 0) {
    const bar = new cliProgress.SingleBar(
      { format: `${label} [{bar}] {percentage}% | {eta_formatted} left`, stream, hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0);
    return {
      update: (done) => bar.update(Math.min(done, total)),
      stop: (message) => {
        bar.update(total);
        bar.stop();
        if (message) stream.write(`${message}\n`);
      },
    };
  }
  let nextMark = LINE_STEP;
  stream.write(`${label}: started\n`);
  return {
    update: (done) => {
      if (total > 0 && done / total >= nextMark) {
        stream.write(`${label}: ${Math.round((done / total) * 100)}%\n`);
        while (done / total >= nextMark) nextMark += LINE_STEP;
      }
    },
    stop: (message) => stream.write(`${label}: ${message ?? "done"}\n`),
  };
}
