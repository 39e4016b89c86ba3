import { z } from 'zod'

/**
 * The settings both runtimes read, with one meaning and one validation: the Node server
 * from its environment (src/settings/node-settings.ts), the Worker from its vars and secrets
 * (src/settings/worker-settings.ts).
 */

export const PublicUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })

export const SmtpUrl = z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' })

const MAILBOX = /^[^\s<>@,;"]+@[^\s<>@,;"]+\.[^\s<>@,;"]+$/
/** A sender: an address, or a display name and an address in angle brackets. */
export const MailFrom = z
  .string()
  .trim()
  .refine(
    (value) => {
      const named = value.match(/^[^<>\r\n]*<([^<>]+)>$/)
      return MAILBOX.test(named ? named[1]! : value)
    },
    { error: 'must be an address or "Name <address>"' },
  )

/** Where readers report an error in a record: one plain address, shown on /about. */
export const ContactEmail = z.email({ error: 'must be one e-mail address, without a name' })

export const DigestHour = z.union([z.literal('off'), z.coerce.number().int().min(0).max(23)], {
  error: 'must be an hour 0-23 or "off"',
})

export const TimeZone = z
  .string()
  .refine(isTimeZone, 'must be an IANA time zone such as Europe/Stockholm')

/**
 * Whether the runtime knows the time zone. The list of canonical zones answers the usual
 * case without building a date formatter, whose first use loads locale data (10-20 ms of a
 * fresh Worker isolate's first request); an alias the list leaves out (US/Eastern) is still
 * asked of the formatter.
 */
function isTimeZone(tz: string): boolean {
  if (Intl.supportedValuesOf('timeZone').includes(tz)) return true
  try {
    new Intl.DateTimeFormat('sv-SE', { timeZone: tz })
    return true
  } catch {
    return false
  }
}

export const DEFAULT_DIGEST_HOUR = 7
export const DEFAULT_DIGEST_TIMEZONE = 'Europe/Stockholm'

/** The sender used when MAIL_FROM is not set: noreply at PUBLIC_URL's host. */
export function defaultMailFrom(publicUrl: string): string {
  const host = new URL(publicUrl).hostname
  const domain = host.includes('.') && !/^[\d.]+$/.test(host) ? host : 'localhost.localdomain'
  return `Bedrägerivarningar <noreply@${domain}>`
}

/**
 * Whether a URL points at this machine, however it is spelled: localhost and *.localhost
 * (with or without the trailing dot of a fully qualified name), 127.0.0.0/8 and 0.0.0.0/8 in
 * any IPv4 notation (the URL parser writes them all as dotted decimals), ::1, the unspecified
 * address ::, and IPv4 loopback mapped into IPv6 (::ffff:127.0.0.1, which the parser writes
 * as ::ffff:7f00:1). Links built on such a URL only work for someone sitting at this machine.
 */
export function isLoopbackUrl(url: string): boolean {
  const host = new URL(url).hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.+$/, '')
  if (host === 'localhost' || host.endsWith('.localhost') || host === 'localhost.localdomain')
    return true
  if (/^(127|0)\.\d+\.\d+\.\d+$/.test(host)) return true
  if (host === '::1' || host === '::') return true
  // IPv4-mapped (::ffff:a.b.c.d) and the deprecated IPv4-compatible (::a.b.c.d) forms.
  const embedded = /^::(?:ffff:)?([0-9a-f]{1,4}):[0-9a-f]{1,4}$/.exec(host)
  if (embedded) {
    const firstOctet = Number.parseInt(embedded[1]!, 16) >> 8
    return firstOctet === 127 || firstOctet === 0
  }
  return false
}
