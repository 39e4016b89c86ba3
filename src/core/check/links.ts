import { hasListedSuffix, hasUnicodeFullStop, withAsciiDots } from '../domain'
import type { Host, HostType } from './candidate-types'
import { LIMITS } from './limits'

/** A piece of text read as a link or a bare host. */
export interface LinkReading {
  /** 'url' when written with a scheme or a path, 'domain' for a bare name. */
  kind: 'url' | 'domain'
  url: URL
  host: Host
  /** Everything before @ in the authority, which the browser ignores (jemfix.com@evil.example). */
  userinfo: string | null
  /** The scheme as written, lowercased (https, hxxps), or null. */
  scheme: string | null
}

const SCHEME = /^([a-z][a-z0-9+.-]{0,20}):/i
const WEB_SCHEMES = new Set(['http', 'https', 'hxxp', 'hxxps'])
const DNS_NAME_MAX = 253
const DNS_LABEL_MAX = 63
// A dotted name of letters, digits and hyphens, optionally followed by a port and a path.
const HOST_SHAPED =
  /^[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?)+\.?(?::\d{1,5})?(?:[/?#].*)?$/u
// A dotted-quad IPv4 address followed by a path or port: "185.0.2.7/login". A bare dotted quad
// or "14.30" is not a link; numbers like those are ordinary text.
const DOTTED_QUAD_WITH_PATH =
  /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?::\d{1,5})?[/?#]/

/** How the URL parser's hostname reads: a name, an IP literal, one label, or beyond DNS. */
export function hostTypeOf(hostname: string): HostType {
  if (/^\d+\.\d+\.\d+\.\d+$/.test(hostname)) return 'ipv4'
  if (hostname.startsWith('[')) return 'ipv6'
  if (hostname.length > DNS_NAME_MAX) return 'too-long'
  const labels = hostname.split('.')
  if (labels.some((label) => label.length > DNS_LABEL_MAX)) return 'too-long'
  if (labels.length === 1) return 'single-label'
  return hasListedSuffix(hostname) ? 'name' : 'unlisted-suffix'
}

function parse(href: string): URL | null {
  try {
    return new URL(href)
  } catch {
    return null
  }
}

// The invisible characters the URL parser maps to nothing in a host (UTS #46 "ignored": soft
// hyphen, combining grapheme joiner, Mongolian and other variation selectors, zero-width space,
// word joiner, invisible plus, BOM), checked against new URL() for every default-ignorable code
// point. The others (zero-width joiners, bidi marks, invisible times) make the host invalid:
// the link does not open, so they are left as written.
const URL_IGNORED =
  /[\u00ad\u200b\u2060\u2064\ufeff\u{1bca0}-\u{1bca3}]|\u034f|[\u180b-\u180d]|\u180f|[\ufe00-\ufe0f]|[\u{e0100}-\u{e01ef}]/gu

/**
 * Defanged writing (hxxps://evil[.]example) read as the link it stands for, without the
 * invisible characters that a browser drops from a host name (URL_IGNORED).
 */
function refanged(text: string): string {
  return text.replace(/\[\.\]|\(\.\)/g, '.').replace(URL_IGNORED, '')
}

function hostOf(url: URL, writtenHost: string): Host {
  const name = url.hostname.replace(/\.$/, '')
  return { name, type: hostTypeOf(name), unicodeDots: hasUnicodeFullStop(writtenHost) }
}

function userinfoOf(url: URL): string | null {
  if (!url.username) return null
  try {
    return decodeURIComponent(url.username) + (url.password ? `:${url.password}` : '')
  } catch {
    return url.username
  }
}

/** The authority part as written (between // and the path), to tell how the host was spelled. */
function writtenAuthority(text: string): string {
  const afterScheme = text.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
  return afterScheme.split(/[/?#]/, 1)[0] ?? ''
}

/**
 * Reads a piece of text as a web link or bare host, the way a browser or a messaging app's
 * link detection would: with a scheme (http, https, or the defanged hxxp), with www., or as
 * a dotted name ending in a listed public suffix. Unicode full stops count as dots. Numeric
 * hosts count only with a scheme, or as a dotted quad with a path. Returns null otherwise.
 */
export function readLink(piece: string): LinkReading | null {
  const text = refanged(piece.slice(0, LIMITS.tokenChars))
  const scheme = schemeOf(text)
  if (scheme && WEB_SCHEMES.has(scheme)) {
    if (!/^[a-z]+:\/\//i.test(text)) return null
    const url = parse(text.replace(/^hxxp/i, 'http'))
    if (!url?.hostname) return null
    return {
      kind: 'url',
      url,
      host: hostOf(url, writtenAuthority(text)),
      userinfo: userinfoOf(url),
      scheme,
    }
  }
  if (scheme && !/^[^:]+:\d/.test(text)) return null
  const dotted = withAsciiDots(text)
  const authority = dotted.split(/[/?#]/, 1)[0]!
  const isQuad = DOTTED_QUAD_WITH_PATH.test(dotted)
  if (!isQuad && (!HOST_SHAPED.test(dotted) || /^[\d.]+(?::\d+)?$/.test(authority))) return null
  const bareHost = authority.replace(/:\d+$/, '').replace(/\.$/, '')
  if (
    !isQuad &&
    !bareHost.toLowerCase().startsWith('www.') &&
    !hasListedSuffix(bareHost.toLowerCase())
  ) {
    return null
  }
  const url = parse(`http://${text}`)
  if (!url?.hostname) return null
  const hasPath = authority.length < dotted.length
  return {
    kind: hasPath ? 'url' : 'domain',
    url,
    host: hostOf(url, writtenAuthority(text)),
    userinfo: null,
    scheme: null,
  }
}

/** Whether a scheme opens a web page (http, https, or their defanged hxxp, hxxps). */
export function isWebScheme(scheme: string): boolean {
  return WEB_SCHEMES.has(scheme)
}

/** The URI scheme a link target is written with, lowercased, or null. */
export function schemeOf(text: string): string | null {
  return SCHEME.exec(text)?.[1]?.toLowerCase() ?? null
}

/**
 * A link target (href, Markdown destination, a redirector's parameter) as a browser reads it:
 * without the spaces and control characters around it and the tabs and newlines inside it,
 * which the URL parser drops (ht&#9;tps://…).
 */
export function browserHref(target: string): string {
  let [start, end] = [0, target.length]
  while (start < end && target.charCodeAt(start) <= 0x20) start++
  while (end > start && target.charCodeAt(end - 1) <= 0x20) end--
  return target.slice(start, end).replace(/[\t\n\r]/g, '')
}

/**
 * Reads a link target the way a browser resolves it, which is looser than plain text is read:
 * http:evil.example, http:/evil.example and https:\\evil.example all go to evil.example, and a
 * protocol-relative //evil.example (or \\evil.example) opens on https. Anything else is read
 * as readLink reads it. Expects browserHref's form.
 */
export function readTarget(href: string): LinkReading | null {
  const protocolRelative = /^[/\\]{2}/.test(href)
  const text = refanged(protocolRelative ? `https:${href}` : href).slice(0, LIMITS.tokenChars)
  const scheme = schemeOf(text)
  if (!scheme || !WEB_SCHEMES.has(scheme)) return readLink(href)
  const url = parse(text.replace(/^hxxp/i, 'http'))
  if (!url?.hostname) return null
  return {
    kind: 'url',
    url,
    host: hostOf(url, writtenAuthority(text.replace(/^([a-z]+:)[/\\]*/i, '$1//'))),
    userinfo: userinfoOf(url),
    scheme,
  }
}
