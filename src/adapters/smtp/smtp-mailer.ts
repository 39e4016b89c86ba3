import nodemailer from 'nodemailer'
import { type Mailer, toNodemailerOptions } from '../../mail/mailer'

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
