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
 * a message does not, an @handle with no platform named and bare words (jemofixsverige),
 * each looked up across platforms. Every word is an account where it is an official one;
 * a query of one word that the checker did not read and that is no company's name (or its
 * beginning) is also judged as an account on no platform in particular, so an imitation
 * (jemfix_sverige) is a lookalike.
 */
export function accountCandidates(
  index: ContactIndex,
  query: string,
  extracted: readonly ContactCandidate[],
  namesCompany: boolean,
): ContactCandidate[] {
  const readAt = new Set(extracted.map((c) => c.evidence.at))
  // "Instagram jemofixsverige": the checker read the account on the platform named.
  const accountAt = new Set(extracted.filter((c) => c.kind === 'handle').map((c) => c.evidence.at))
  const words = [...query.matchAll(/\S+/g)]
  const accounts: ContactCandidate[] = []
  for (const word of words) {
    const value = word[0].replace(/[.,;:!?]+$/, '')
    if (accountAt.has(word.index)) continue
    if (value.startsWith('@')) {
      accounts.push(...accountReadings(index, value, word.index, 'at-sign', false))
    } else {
      const officialOnly = words.length > 1 || readAt.has(word.index) || namesCompany
      accounts.push(...accountReadings(index, value, word.index, 'plain-word', officialOnly))
    }
  }
  return accounts
}
