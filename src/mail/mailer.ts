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

/** Why a send failed, in the terms the digest runner acts on. */
export type FailureKind = 'temporary' | 'bounce' | 'permanent'

/** Classifies a nodemailer error: 4xx and network trouble are temporary; a 5xx to RCPT TO is a bounce. */
export function classifyMailError(error: unknown): FailureKind {
  // Anything may be thrown, null included; only an object can carry an SMTP reply code.
  if (typeof error !== 'object' || error === null) return 'temporary'
  const { responseCode, command } = error as { responseCode?: unknown; command?: unknown }
  if (typeof responseCode === 'number' && responseCode >= 500 && responseCode < 600) {
    return typeof command === 'string' && /RCPT/i.test(command) ? 'bounce' : 'permanent'
  }
  return 'temporary'
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
