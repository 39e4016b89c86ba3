import { readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

/** Prints the size and gzip size of the Worker bundle that `wrangler deploy --dry-run` wrote. */
const dir = process.argv[2] ?? 'dist'
const files = (await readdir(dir)).filter((f) => f.endsWith('.js'))
let raw = 0
let gzipped = 0
for (const file of files) {
  const bytes = await readFile(join(dir, file))
  raw += (await stat(join(dir, file))).size
  gzipped += gzipSync(bytes, { level: 9 }).length
}
const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`
console.log(
  `Worker bundle (${files.join(', ')}): ${kib(raw)}, ${kib(gzipped)} gzip (limit: 1 MiB gzip on the free plan)`,
)
