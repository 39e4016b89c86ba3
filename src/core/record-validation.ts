import { buildCatalog, type Catalog, type ValidatedRecord } from './catalog'
import { catalogWarnings } from './catalog-checks'
import { formatIssue, type RecordIssue } from './record-issues'
import { parseRecord, type RecordFile } from './records'

/** The record files of an alerts folder: the published ones and those under drafts/. */
export interface RecordSet {
  published: readonly RecordFile[]
  /** Files of the drafts folder; each must carry `draft: true`. */
  drafts: readonly RecordFile[]
}

/** Everything `npm run validate` says about a folder of records. */
export interface ValidationReport {
  /** Errors: any one stops `npm run validate` (exit 1), the server and the Worker build. */
  issues: RecordIssue[]
  /** Worth a second look, never fatal (catalog-checks.ts). */
  warnings: RecordIssue[]
  /** What the site publishes (no drafts), or null when there are errors. */
  catalog: Catalog | null
  /** What `npm run preview` shows (drafts included), or null when there are errors. */
  preview: Catalog | null
  /** Every record marked `draft: true`, wherever it lies. */
  drafts: ValidatedRecord[]
  files: number
}

/**
 * Validates published records and drafts alike: each file on its own, the rules between
 * records as published, the same rules with every draft published too (so a draft that
 * would break the catalog is an error now, not on the day it goes out), the drafts folder
 * holding only drafts; then the catalog warnings, judged on the preview, with `today`
 * (YYYY-MM-DD) as the clock.
 */
export function validateRecords(set: RecordSet, today: string): ValidationReport {
  const files = [...set.published, ...set.drafts]
  const published = buildCatalog(files)
  const preview = buildCatalog(files, { drafts: 'preview' })
  const seen = new Set(published.issues.map(formatIssue))
  const issues = [
    ...published.issues,
    ...preview.issues.filter((issue) => !seen.has(formatIssue(issue))),
    ...set.drafts.flatMap(notMarkedDraft),
  ]
  const ok = issues.length === 0
  return {
    issues,
    warnings: preview.catalog ? catalogWarnings(preview.records, preview.catalog, today) : [],
    catalog: ok ? published.catalog : null,
    preview: ok ? preview.catalog : null,
    drafts: preview.drafts,
    files: files.length,
  }
}

/** A file in the drafts folder that does not say it is a draft would be published by mistake. */
function notMarkedDraft(file: RecordFile): RecordIssue[] {
  const result = parseRecord(file)
  if (!result.ok || result.alert.draft === true) return []
  return [
    {
      file: file.name,
      path: 'draft',
      message:
        'a file in the drafts folder must say draft: true; to publish it, move it to the alerts folder and delete the line',
    },
  ]
}

/** "2 items to review: official.websites, summary", or null when nothing is left. */
export function describeReview(record: ValidatedRecord): string | null {
  const items = record.alert.review ?? []
  if (items.length === 0) return null
  const fields = [...new Set(items.map((item) => item.field))].join(', ')
  return `${items.length} item${items.length === 1 ? '' : 's'} to review: ${fields}`
}
