import { z } from 'zod'
import { normalizeHostname } from '../domain'

const MAX_PATH = 254

/**
 * The address as we send to it: the local part as typed, the domain lowercased and, when
 * internationalized, in punycode (through the WHATWG URL parser, which also maps the
 * ideographic full stop U+3002 to a dot), so one domain has one spelling.
 */
function withAsciiDomain(value: string): string {
  const at = value.lastIndexOf('@')
  if (at < 1) return value
  const domain = normalizeHostname(value.slice(at + 1))
  return domain ? `${value.slice(0, at)}@${domain}` : value
}

/**
 * Exactly one mailbox. Commas, semicolons, angle brackets, whitespace and line breaks are
 * refused outright: nodemailer reads "a@x.se, b@y.se" as two recipients, and CR/LF could
 * inject headers. RFC 5321 caps a path at 254 characters.
 */
export const MailboxSchema = z
  .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string') })
  .max(MAX_PATH, `must be at most ${MAX_PATH} characters`)
  .refine(
    (value) => !/[,;<>\s"()[\]\\]/.test(value),
    'must be exactly one address, without commas, semicolons, brackets or spaces',
  )
  .transform(withAsciiDomain)
  .pipe(
    z
      .email({ error: 'is not a valid e-mail address' })
      .max(MAX_PATH, `must be at most ${MAX_PATH} characters`),
  )

/**
 * What makes two addresses the same mailbox for uniqueness and limits: compared without
 * case. RFC 5321 lets a server treat `Anna@` and `anna@` as two mailboxes, but no public
 * provider does, and treating them as two let one inbox be flooded through its case variants.
 */
export function mailboxKey(address: string): string {
  return withAsciiDomain(address).toLowerCase()
}

// Providers that ignore dots in the local part; googlemail.com is the same service as gmail.com.
const DOTLESS_DOMAINS: Record<string, string> = {
  'gmail.com': 'gmail.com',
  'googlemail.com': 'gmail.com',
}

/**
 * The inbox an address delivers to, for the confirmation-mail limit: the mailbox key without
 * a sub-address tag (RFC 5233 `+tag`, which Gmail, Outlook.com, iCloud, Fastmail, Proton and
 * most servers deliver to the plain address) and, at Gmail, without dots. Uniqueness of
 * subscribers stays with `mailboxKey`: `anna+larm@` and `anna@` may be two subscriptions the
 * owner chose, but never more confirmation mail to one inbox than the limit.
 */
export function inboxKey(address: string): string {
  const key = mailboxKey(address)
  const at = key.lastIndexOf('@')
  if (at < 1) return key
  let local = key.slice(0, at)
  let domain = key.slice(at + 1)
  const plus = local.indexOf('+')
  if (plus > 0) local = local.slice(0, plus)
  const dotless = DOTLESS_DOMAINS[domain]
  if (dotless) {
    local = local.replace(/\./g, '')
    domain = dotless
  }
  return `${local}@${domain}`
}
