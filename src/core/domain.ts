import { parse } from 'tldts'

/**
 * Lowercases, drops a trailing dot and converts an internationalized name to punycode
 * (through the WHATWG URL parser), so that one host has one spelling.
 * Returns null for something that is not a hostname.
 */
export function normalizeHostname(input: string): string | null {
  const trimmed = input.trim().replace(/\.+$/, '')
  if (trimmed === '' || /[\s/@?#:]/.test(trimmed)) return null
  try {
    return new URL(`http://${trimmed}`).hostname.toLowerCase()
  } catch {
    return null
  }
}

// Browsers read the ideographic, fullwidth and halfwidth full stops as dots in a hostname
// (UTS #46 maps them to U+002E), so a host can be written without a single ASCII dot.
const UNICODE_FULL_STOPS = /[\u3002\uFF0E\uFF61]/g

/** True when the text holds a full stop that browsers read as a dot in a hostname. */
export function hasUnicodeFullStop(text: string): boolean {
  return /[\u3002\uFF0E\uFF61]/.test(text)
}

/** Replaces the full stops that browsers read as dots in a hostname with ASCII dots. */
export function withAsciiDots(text: string): string {
  return text.replace(UNICODE_FULL_STOPS, '.')
}

/** The registrable domain (eTLD+1 under the ICANN public suffix list), or null. */
export function registrableDomain(hostname: string): string | null {
  const info = parse(hostname, { allowPrivateDomains: false })
  if (info.isIp || !info.isIcann || !info.domain) return null
  return info.domain
}

/** Shows a URL or hostname so that no client turns it into a link: hxxps://evil[.]example/. */
export function defang(value: string): string {
  return value
    .replace(/^http(s?):\/\//i, (_m, s: string) => `hxxp${s}://`)
    .replace(/\./g, '[.]')
    .replace(/@/g, '[@]')
}

/** The parts of a hostname that matching needs, or null when it has no registrable domain. */
export interface HostParts {
  hostname: string
  /** eTLD+1, e.g. jemfix.com or com.se */
  registrable: string
  /** The registrable domain without its public suffix, e.g. jemfix */
  label: string
  publicSuffix: string
  /** Labels left of the registrable domain, e.g. ['jemfix', 'com'] for jemfix.com.order.example */
  subdomainLabels: string[]
}

// RFC 2606 names reserved for documentation and tests: judged like real domains so that
// examples and fixtures behave as real messages would.
const RESERVED_TLDS = new Set(['example', 'test'])

function reservedParts(hostname: string): HostParts | null {
  if (!hostname.endsWith('.example') && !hostname.endsWith('.test')) return null
  const labels = hostname.split('.')
  if (labels.length < 2 || !RESERVED_TLDS.has(labels.at(-1)!)) return null
  return {
    hostname,
    registrable: labels.slice(-2).join('.'),
    label: labels.at(-2)!,
    publicSuffix: labels.at(-1)!,
    subdomainLabels: labels.slice(0, -2),
  }
}

/**
 * The parts of a hostname under the public suffix list. With `privateSuffixes`, suffixes
 * from the list's private section count too (web.app, github.io, com.se), so the owner of
 * jemfix.web.app is jemfix.web.app rather than web.app.
 */
export function hostParts(hostname: string, privateSuffixes = false): HostParts | null {
  const reserved = reservedParts(hostname)
  if (reserved) return reserved
  const info = parse(hostname, { allowPrivateDomains: privateSuffixes })
  if (
    info.isIp ||
    !(info.isIcann || (privateSuffixes && info.isPrivate)) ||
    !info.domain ||
    !info.publicSuffix ||
    !info.domainWithoutSuffix
  ) {
    return null
  }
  return {
    hostname,
    registrable: info.domain,
    label: info.domainWithoutSuffix,
    publicSuffix: info.publicSuffix,
    subdomainLabels: info.subdomain ? info.subdomain.split('.') : [],
  }
}

/**
 * True when a dotted name reads as a host: it ends in a suffix from the public suffix list
 * (either section; gov.uk, itself a suffix, counts too) or a reserved test TLD. "file.txt"
 * and "t.ex" do not.
 */
export function hasListedSuffix(hostname: string): boolean {
  if (reservedParts(hostname)) return true
  const info = parse(hostname, { allowPrivateDomains: true })
  const listed = info.isIcann === true || info.isPrivate === true
  return !info.isIp && listed && (Boolean(info.domain) || info.publicSuffix === hostname)
}
