import { readRecordSet } from '../adapters/node/record-files'
import { formatIssue } from '../core/record-issues'
import { describeReview, validateRecords } from '../core/record-validation'
import { todayInStockholm } from './today'

/**
 * npm run validate [dir] — checks every record of the alerts folder and its drafts/ folder,
 * and the rules between them; exits 1 on any problem. Lists the drafts and prints the
 * catalog warnings, which do not fail the run.
 */
const dir = process.argv[2] ?? process.env.ALERTS_DIR ?? './alerts'
const report = validateRecords(await readRecordSet(dir), todayInStockholm())
for (const draft of report.drafts) {
  const review = describeReview(draft)
  console.log(`${draft.file}: draft, not published${review ? `; ${review}` : ''}`)
}
for (const warning of report.warnings) console.log(`warning: ${formatIssue(warning)}`)
if (!report.catalog) {
  for (const issue of report.issues) console.error(formatIssue(issue))
  console.error(`\n${report.issues.length} problem(s) in ${dir}; nothing was published.`)
  process.exit(1)
}
const { alerts, companies } = report.catalog
const drafts = report.drafts.length
console.log(
  `${report.files} record(s) in ${dir} are valid: ${alerts.length} alert(s), ${companies.size} compan${companies.size === 1 ? 'y' : 'ies'} published` +
    (drafts > 0 ? `; ${drafts} draft${drafts === 1 ? '' : 's'}` : '') +
    (report.warnings.length > 0 ? `; ${report.warnings.length} warning(s) above` : '') +
    '.',
)
