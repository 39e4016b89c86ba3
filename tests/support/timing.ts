/**
 * The fastest of `runs` runs, in milliseconds: on a machine shared with other work the
 * fastest run is the one least disturbed. Timing tests compare such figures with wide bounds
 * (pathological slowness only; figures belong in `npm run bench`).
 */
export function fastestOf(runs: number, run: () => void): number {
  let fastest = Number.POSITIVE_INFINITY
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    run()
    fastest = Math.min(fastest, performance.now() - started)
  }
  return fastest
}
