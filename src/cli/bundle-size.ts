import { bundleParts, describeBundle } from './bundle-parts'

/** Prints the size and gzip size of each module `wrangler deploy --dry-run` wrote, and the total. */
const dir = process.argv[2] ?? 'dist/worker'
console.log(`Worker bundle in ${dir}:`)
for (const line of describeBundle(await bundleParts(dir))) console.log(line)
