import { findPhoneNumbersInText, parsePhoneNumberFromString } from 'libphonenumber-js/max'
import { SOCIAL_PLATFORMS, type SocialPlatform } from '../alert-schema'
import { hostParts, isIpLiteral, normalizeHostname } from '../domain'
import { DEFAULT_REGION } from '../phone'

/** One contact point found in a message or its sender, before it is judged. */
export type ExtractedItem =
  | { kind: 'url'; value: string; hostname: string; userinfo: string | null }
  | { kind: 'domain'; value: string; hostname: string }
  | { kind: 'email'; value: string; address: string; hostname: string }
  | { kind: 'phone'; value: string; e164: string }
  | { kind: 'handle'; value: string; platform: SocialPlatform | null; handle: string }

const PLATFORM_WORDS: Record<string, SocialPlatform> = {
  facebook: 'facebook',
  fb: 'facebook',
  messenger: 'facebook',
  instagram: 'instagram',
  insta: 'instagram',
  ig: 'instagram',
  twitter: 'x',
  tiktok: 'tiktok',
  linkedin: 'linkedin',
  youtube: 'youtube',
  threads: 'threads',
}

const PLATFORM_BY_HOST = new Map<string, SocialPlatform>(
  Object.entries(SOCIAL_PLATFORMS).flatMap(([platform, { hosts }]) =>
    hosts.map((host) => [host, platform as SocialPlatform] as const),
  ),
)

const EMAIL = /^[^\s@<>()[\]{},;:"]+@([^\s@<>()[\]{},;:"/]+\.[^\s@<>()[\]{},;:"/]+)$/
const HOST_LIKE =
  /^[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?)+\.?(?:[/?#:].*)?$/u
const HANDLE = /^@?([A-Za-z0-9._]{2,64})$/
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
  'är',
  'vi',
  'oss',
  'du',
  'dig',
  'har',
  'kan',
  'från',
  'till',
])

/** Questions about words that only the contact index can answer. */
export interface WordTests {
  /** Is this exactly some company's official handle, on any platform? */
  isKnownHandle: (word: string) => boolean
  /** Is this, or does it resemble, a known brand or account name? */
  isBrandLike: (word: string) => boolean
}

interface Token {
  text: string
  start: number
  end: number
}

const LEADING = new Set('([{<"\'«»„“”‘’`*')
const TRAILING = new Set(')]}>"\'«»„“”‘’`*.,;:!?')

/** Whitespace-separated words without surrounding punctuation, with their positions. */
function tokens(text: string): Token[] {
  const result: Token[] = []
  for (const match of text.matchAll(/\S+/g)) {
    let start = match.index
    let end = start + match[0].length
    while (start < end && LEADING.has(text[start]!)) start++
    while (end > start && TRAILING.has(text[end - 1]!)) end--
    if (end > start) result.push({ text: text.slice(start, end), start, end })
  }
  return result
}

/** A platform named in lowercased text; "x" is left out, it is too common a letter. */
const PLATFORM_MENTION = new RegExp(`\\b(${Object.keys(PLATFORM_WORDS).join('|')})\\b`, 'g')

/** The platform named closest before a position (within a short window), if any. */
function platformBefore(text: string, position: number): SocialPlatform | null {
  const window = text.slice(Math.max(0, position - 40), position).toLowerCase()
  let best: { at: number; platform: SocialPlatform } | null = null
  for (const match of window.matchAll(PLATFORM_MENTION)) {
    const platform = PLATFORM_WORDS[match[1]!]
    if (platform && (!best || match.index > best.at)) best = { at: match.index, platform }
  }
  return best?.platform ?? null
}

/** The only platform the text names, if it names exactly one. */
export function soleNamedPlatform(text: string): SocialPlatform | null {
  const named = new Set<SocialPlatform>()
  for (const match of text.toLowerCase().matchAll(PLATFORM_MENTION)) {
    named.add(PLATFORM_WORDS[match[1]!]!)
  }
  return named.size === 1 ? [...named][0]! : null
}

function parseUrl(value: string): { url: URL; userinfo: string | null } | null {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value)
    ? value.replace(/^hxxp/i, 'http')
    : `http://${value}`
  try {
    const url = new URL(withScheme)
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null
    // The URL parser drops "jemfix.com@" into username: exactly the trick we must report.
    const userinfo = url.username
      ? decodeURIComponent(url.username) + (url.password ? `:${url.password}` : '')
      : null
    return { url, userinfo }
  } catch {
    return null
  }
}

/** A social profile link such as facebook.com/jemofixsverige, as platform and handle. */
function profileOf(url: URL): { platform: SocialPlatform; handle: string } | null {
  const parts = hostParts(url.hostname)
  const platform = parts && PLATFORM_BY_HOST.get(parts.registrable)
  if (!platform) return null
  const first = url.pathname.split('/').filter(Boolean)[0]
  const handle = first?.replace(/^@/, '')
  if (
    !handle ||
    !HANDLE.test(handle) ||
    ['profile.php', 'pages', 'groups', 'share', 'p', 'reel'].includes(handle)
  ) {
    return null
  }
  return { platform, handle }
}

function itemFromToken(
  token: Token,
  text: string,
  { isKnownHandle }: WordTests,
): ExtractedItem | null {
  const value = token.text
  // Links, domains and addresses all hold a dot or an @: plain words skip every regex below.
  if (!value.includes('.') && !value.includes('@')) return null
  if (value.includes('@') && !value.includes('://') && !value.startsWith('@')) {
    const email = value.match(EMAIL)
    const hostname = email && normalizeHostname(email[1]!)
    if (hostname && hostParts(hostname)) {
      const [local] = value.split('@')
      return { kind: 'email', value, address: `${local!.toLowerCase()}@${hostname}`, hostname }
    }
  }
  if (value.startsWith('@')) {
    const handle = value.match(HANDLE)?.[1]
    const platform = platformBefore(text, token.start) ?? soleNamedPlatform(text)
    return handle && platform ? { kind: 'handle', value, platform, handle } : null
  }
  const explicitUrl = /^(https?|hxxps?):\/\//i.test(value)
  if (explicitUrl || HOST_LIKE.test(value)) {
    const parsed = parseUrl(value)
    if (!parsed) return null
    const hostname = parsed.url.hostname.replace(/\.$/, '')
    if (!isIpLiteral(hostname) && !hostParts(hostname)) return null
    const profile = profileOf(parsed.url)
    if (profile) return { kind: 'handle', value, ...profile }
    const platform = platformBefore(text, token.start)
    if (!explicitUrl && platform && isKnownHandle(value.toLowerCase())) {
      // "Instagram jemfix.se": an account name that happens to look like a domain.
      return { kind: 'handle', value, platform, handle: value }
    }
    const hasPath = /[/?#]/.test(value.replace(/^[a-z]+:\/\//i, ''))
    return explicitUrl || hasPath || parsed.userinfo
      ? { kind: 'url', value, hostname, userinfo: parsed.userinfo }
      : { kind: 'domain', value, hostname }
  }
  return null
}

/** Handles written as "Instagram: jemfix_sverige", i.e. right after a platform name. */
function bareHandles(list: Token[], { isBrandLike }: WordTests): ExtractedItem[] {
  const items: ExtractedItem[] = []
  for (let i = 0; i < list.length - 1; i++) {
    const platform = PLATFORM_WORDS[list[i]!.text.toLowerCase().replace(/:$/, '')]
    if (!platform) continue
    let next = list[i + 1]!
    if (['som', 'heter', 'är'].includes(next.text.toLowerCase()) && list[i + 2]) next = list[i + 2]!
    const handle = next.text.match(HANDLE)?.[1]
    if (!handle || next.text.startsWith('@') || NOT_HANDLES.has(handle.toLowerCase())) continue
    if (HOST_LIKE.test(handle) && !isBrandLike(handle.toLowerCase())) continue
    if (/[._\d]/.test(handle) || isBrandLike(handle.toLowerCase())) {
      items.push({ kind: 'handle', value: next.text, platform, handle })
    }
  }
  return items
}

// Stretches of digits and the separators people write numbers with. libphonenumber then
// finds and validates numbers in these short spans only, instead of scanning all the prose.
const DIGIT_RUN = /[+(]?\d[\d\s().\-–/]{4,}\d/g

/** Valid phone numbers outside the spans of links and addresses (`covered`). */
function phoneNumbers(text: string, covered: readonly [number, number][]): ExtractedItem[] {
  const items: ExtractedItem[] = []
  for (const run of text.matchAll(DIGIT_RUN)) {
    for (const found of findPhoneNumbersInText(run[0], { defaultCountry: DEFAULT_REGION })) {
      const [start, end] = [run.index + found.startsAt, run.index + found.endsAt]
      // Digits inside a link or address are not a phone number the reader is asked to call.
      if (covered.some(([s, e]) => start < e && end > s)) continue
      if (!found.number.isValid()) continue
      items.push({
        kind: 'phone',
        value: run[0].slice(found.startsAt, found.endsAt),
        e164: found.number.number,
      })
    }
  }
  return items
}

/**
 * Finds every link, domain, e-mail address, phone number and social handle in a message.
 * `words` decides, for instance, whether "Instagram jemfix.se" is an account or a domain.
 */
export function extractItems(text: string, words: WordTests): ExtractedItem[] {
  const list = tokens(text)
  const items: ExtractedItem[] = []
  const covered: [number, number][] = []
  for (const token of list) {
    const item = itemFromToken(token, text, words)
    if (item) {
      items.push(item)
      covered.push([token.start, token.end])
    }
  }
  items.push(...phoneNumbers(text, covered))
  const handleTokens = new Set(items.filter((i) => i.kind === 'handle').map((i) => i.value))
  for (const item of bareHandles(list, words)) {
    if (!handleTokens.has(item.value)) items.push(item)
  }
  return dedupe(items)
}

/**
 * Reads a sender as written in a mail client or phone: `Name <addr>`, an address, a number,
 * a link or a handle. Returns the items and the display name (for recognizing the company).
 */
export function extractSender(
  sender: string,
  context: string,
  words: WordTests,
): { items: ExtractedItem[]; displayName: string } {
  const trimmed = sender.trim()
  const angle = trimmed.match(/^(.*?)<([^<>]+)>\s*$/)
  const displayName = angle ? angle[1]!.trim().replace(/^"|"$/g, '') : ''
  const address = (angle ? angle[2]! : trimmed).trim()
  if (!address) return { items: [], displayName }
  const token = { text: address, start: 0, end: address.length }
  const item = itemFromToken(token, `${context} ${address}`, words)
  if (item) return { items: [item], displayName }
  const phone = parsePhoneNumberFromString(address, DEFAULT_REGION)
  if (phone?.isValid())
    return { items: [{ kind: 'phone', value: address, e164: phone.number }], displayName }
  const handle = address.match(HANDLE)?.[1]
  if (
    handle &&
    (address.startsWith('@') || /[._\d]/.test(handle) || words.isBrandLike(handle.toLowerCase()))
  ) {
    return {
      items: [{ kind: 'handle', value: address, platform: soleNamedPlatform(context), handle }],
      displayName,
    }
  }
  // An SMS sender name such as "JEMFIX": no contact point, but it names a company.
  return { items: [], displayName: displayName || address }
}

function keyOf(item: ExtractedItem): string {
  switch (item.kind) {
    case 'url':
      return `url:${item.value}`
    case 'domain':
      return `domain:${item.hostname}`
    case 'email':
      return `email:${item.address}`
    case 'phone':
      return `phone:${item.e164}`
    case 'handle':
      return `handle:${item.platform}:${item.handle.toLowerCase()}`
  }
}

export function dedupe(items: ExtractedItem[]): ExtractedItem[] {
  const seen = new Set<string>()
  return items.filter((item) => {
    const key = keyOf(item)
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
