import type { SocialPlatform } from '../alert-schema'
import { type ContactCandidate, type ContactIndex, HANDLE } from '../check'

/** Which social accounts a word may be, when the query names no platform. */
type AccountWriting = 'at-sign' | 'plain-word'

function accountCandidate(
  value: string,
  handle: string,
  at: number,
  platform: SocialPlatform | null,
  written: AccountWriting,
): ContactCandidate {
  return {
    kind: 'handle',
    value,
    platform,
    handle,
    written,
    evidence: { source: 'text', at, scheme: null, wordBefore: null, platformNamed: platform },
  }
}

/**
 * A word read as a social account without a platform: on every platform where it is an
 * official account (the answer names the platform), and otherwise on none in particular,
 * which the checker judges a lookalike, an unknown account (written with @) or no account
 * at all (a plain word). `officialOnly` keeps just the official readings, for a word that
 * is already something else (a domain, a company's name).
 */
function accountReadings(
  index: ContactIndex,
  value: string,
  at: number,
  written: AccountWriting,
  officialOnly: boolean,
): ContactCandidate[] {
  const handle = HANDLE.exec(value)?.[1]
  if (!handle) return []
  const official = index.handlesAnyPlatform.get(handle.toLowerCase()) ?? []
  if (official.length > 0) {
    return official.map(({ platform }) => accountCandidate(value, handle, at, platform, written))
  }
  return officialOnly ? [] : [accountCandidate(value, handle, at, null, written)]
}

/**
 * Stage 1 for a search query, after the checker's own extraction (numbers in any format,
 * links, domains, addresses, profile links, "Instagram @konto"): what a search box holds and
 * a message does not, an @handle with no platform named and a query of one bare word
 * (jemofixsverige), each looked up across platforms. `namesCompany` says the query is a
 * company's name (or its beginning), which a bare word then stands for rather than an
 * account imitating it. A word the checker read already (jemfix.se, a domain) is also an
 * account where it is an official one.
 */
export function accountCandidates(
  index: ContactIndex,
  query: string,
  extracted: readonly ContactCandidate[],
  namesCompany: boolean,
): ContactCandidate[] {
  const readAt = new Set(extracted.map((c) => c.evidence.at))
  const words = [...query.matchAll(/\S+/g)]
  const accounts: ContactCandidate[] = []
  for (const word of words) {
    const value = word[0].replace(/[.,;:!?]+$/, '')
    if (value.startsWith('@')) {
      if (!readAt.has(word.index)) {
        accounts.push(...accountReadings(index, value, word.index, 'at-sign', false))
      }
    } else if (words.length === 1) {
      const officialOnly = readAt.has(word.index) || namesCompany
      accounts.push(...accountReadings(index, value, word.index, 'plain-word', officialOnly))
    }
  }
  return accounts
}
