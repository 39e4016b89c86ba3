import { SOCIAL_PLATFORMS, type SocialPlatform } from '../alert-schema'
import { hostParts } from '../domain'
import { officialPageOf } from './hosting'

/** Words people use for each platform; "x" is left out, it is too common a letter. */
const PLATFORM_WORDS: ReadonlyMap<string, SocialPlatform> = new Map([
  ['facebook', 'facebook'],
  ['fb', 'facebook'],
  ['messenger', 'facebook'],
  ['instagram', 'instagram'],
  ['insta', 'instagram'],
  ['ig', 'instagram'],
  ['twitter', 'x'],
  ['tiktok', 'tiktok'],
  ['linkedin', 'linkedin'],
  ['youtube', 'youtube'],
  ['threads', 'threads'],
])

const PLATFORM_BY_HOST = new Map<string, SocialPlatform>(
  Object.entries(SOCIAL_PLATFORMS).flatMap(([platform, { hosts }]) =>
    hosts.map((host) => [host, platform as SocialPlatform] as const),
  ),
)

/** A handle as platforms allow it: letters, digits, dots and underscores. */
export const HANDLE = /^@?([A-Za-z0-9._]{2,64})$/

// Words that follow a platform name but are not account names.
const NOT_HANDLES = new Set([
  'och',
  'eller',
  'på',
  'i',
  'som',
  'heter',
  'är',
  'att',
  'men',
  'med',
  'the',
  'and',
  'or',
  'vi',
  'oss',
  'du',
  'dig',
  'har',
  'kan',
  'från',
  'till',
  'for',
  'för',
  'om',
  'idag',
  'nu',
  'också',
  'en',
  'ett',
  'den',
  'det',
  'page',
  'sida',
  'sidan',
])
/** Words allowed between a platform name and the account: "Instagram, där vi heter jemfix.se". */
const LINKING_WORDS = new Set(['som', 'heter', 'är', 'vi', 'oss', 'kontot', 'konto', 'där'])

/** The platform a word names ("Instagram", "fb:"), or null. */
export function platformOfWord(word: string | null): SocialPlatform | null {
  if (!word || word.length > 10) return null
  return PLATFORM_WORDS.get(word.toLowerCase().replace(/[:,.]$/, '')) ?? null
}

/**
 * Messaging apps no record lists accounts on. Named right before an @account, they say the
 * account is there, not on a listed platform named earlier ("…Instagram. Skriv till oss på
 * Telegram: @jemfix.se" is no Instagram account), so it is never read as official.
 */
const UNLISTED_PLATFORM_WORDS = ['telegram', 'whatsapp', 'signal', 'snapchat', 'discord', 'viber']

/** A platform a text names: a listed one, or 'unlisted' for a messaging app no record lists. */
export type NamedPlatform = SocialPlatform | 'unlisted'

const PLATFORM_MENTION = new RegExp(
  `\\b(${[...PLATFORM_WORDS.keys(), ...UNLISTED_PLATFORM_WORDS].join('|')})\\b`,
  'g',
)

/** The platform a mention names, 'unlisted' for an app of UNLISTED_PLATFORM_WORDS. */
function platformOfMention(word: string): NamedPlatform {
  return PLATFORM_WORDS.get(word) ?? 'unlisted'
}

/** Where a text names a platform: the end of each mention, in order. */
export interface PlatformMentions {
  ends: number[]
  platforms: NamedPlatform[]
}

/** Every platform named in a text, found in one pass. */
export function platformMentions(text: string): PlatformMentions {
  const mentions: PlatformMentions = { ends: [], platforms: [] }
  for (const match of text.toLowerCase().matchAll(PLATFORM_MENTION)) {
    mentions.ends.push(match.index + match[0].length)
    mentions.platforms.push(platformOfMention(match[1]!))
  }
  return mentions
}

/** How near before a position a platform must be named to say where an account is. */
const PLATFORM_WINDOW = 40

/** The platform named closest before a position, within 40 characters, or null. */
export function platformBefore(mentions: PlatformMentions, position: number): NamedPlatform | null {
  let [low, high] = [0, mentions.ends.length]
  while (low < high) {
    const middle = (low + high) >> 1
    if (mentions.ends[middle]! <= position) low = middle + 1
    else high = middle
  }
  const last = low - 1
  return last >= 0 && position - mentions.ends[last]! < PLATFORM_WINDOW
    ? mentions.platforms[last]!
    : null
}

/** A listed platform, or null for none or an unlisted app. */
export function listedPlatform(named: NamedPlatform | null): SocialPlatform | null {
  return named === 'unlisted' ? null : named
}

/**
 * The only platform a text names, if it names exactly one listed platform and no unlisted
 * app (a message naming Instagram and Telegram says nothing sure about where an account is).
 */
export function soleNamedPlatform(text: string): SocialPlatform | null {
  const named = new Set<NamedPlatform>()
  for (const match of text.toLowerCase().matchAll(PLATFORM_MENTION)) {
    named.add(platformOfMention(match[1]!))
    if (named.size > 1) return null
  }
  return named.size === 1 ? listedPlatform([...named][0]!) : null
}

const NOT_PROFILES = new Set(['profile.php', 'pages', 'groups', 'share', 'p', 'reel', 'watch'])

/** A social profile link such as facebook.com/jemofixsverige, as platform and handle. */
export function profileOf(url: URL): { platform: SocialPlatform; handle: string } | null {
  const parts = hostParts(url.hostname)
  const platform = parts && PLATFORM_BY_HOST.get(parts.registrable)
  if (!platform) return null
  const first = url.pathname.split('/', 2)[1]
  const handle = first?.replace(/^@/, '')
  if (!handle || !HANDLE.test(handle) || NOT_PROFILES.has(handle)) return null
  return { platform, handle }
}

/**
 * The social accounts a company's websites are (https://www.facebook.com/jemfix is the
 * account jemfix on Facebook, a website or not): a page that is a profile and nothing below it.
 */
export function websiteAccountsOf(
  websites: readonly string[],
): { platform: SocialPlatform; handle: string }[] {
  return websites.flatMap((website) => {
    const url = new URL(website)
    const page = officialPageOf(url)
    const profile = profileOf(url)
    const handle = profile?.handle.toLowerCase()
    const onlyProfile = page && !page.query && [`/${handle}`, `/@${handle}`].includes(page.path)
    return profile && onlyProfile ? [profile] : []
  })
}

/** A word after a platform name, read as an account name: how sure, or null if it is none. */
export function handleAfterPlatform(word: string): 'after-platform-name' | 'plain-word' | null {
  const handle = HANDLE.exec(word)?.[1]
  if (!handle || word.startsWith('@') || NOT_HANDLES.has(handle.toLowerCase())) return null
  return /[._\d]/.test(handle) ? 'after-platform-name' : 'plain-word'
}

/** True for the words that may sit between a platform name and an account name. */
function isLinkingWord(word: string): boolean {
  return LINKING_WORDS.has(word.toLowerCase())
}

/** Linking words, or dashes and other punctuation, allowed between a platform name and an account. */
const MAX_LINKING = 3

/**
 * The platform named just before token i, with at most three linking words or dashes between
 * ("Instagram heter vi …", "Instagram – …", "Instagram, där vi heter …"), or null.
 */
export function platformRightBefore(
  platforms: readonly (SocialPlatform | null)[],
  tokens: readonly { text: string }[],
  i: number,
): SocialPlatform | null {
  let back = i - 1
  const linking = (text: string) => isLinkingWord(text) || !/[\p{L}\p{N}]/u.test(text)
  while (back >= 0 && i - back <= MAX_LINKING && !platforms[back] && linking(tokens[back]!.text)) {
    back--
  }
  return back >= 0 && i - back <= MAX_LINKING + 1 ? (platforms[back] ?? null) : null
}
