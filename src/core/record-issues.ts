/** One problem in one record file, with the path of the field inside it. */
export interface RecordIssue {
  file: string
  path: string
  message: string
}

/** `alerts/x.yaml: official.phones[0].number: must be …` — the one format the CLI, server and build print. */
export function formatIssue(issue: RecordIssue): string {
  return issue.path
    ? `${issue.file}: ${issue.path}: ${issue.message}`
    : `${issue.file}: ${issue.message}`
}

/** Thrown when records cannot be served; carries every problem found, not just the first. */
export class InvalidRecordsError extends Error {
  constructor(readonly issues: RecordIssue[]) {
    super(`${issues.length} invalid record(s):\n${issues.map(formatIssue).join('\n')}`)
    this.name = 'InvalidRecordsError'
  }
}

/** zod's path array as people read it: official.phones[0].number */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) =>
      typeof key === 'number' ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`,
    )
    .join('')
}
