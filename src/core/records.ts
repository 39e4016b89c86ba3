import { parseDocument } from 'yaml'
import { type Alert, alertSchemas } from './alert-schema'
import { formatPath, type RecordIssue } from './record-issues'

/** A record file as read from alerts/: its name for messages, and its text. */
export interface RecordFile {
  name: string
  text: string
}

export type ParsedRecord =
  | { ok: true; alert: Alert; file: string }
  | { ok: false; issues: RecordIssue[] }

/** Parses and validates one YAML record; never throws. */
export function parseRecord(file: RecordFile): ParsedRecord {
  const doc = parseDocument(file.text, { prettyErrors: true, uniqueKeys: true })
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((error) => ({
        file: file.name,
        path: '',
        message: `YAML syntax error at line ${error.linePos?.[0]?.line ?? '?'}: ${error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '')}`,
      })),
    }
  }
  const result = alertSchemas().AlertSchema.safeParse(doc.toJS())
  if (!result.success) {
    return {
      ok: false,
      issues: result.error.issues.map((issue) => ({
        file: file.name,
        path: formatPath(issue.path),
        message: issue.message,
      })),
    }
  }
  return { ok: true, alert: result.data, file: file.name }
}
