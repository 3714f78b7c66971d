/** Records how long each pipeline stage took, for the progress line and the benchmarks. */
export interface StageTimer {
  lap(stage: string): void;
  readonly laps: [string, number][];
}

/** Starts a timer; each `lap` closes the stage that ran since the previous one. */
export function startTimer(now: () => number = performance.now.bind(performance)): StageTimer {
  let last = now();
  const laps: [string, number][] = [];
  return {
    laps,
    lap(stage) {
      const t = now();
      laps.push([stage, t - last]);
      last = t;
    },
  };
}

/** The laps as a stage → milliseconds record, in stage order. */
export function emitTimings(timer: StageTimer): Record<string, number> {
  return Object.fromEntries(timer.laps);
}
