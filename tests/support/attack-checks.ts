import { expect } from 'vitest'
import { check } from './checker'

/**
 * Helpers of the adversarial review's tests (*.attack.test.ts). jem & fix's number is the real
 * record's; every other name, domain and number in those tests is fiction (reserved names such
 * as evil.example, which stands for the scammers' site, and the Swedish fiction ranges).
 */

/** The official number, so that a message whose link is missed is judged official-contacts. */
export const OFFICIAL_NUMBER = 'Frågor? Ring 046-28 52 900.'

/**
 * A message that leads somewhere not official: never official-contacts, and at least one
 * finding (the hidden link) that is not official.
 */
export function expectNotOfficial(text: string, sender?: string) {
  const result = check(text, sender)
  const found = result.findings.map((f) => `${f.kind} ${f.value}: ${f.status}`)
  expect(result.verdict, `verdict with findings [${found.join('; ')}]`).not.toBe(
    'official-contacts',
  )
  expect(
    found.filter((line) => !line.endsWith(': official')),
    'findings that are not official',
  ).not.toEqual([])
}
