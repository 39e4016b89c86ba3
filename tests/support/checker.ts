import { readFileSync } from 'node:fs'
import { loadCatalog } from '../../src/core/catalog'
import { openSnapshot, writeSnapshot } from '../../src/core/catalog-snapshot'
import { buildContactIndex, checkMessage } from '../../src/core/check'
import { fictionalAlert, recordFile, secondFictionalAlert } from './fixtures'

/**
 * FICTION: a third made-up company that names the SMS sender it uses, so that sender names
 * can be tested against a listed one (the jem & fix article names none).
 */
export function smsSenderFictionalAlert() {
  return fictionalAlert({
    id: 'provbanken-2026-05-02',
    title: 'Provbanken varnar för falska sms',
    published: '2026-05-02',
    company: { slug: 'provbanken', name: 'Provbanken', aliases: [] },
    official: {
      websites: ['https://provbanken.example.se/'],
      emailDomains: [],
      phones: [{ number: '+46313900600', display: '031-390 06 00' }],
      social: [],
      smsSenders: ['PROVBANKEN'],
    },
    tips: ['Provbanken skickar sms från avsändaren PROVBANKEN.'],
  })
}

/** The real jem & fix record plus the fictional companies of the fixtures. */
export function checkerCatalog() {
  const jemFix = {
    name: 'alerts/jem-fix-2026-02-28.yaml',
    text: readFileSync('alerts/jem-fix-2026-02-28.yaml', 'utf8'),
  }
  return loadCatalog([
    jemFix,
    recordFile('a', fictionalAlert()),
    recordFile('b', secondFictionalAlert()),
    recordFile('c', smsSenderFictionalAlert()),
  ])
}

/**
 * The checker's index as the Worker and the Node server load it: written to a catalog
 * snapshot and read back, so every case table of the checker runs against the serialized
 * index (the app tests build theirs from the records, the other way).
 */
export const checkerIndex = openSnapshot(
  writeSnapshot(checkerCatalog(), 'checker-tests'),
).contactIndex

export function check(text: string, sender?: string) {
  return checkMessage(checkerIndex, { text, sender })
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

/** FICTION: Exempelbolaget with only a website, as a small company's warning may state it. */
export function indexWithWebsite(website: string) {
  const record = fictionalAlert({
    official: {
      websites: [website],
      emailDomains: [],
      phones: [{ number: '+46846500400', display: '08-465 004 00' }],
      social: [],
    },
  })
  return buildContactIndex(loadCatalog([recordFile('a', record)]))
}
