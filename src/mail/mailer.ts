import { redact } from '../security/redact'

/** A finished message: both bodies are already rendered and escaped. */
export interface MailMessage {
  to: string
  subject: string
  text: string
  html: string
  /** Stable per logical message, so a retried digest keeps its Message-ID. */
  messageId: string
  date: Date
  /** List-Id host part, e.g. alerts.varningar.example.se */
  listId: string
  unsubscribeUrl: string
}

export interface SendResult {
  messageId: string
  response: string
}

/** The mail port: two methods, like adonisjs/mail's transport. */
export interface Mailer {
  send(message: MailMessage): Promise<SendResult>
  close(): Promise<void>
}

/**
 * Why a send failed, in the terms the digest and the outbox act on:
 * - `temporary`: nothing was delivered (a 4xx, a connection that failed before the whole
 *   message was handed over, anything thrown that is not an SMTP reply); try again;
 * - `unknown`: the whole message was handed over and then the answer never came (a timeout
 *   or a dropped connection while waiting for the reply to the final "."), so the relay may
 *   have taken it: sending it again may deliver a second copy;
 * - `bounce`: a 5xx to RCPT TO that says the address itself is bad;
 * - `blocked`: a 5xx to RCPT TO that refuses us, not the address (a policy block: enhanced
 *   status 5.7.x, or a block list named in the reply); the address stays as it is;
 * - `permanent`: any other 5xx (to MAIL FROM, to DATA, to the message).
 */
export type FailureKind = 'temporary' | 'unknown' | 'bounce' | 'blocked' | 'permanent'

/**
 * Thrown by a mailer when a send failed after the whole message was handed to the server and
 * before its reply: the message may or may not have been delivered. nodemailer reports a
 * timeout or a dropped connection with `command: 'CONN'` at every stage, so only the mailer,
 * which saw how far the message got, can tell this apart from a failure before sending.
 */
export class MailOutcomeUnknownError extends Error {
  constructor(cause: unknown) {
    super(`no answer after the message was sent: ${describeMailError(cause)}`, { cause })
    this.name = 'MailOutcomeUnknownError'
  }
}

// Words relays use when they refuse the sender rather than the address: block lists and
// their names, reputation and policy. Matched only on 5xx replies to RCPT TO.
const POLICY_BLOCK =
  /\b(block(?:ed|list(?:ed)?)?|black\s?list(?:ed)?|deny ?list(?:ed)?|spamhaus|spamcop|barracuda|sorbs|[dr]nsbl|rbl|listed (?:at|by|in|on)|reputation|policy|spam)\b/i
// RFC 3463 enhanced status: class.subject.detail right after the reply code, as in "550 5.7.1".
const ENHANCED_STATUS = /^\d{3}[ -](\d)\.(\d{1,3})\.(\d{1,3})\b/

/** Whether a 5xx reply to RCPT TO refuses us (a policy block) rather than the address. */
export function isPolicyBlock(response: string): boolean {
  const status = ENHANCED_STATUS.exec(response.trim())
  if (status && status[2] === '7') return true
  return POLICY_BLOCK.test(response)
}

/** Classifies a mailer error (see FailureKind); never throws, whatever was thrown. */
export function classifyMailError(error: unknown): FailureKind {
  if (error instanceof MailOutcomeUnknownError) return 'unknown'
  // Anything may be thrown, null included; only an object can carry an SMTP reply code.
  if (typeof error !== 'object' || error === null) return 'temporary'
  const { responseCode, command, response } = error as {
    responseCode?: unknown
    command?: unknown
    response?: unknown
  }
  if (typeof responseCode !== 'number' || responseCode < 500 || responseCode >= 600)
    return 'temporary'
  if (typeof command !== 'string' || !/RCPT/i.test(command)) return 'permanent'
  return typeof response === 'string' && isPolicyBlock(response) ? 'blocked' : 'bounce'
}

/**
 * A thrown value as one line that is safe to log or store, whatever was thrown: nodemailer's
 * code, command and reply code, then its message without the addresses and tokens that
 * servers and nodemailer put into them.
 */
export function describeMailError(error: unknown): string {
  if (error instanceof Error) {
    const { code, command, responseCode } = error as {
      code?: unknown
      command?: unknown
      responseCode?: unknown
    }
    const head = [code, command, responseCode]
      .filter((part) => typeof part === 'string' || typeof part === 'number')
      .join(' ')
    return redact(head ? `${head}: ${error.message}` : error.message)
  }
  try {
    return redact(String(error))
  } catch {
    return 'unprintable error'
  }
}

/**
 * Runs `work` with a mailer opened for it and closes the mailer afterwards, whatever
 * happens. In workerd a socket belongs to the invocation that opened it and a later request
 * or cron that touches it hangs, so the Worker opens its SMTP transport per invocation.
 */
export async function withMailer<T>(
  open: () => Mailer,
  work: (mailer: Mailer) => Promise<T>,
): Promise<T> {
  const mailer = open()
  try {
    return await work(mailer)
  } finally {
    await mailer.close()
  }
}

/** The nodemailer options for a message; shared by every transport so they all write the same MIME. */
export function toNodemailerOptions(message: MailMessage, from: string) {
  return {
    from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    messageId: message.messageId,
    date: message.date,
    list: {
      id: { url: message.listId, comment: 'Bedrägerivarningar' },
      unsubscribe: message.unsubscribeUrl,
    },
    headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  }
}
