import { fork } from 'node:child_process'
import autocannon from 'autocannon'
import { freePort } from '../tests/support/server'

/** Requests per second for one URL over a fixed, bounded duration on loopback. */
export async function requestsPerSecond(
  url: string,
  seconds: number,
  connections = 10,
): Promise<number> {
  const result = await autocannon({ url, duration: seconds, connections, pipelining: 1 })
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`)
  return result.requests.average
}

/** Starts bench/serve-pair.ts in a child process and returns both base URLs. */
export async function startPair(paths: string[]) {
  const [portApp, portBare] = [await freePort(), await freePort()]
  const child = fork(new URL('./serve-pair.ts', import.meta.url), {
    env: {
      ...process.env,
      PORT_APP: String(portApp),
      PORT_BARE: String(portBare),
      BENCH_PATHS: paths.join(','),
    },
    execArgv: ['--import', 'tsx'],
  })
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve())
    child.once('exit', (code) => reject(new Error(`serve-pair exited with ${code}`)))
  })
  return {
    app: `http://127.0.0.1:${portApp}`,
    bare: `http://127.0.0.1:${portBare}`,
    stop: () => child.kill('SIGTERM'),
  }
}

/**
 * Measures our route and the bare baseline alternately (A B A B …) so drift in machine
 * load hits both alike; returns the median of each.
 */
export async function compare(appUrl: string, bareUrl: string, rounds: number, seconds: number) {
  const ours: number[] = []
  const base: number[] = []
  for (let i = 0; i < rounds; i++) {
    ours.push(await requestsPerSecond(appUrl, seconds))
    base.push(await requestsPerSecond(bareUrl, seconds))
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0
  return { ours: median(ours), base: median(base), ratio: median(ours) / median(base) }
}
