import { benchChecker } from './checker'
import { benchDigest } from './digest'
import { benchDigestQueue } from './digest-queue'
import { benchNodeStart } from './node-start'
import { benchPages } from './pages'
import { benchWorker } from './worker'

/**
 * npm run bench [section…] — loopback-only, time-bounded benchmarks. Every figure is printed
 * next to a baseline measured in the same run, because absolute numbers vary between machines.
 * A number after a section is its size (npm run bench digest-queue 2000).
 */
const sections: Record<string, (args: string[]) => Promise<void>> = {
  pages: benchPages,
  checker: benchChecker,
  digest: benchDigest,
  worker: benchWorker,
  start: benchNodeStart,
  'digest-queue': benchDigestQueue,
}
/** Minutes long, so only when asked for by name. */
const byNameOnly = new Set(['digest-queue'])

const wanted: { name: string; args: string[] }[] = []
for (const arg of process.argv.slice(2)) {
  const last = wanted.at(-1)
  if (/^\d+$/.test(arg) && last) last.args.push(arg)
  else wanted.push({ name: arg, args: [] })
}
if (wanted.length === 0)
  for (const name of Object.keys(sections))
    if (!byNameOnly.has(name)) wanted.push({ name, args: [] })

for (const { name, args } of wanted) {
  const section = sections[name]
  if (!section) {
    console.error(`unknown section "${name}"; choose from ${Object.keys(sections).join(', ')}`)
    process.exit(2)
  }
  // On stderr, so that a section's own stdout stays what it prints.
  console.error(`\n== ${name} ==`)
  await section(args)
}
