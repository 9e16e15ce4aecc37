// How many cases each property tries and with which seed: few and fixed in `npm test`, many in `npm run test:fuzz`.

/** A fixed seed, so a failure in `npm test` reproduces on every machine; FUZZ_SEED explores other cases. */
export const SEED = Number(process.env.FUZZ_SEED ?? 20_270_105);

const fuzzRuns = Number(process.env.FUZZ_RUNS ?? 0);

/** True when `npm run test:fuzz` (FUZZ_RUNS set) asks for a long run. */
export const FUZZING = Number.isInteger(fuzzRuns) && fuzzRuns > 0;

/**
 * Runs for one property: `quick` in `npm test`; under FUZZ_RUNS, that many times `share`
 * (slow formats such as PDF and Word take a share of the runs the fast ones get).
 */
export function runs(quick: number, share = 1): number {
  return FUZZING ? Math.max(1, Math.round(fuzzRuns * share)) : quick;
}

/** A test's time limit that grows with its number of runs, so long fuzz runs are not cut short. */
export function timeLimit(numRuns: number, perRunMs: number): number {
  return Math.max(60_000, numRuns * perRunMs * 3);
}

/** Options for fc.assert: the fixed seed and the run count. */
export function assertOptions(numRuns: number): { seed: number; numRuns: number } {
  return { seed: SEED, numRuns };
}
