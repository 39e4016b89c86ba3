import { benchChecker } from './checker'
import { benchDigest } from './digest'
import { benchNodeStart } from './node-start'
import { benchPages } from './pages'
import { benchWorker } from './worker'

/**
 * npm run bench [section…] — loopback-only, time-bounded benchmarks. Every figure is printed
 * next to a baseline measured in the same run, because absolute numbers vary between machines.
 */
const sections: Record<string, () => Promise<void>> = {
  pages: benchPages,
  checker: benchChecker,
  digest: benchDigest,
  worker: benchWorker,
  start: benchNodeStart,
}

const wanted = process.argv.slice(2)
for (const name of wanted.length > 0 ? wanted : Object.keys(sections)) {
  const section = sections[name]
  if (!section) {
    console.error(`unknown section "${name}"; choose from ${Object.keys(sections).join(', ')}`)
    process.exit(2)
  }
  console.log(`\n== ${name} ==`)
  await section()
}
