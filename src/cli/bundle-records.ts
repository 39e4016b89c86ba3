import { join } from 'node:path'
import { readRecordFiles } from '../adapters/node/record-files'
import { SNAPSHOT_FILE, writeSnapshotFile } from '../adapters/node/snapshot-files'
import { buildCatalog } from '../core/catalog'
import { formatIssue } from '../core/record-issues'
import { writeSnapshotModule } from './bundle-snapshot'

/**
 * npm run bundle:records [dir] [outDir] — validates alerts/ exactly like `npm run validate` and
 * writes their catalog snapshot (the records and the checker's index, src/core/catalog-snapshot.ts)
 * for the Worker, which has no file system, to src/generated/. Fails, writing nothing, on any
 * invalid record. Also wrangler.toml's [build] command, so `wrangler dev` and a plain
 * `wrangler deploy` run it too; ALERTS_DIR picks another folder. `npm run build` runs it
 * for the compiled Node server into dist/.
 */
const dir = process.argv[2] ?? process.env.ALERTS_DIR ?? './alerts'
const out = process.argv[3] ?? 'src/generated'
const files = await readRecordFiles(dir)
const { catalog, issues } = buildCatalog(files)
if (!catalog) {
  for (const issue of issues) console.error(formatIssue(issue))
  console.error(`\n${issues.length} problem(s) in ${dir}; the Worker bundle was not built.`)
  process.exit(1)
}
const changed = await writeSnapshotFile(catalog, files, out)
await writeSnapshotModule(out)
console.log(
  `${catalog.alerts.length} record(s) from ${dir} ${changed ? 'bundled into' : 'already bundled in'} ${join(out, SNAPSHOT_FILE)}`,
)
