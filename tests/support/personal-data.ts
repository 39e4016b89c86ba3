import { simpleParser } from 'mailparser'
import type { ReceivedMail } from './smtp-sink'

/** Subscribers in the integration tests live under this reserved domain, so a log can be searched for any of them. */
export const SUBSCRIBER_DOMAIN = 'prenumerant.example'

const ANY_SUBSCRIBER = new RegExp(`[\\w.+-]+@${SUBSCRIBER_DOMAIN.replace('.', '\\.')}`, 'gi')
const TOKEN_IN_LINK = /token=([\w-]{43})/g

/** Every confirmation and unsubscribe token in the text of the mails. */
export async function tokensIn(mails: readonly ReceivedMail[]): Promise<string[]> {
  const tokens = new Set<string>()
  for (const mail of mails) {
    const parsed = await simpleParser(mail.raw)
    for (const match of `${parsed.text ?? ''}\n${parsed.headers.get('list-unsubscribe') ?? ''}`.matchAll(
      TOKEN_IN_LINK,
    ))
      tokens.add(match[1]!)
  }
  return [...tokens]
}

/**
 * What a log gives away about people: any subscriber address (in any case), any of the given
 * tokens, any link with a token, and any of the other secrets (pasted text, credentials).
 */
export function personalDataIn(
  log: string,
  secrets: { tokens?: readonly string[]; other?: readonly string[] } = {},
): string[] {
  const found = [...log.matchAll(ANY_SUBSCRIBER)].map((m) => m[0])
  for (const token of secrets.tokens ?? []) if (log.includes(token)) found.push(`token ${token}`)
  for (const m of log.matchAll(TOKEN_IN_LINK)) found.push(`link with token ${m[1]}`)
  for (const secret of secrets.other ?? []) if (log.includes(secret)) found.push(secret)
  return found
}
