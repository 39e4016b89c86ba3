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
