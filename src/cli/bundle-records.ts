import { join } from 'node:path'
import { readRecordFiles } from '../adapters/node/record-files'
import { readSnapshotFile, SNAPSHOT_FILE, writeSnapshotFile } from '../adapters/node/snapshot-files'
import { buildCatalog } from '../core/catalog'
import { formatIssue } from '../core/record-issues'
import { writeSnapshotModule } from './bundle-snapshot'

/**
 * npm run bundle:records [dir] [outDir] — validates alerts/ exactly like `npm run validate` and
 * writes their catalog snapshot (the records and the checker's index, src/core/catalog-snapshot.ts)
 * for the Worker, which has no file system, to src/generated/. Fails, writing nothing, on any
 * invalid record. Also wrangler.toml's [build] command, so `wrangler dev` and a plain
 * `wrangler deploy` run it too; ALERTS_DIR picks another folder. `npm run build` runs it
 * for the compiled Node server into dist/. Drafts (`draft: true`) are never bundled, and the
 * drafts/ folder is not read.
 */
const dir = process.argv[2] ?? process.env.ALERTS_DIR ?? './alerts'
const WORKER_OUT = 'src/generated'
const out = process.argv[3] ?? WORKER_OUT
const files = await readRecordFiles(dir)
const snapshotPath = join(out, SNAPSHOT_FILE)
// The Worker imports the snapshot through this module; the Node server reads the file.
if (out === WORKER_OUT) await writeSnapshotModule(out)
// Made from these very files by this code already: nothing to validate or write again.
if ((await readSnapshotFile(snapshotPath, files)).snapshot) {
  console.log(`${files.length} record file(s) from ${dir} already bundled in ${snapshotPath}`)
  process.exit(0)
}
const { catalog, issues, drafts } = buildCatalog(files)
if (!catalog) {
  for (const issue of issues) console.error(formatIssue(issue))
  console.error(`\n${issues.length} problem(s) in ${dir}; the Worker bundle was not built.`)
  process.exit(1)
}
const changed = await writeSnapshotFile(catalog, files, out)
const leftOut = drafts.length > 0 ? `; ${drafts.length} draft(s) left out` : ''
console.log(
  `${catalog.alerts.length} record(s) from ${dir} ${changed ? 'bundled into' : 'already bundled in'} ${snapshotPath}${leftOut}`,
)
