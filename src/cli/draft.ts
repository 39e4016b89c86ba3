import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { DRAFTS_FOLDER, readRecordSet } from '../adapters/node/record-files'
import type { ValidatedRecord } from '../core/catalog'
import { type DraftFile, draftFromText } from '../core/draft/draft-run'
import type { DraftRecord } from '../core/draft/read-article'
import { formatIssue } from '../core/record-issues'
import { validateRecords } from '../core/record-validation'
import { parseRecord } from '../core/records'
import { todayInStockholm } from './today'

/**
 * npm run draft -- <article file> [--dry-run] — reads a text file of news articles and
 * writes a draft record to <ALERTS_DIR>/drafts/<id>.yaml for each company an article says
 * is impersonated; one line per article says what it did, or why there is no draft. Then
 * validates the drafts with the records and prints what is wrong. Exit 1 on a file it
 * cannot read or a draft that does not validate.
 */
const USAGE =
  'usage: npm run draft -- <article file> [--dry-run]   (drafts go to $ALERTS_DIR/drafts, default ./alerts/drafts)'

const args = process.argv.slice(2)
const dryRun = args.includes('--dry-run')
const paths = args.filter((arg) => !arg.startsWith('--'))
const alertsDir = process.env.ALERTS_DIR ?? './alerts'
const draftsDir = join(alertsDir, DRAFTS_FOLDER)

function fail(line: string): never {
  console.error(line)
  process.exit(1)
}

const shown = (path: string) => relative(process.cwd(), path) || path
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

/** "jem & fix: 1 e-mail domain, 1 number, 2 accounts; 14 tips; nothing to review" */
function describeDraft(record: DraftRecord): string {
  const { official } = record
  const contacts = [
    official.websites.length > 0 ? plural(official.websites.length, 'website') : '',
    official.emailDomains.length > 0 ? plural(official.emailDomains.length, 'e-mail domain') : '',
    official.phones.length > 0 ? plural(official.phones.length, 'number') : '',
    official.social.length > 0 ? plural(official.social.length, 'account') : '',
    record.reportedFakes.length > 0 ? plural(record.reportedFakes.length, 'reported fake') : '',
  ].filter(Boolean)
  const review =
    record.review.length > 0
      ? `${plural(record.review.length, 'item')} to review`
      : 'nothing to review'
  return `${record.company.name}: ${contacts.join(', ') || 'no contacts'}; ${plural(record.tips.length, 'tip')}; ${review}`
}

/** Writes a draft whole or not at all; keeps a copy of an edited draft it replaces. */
async function writeDraft(draft: DraftFile): Promise<string> {
  const path = join(draftsDir, draft.file)
  const current = await readFile(path, 'utf8').catch(() => null)
  if (current === draft.yaml) return `unchanged ${shown(path)}`
  await mkdir(draftsDir, { recursive: true })
  const temporary = `${path}.${process.pid}.tmp`
  await writeFile(temporary, draft.yaml)
  if (current !== null) await writeFile(`${path}.bak`, current)
  await rename(temporary, path)
  return current === null
    ? `wrote ${shown(path)}`
    : `replaced ${shown(path)}; the edited version is in ${shown(`${path}.bak`)}`
}

if (paths.length !== 1) fail(USAGE)
const source = paths[0]!
const text = await readFile(source, 'utf8').catch((error: NodeJS.ErrnoException) =>
  fail(`cannot read ${source}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`),
)
const set = await readRecordSet(alertsDir).catch((error: NodeJS.ErrnoException) =>
  fail(`cannot read the records in ${alertsDir}: ${error.message}`),
)
const records: ValidatedRecord[] = [...set.published, ...set.drafts].flatMap((file) => {
  const result = parseRecord(file)
  return result.ok ? [{ file: result.file, alert: result.alert }] : []
})

const outcomes = draftFromText(text, { sourceName: source.split('/').at(-1) ?? source, records })
if (outcomes.length === 0) fail(`${source} holds no text`)
console.log(`Reading ${shown(source)}: ${plural(outcomes.length, 'article')}`)

const written: string[] = []
for (const { article, reading, drafts } of outcomes) {
  const title = article.title.length > 70 ? `${article.title.slice(0, 69)}…` : article.title
  const prefix = `[${article.number}/${outcomes.length}] "${title}" (${article.date ?? 'no date'}):`
  if (reading.kind === 'no-draft') {
    console.log(`${prefix} no draft: ${reading.reason}`)
    continue
  }
  for (const draft of drafts) {
    const path = join(draftsDir, draft.file)
    const action = dryRun ? `would write ${shown(path)}` : await writeDraft(draft)
    console.log(`${prefix} ${action} (${describeDraft(draft.record)})`)
    if (draft.coveredBy.length > 0) {
      console.log(
        `      a published record already covers this article: ${draft.coveredBy.join(', ')}; compare them before publishing`,
      )
    }
    if (dryRun) console.log(`\n${draft.yaml}`)
    written.push(shown(path))
  }
}

const drafted = outcomes.filter((o) => o.drafts.length > 0).length
console.log(
  `\n${plural(written.length, 'draft')} ${dryRun ? 'would be written' : 'written'}, ${plural(outcomes.length - drafted, 'article')} without one.`,
)
if (dryRun || written.length === 0) process.exit(0)

// The drafts as the catalog will see them: what would break once they are published.
const report = validateRecords(await readRecordSet(alertsDir), todayInStockholm())
const ours = (file: string) => written.includes(file) || written.includes(shown(file))
const problems = report.issues.filter((issue) => ours(issue.file))
for (const warning of report.warnings.filter((w) => ours(w.file))) {
  console.log(`warning: ${formatIssue(warning)}`)
}
if (problems.length > 0) {
  for (const issue of problems) console.error(formatIssue(issue))
  console.error(
    `${plural(problems.length, 'problem')} to fix in the drafts before they can be previewed or published.`,
  )
  process.exit(1)
}
console.log(
  'Next: check each draft against its article, resolve its review items, then npm run preview.',
)
