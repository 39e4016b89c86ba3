import { describe, it } from 'vitest'
import { expectNotOfficial, OFFICIAL_NUMBER } from '../../support/attack-checks'

// Third adversarial review of issue 9. jem & fix's name and number are the real record's; the
// accounts are made up. FICTION.

// atHandle (candidates.ts) keeps an @handle only when a platform of PLATFORM_WORDS (handles.ts)
// is named near it or alone in the message. Telegram, WhatsApp and Signal are not in that
// list, and a message may name no platform at all, so the account the reader is told to write
// to gives no finding and the official number makes the message official-contacts. Should: an
// @handle the reader is sent to is a finding (not official, or unknown with the platform
// unknown), never silently dropped.
describe('an @account on a platform the checker does not list is still a finding', () => {
  it.each([
    ['Telegram', 'Skriv till vår support på Telegram: @jemfix_support.'],
    ['WhatsApp', 'Kontakta oss på WhatsApp @jemfixsupport.'],
    ['Signal', 'Skriv till oss på Signal: @jemfix.01'],
    ['no platform named', 'Kontakta @jemfix_support så hjälper vi dig.'],
  ])('%s', (_name, text) => {
    expectNotOfficial(`${text} ${OFFICIAL_NUMBER}`)
  })
})

// The same gap the other way: the official Instagram account's name on Telegram (where anyone
// can take it) is read as the Instagram account, because Telegram is no platform word and the
// message names Instagram elsewhere (soleNamedPlatform, or platformBefore within 40
// characters). The message sends the reader to Telegram and is official-contacts. Should: a
// platform the checker does not know, named right before the account, keeps it from being
// read as an account on another platform.
describe("an official account's name on another platform is not official", () => {
  it.each([
    'Vi svarar inte längre på Instagram. Skriv till oss på Telegram: @jemfix.se.',
    'Du hittar oss på Instagram och Telegram: @jemfix.se',
  ])('%s', (text) => {
    expectNotOfficial(`${text} ${OFFICIAL_NUMBER}`)
  })
})
