import { readRecordFiles } from '../adapters/node/record-files'
import { buildCatalog } from '../core/catalog'
import { formatIssue } from '../core/record-issues'

/** npm run validate [dir] — checks every record and the rules between them; exits 1 on any problem. */
const dir = process.argv[2] ?? process.env.ALERTS_DIR ?? './alerts'
const files = await readRecordFiles(dir)
const { catalog, issues } = buildCatalog(files)
if (!catalog) {
  for (const issue of issues) console.error(formatIssue(issue))
  console.error(`\n${issues.length} problem(s) in ${dir}; nothing was published.`)
  process.exit(1)
}
console.log(
  `${files.length} record(s) in ${dir} are valid: ${catalog.alerts.length} alert(s), ${catalog.companies.size} compan${catalog.companies.size === 1 ? 'y' : 'ies'}.`,
)
