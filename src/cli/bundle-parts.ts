import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { snapshotHeader } from '../core/catalog-snapshot'

export interface BundlePart {
  name: string
  bytes: number
  gzip: number
}

const measure = (name: string, bytes: Uint8Array): BundlePart => ({
  name,
  bytes: bytes.length,
  gzip: gzipSync(bytes, { level: 9 }).length,
})

/**
 * The modules `wrangler deploy --dry-run --outdir dir` wrote, each with its size and gzip
 * size, and the catalog snapshot's sections one by one (what the records and the index cost).
 */
export async function bundleParts(
  dir: string,
): Promise<{ modules: BundlePart[]; snapshot: BundlePart[] }> {
  const files = (await readdir(dir)).filter((f) => /\.(js|bin)$/.test(f) && !f.startsWith('bench-'))
  const modules: BundlePart[] = []
  const snapshot: BundlePart[] = []
  for (const file of files.sort()) {
    const bytes = new Uint8Array(await readFile(join(dir, file)))
    modules.push(measure(file.replace(/^[0-9a-f]{40}-/, ''), bytes))
    const header = file.endsWith('.bin') ? snapshotHeader(bytes) : null
    if (!header) continue
    const start = bytes.indexOf(10) + 1
    snapshot.push(measure('header', bytes.subarray(0, start)))
    for (const [name, [from, to]] of Object.entries(header.sections)) {
      snapshot.push(measure(name, bytes.subarray(start + from, start + to)))
    }
  }
  return { modules, snapshot }
}

const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`

/** Lines for a terminal: each module, the total, and the snapshot's sections. */
export function describeBundle({
  modules,
  snapshot,
}: Awaited<ReturnType<typeof bundleParts>>): string[] {
  const total = modules.reduce(
    (sum, m) => ({ bytes: sum.bytes + m.bytes, gzip: sum.gzip + m.gzip }),
    {
      bytes: 0,
      gzip: 0,
    },
  )
  return [
    ...modules.map(
      (m) => `  ${m.name.padEnd(24)} ${kib(m.bytes).padStart(9)}  ${kib(m.gzip).padStart(8)} gzip`,
    ),
    ...snapshot.map(
      (s) =>
        `    snapshot ${s.name.padEnd(15)} ${kib(s.bytes).padStart(9)}  ${kib(s.gzip).padStart(8)} gzip`,
    ),
    `  ${'total'.padEnd(24)} ${kib(total.bytes).padStart(9)}  ${kib(total.gzip).padStart(8)} gzip (limit: 1 MiB gzip)`,
  ]
}
