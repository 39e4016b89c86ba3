import { readFileSync } from 'node:fs'
import { loadCatalog } from '../../src/core/catalog'
import { checkMessage } from '../../src/core/check/check-message'
import { buildContactIndex } from '../../src/core/check/contact-index'
import { fictionalAlert, recordFile, secondFictionalAlert } from './fixtures'

/** The real jem & fix record plus the two fictional companies of the fixtures. */
export function checkerCatalog() {
  const jemFix = {
    name: 'alerts/jem-fix-2026-02-28.yaml',
    text: readFileSync('alerts/jem-fix-2026-02-28.yaml', 'utf8'),
  }
  return loadCatalog([
    jemFix,
    recordFile('a', fictionalAlert()),
    recordFile('b', secondFictionalAlert()),
  ])
}

const index = buildContactIndex(checkerCatalog())

export function check(text: string, sender?: string) {
  return checkMessage(index, { text, sender })
}

/** The single finding for a value, failing loudly when there is not exactly one. */
export function findingFor(text: string, value: string, sender?: string) {
  const result = check(text, sender)
  const matches = result.findings.filter((f) => f.value === value)
  if (matches.length !== 1) {
    throw new Error(
      `expected one finding for ${value}, got ${JSON.stringify(result.findings, null, 1)}`,
    )
  }
  return matches[0]!
}
