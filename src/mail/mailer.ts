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

/** A thrown value as one log-safe line, whatever was thrown. */
export function describeMailError(error: unknown): string {
  if (error instanceof Error) return error.message
  try {
    return String(error)
  } catch {
    return 'unprintable error'
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
