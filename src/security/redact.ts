// An address as mail servers quote it: local part, @, a domain in any script.
const ADDRESS = /[^\s<>()[\]@,;:"'`]+@[^\s<>()[\]@,;:"'`]+\.[^\s<>()[\]@,;:"'`]+/gu
// Our tokens: 32 random bytes in base64url, alone or as a link's token parameter.
const TOKEN = /(?<![\w-])[\w-]{43}(?![\w-])/g
// user:password@ in a URL (an SMTP_URL in an error message).
const CREDENTIALS = /(\b[a-z][a-z0-9+.-]*:\/\/)[^\s/@]+@/gi

/**
 * Removes people from a line of text before it is logged or stored as an error: addresses,
 * tokens (and so every link with one), and credentials in URLs. Mail servers name the
 * recipient in their refusals and nodemailer repeats them in its messages, so every error
 * text passes through here.
 */
export function redact(text: string): string {
  return text
    .replace(CREDENTIALS, '$1[credentials]@')
    .replace(ADDRESS, '[address]')
    .replace(TOKEN, '[token]')
}

/** Anything thrown, as one line for a log or a health report, without people in it. */
export function describeError(error: unknown): string {
  try {
    return redact(error instanceof Error ? error.message : String(error))
  } catch {
    return 'unprintable error'
  }
}
