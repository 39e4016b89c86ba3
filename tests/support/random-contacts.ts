import fc from 'fast-check'
import { toE164 } from '../../src/core/phone'
import { checkerIndex } from './checker'

// Generated contact points that are none of the records' official ones (jem & fix's real
// record and the fictional companies of the checker's tests), for property tests.

const officialHosts = [...checkerIndex.officialHosts.keys()]
const officialNumbers = new Set(checkerIndex.phones.keys())
const officialHandles = new Set(checkerIndex.handlesAnyPlatform.keys())
const isOfficialHost = (host: string) =>
  officialHosts.some((h) => host === h || host.endsWith(`.${h}`))

export const randomHost = fc.domain().filter((host) => !isOfficialHost(host.toLowerCase()))

/** A number as people write it, with or without a country code; never an official one. */
export const randomNumber = fc
  .tuple(
    fc.constantFrom('0', '+46 ', '+46', '00', '0046 ', '+1 ', '+44 ', ''),
    fc.array(fc.integer({ min: 0, max: 999 }), { minLength: 2, maxLength: 5 }),
    fc.constantFrom(' ', '-', '', '.', '/'),
  )
  .map(([prefix, groups, separator]) => prefix + groups.join(separator))
  .filter((number) => !officialNumbers.has(toE164(number) ?? ''))

export const randomHandle = fc
  .stringMatching(/^[a-z0-9._]{2,20}$/)
  .filter((handle) => !officialHandles.has(handle))

/** One contact point, written as a message or a search would hold it. */
export const randomContact = fc.oneof(
  randomHost,
  randomHost.map((host) => `https://${host}/logga-in`),
  randomHost.map((host) => `kundtjanst@${host}`),
  randomNumber,
  randomHandle.map((handle) => `Instagram @${handle}`),
  randomHandle.map((handle) => `facebook.com/${handle}`),
)
