import nodemailer from 'nodemailer'

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
  const e = error as { responseCode?: number; command?: string; code?: string }
  if (typeof e.responseCode === 'number') {
    if (e.responseCode >= 500 && e.responseCode < 600) {
      return /RCPT/i.test(e.command ?? '') ? 'bounce' : 'permanent'
    }
    return 'temporary'
  }
  return 'temporary'
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

export interface SmtpOptions {
  /** smtp:// or smtps:// URL with credentials. */
  url: string
  from: string
  /** Parallel SMTP connections (and so messages in flight) for digests. */
  maxConnections?: number
  /** Connection and greeting timeouts, in ms. */
  timeoutMs?: number
}

/**
 * Pooled SMTP through nodemailer. `maxRequeues` is finite so a message on a dropped connection
 * is retried a bounded number of times before the send fails back to the digest runner, which
 * records it and retries with backoff. Works on Node and in workerd with nodejs_compat.
 */
export function createSmtpMailer(options: SmtpOptions): Mailer {
  const timeout = options.timeoutMs ?? 30_000
  const transport = nodemailer.createTransport({
    url: options.url,
    pool: true,
    maxConnections: options.maxConnections ?? 3,
    maxMessages: 100,
    maxRequeues: 1,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout * 2,
  })
  return {
    async send(message) {
      const info = await transport.sendMail(toNodemailerOptions(message, options.from))
      return { messageId: info.messageId, response: info.response }
    },
    async close() {
      transport.close()
    },
  }
}

/** nodemailer's JSON transport: renders nothing to the network; for tests and dry runs. */
export function createJsonMailer(from: string): Mailer & { sent: MailMessage[] } {
  const transport = nodemailer.createTransport({ jsonTransport: true })
  const sent: MailMessage[] = []
  return {
    sent,
    async send(message) {
      const info = await transport.sendMail(toNodemailerOptions(message, from))
      sent.push(message)
      return { messageId: info.messageId, response: 'json' }
    },
    async close() {},
  }
}
