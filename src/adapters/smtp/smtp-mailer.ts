import nodemailer, { type SendMailOptions } from 'nodemailer'
import { type Mailer, MailOutcomeUnknownError, toNodemailerOptions } from '../../mail/mailer'

export interface SmtpOptions {
  /** smtp:// or smtps:// URL with credentials. */
  url: string
  from: string
  /** Parallel SMTP connections (and so messages in flight) for digests. */
  maxConnections?: number
  /** Connection and greeting timeouts, in ms; the socket timeout is twice this. */
  timeoutMs?: number
}

/** Per send: whether the whole message has been handed to the connection. */
interface BodyWatch {
  handedOver: boolean
}

/** The key under which a send's BodyWatch travels in nodemailer's mail data. */
const WATCH = 'bedragerivarningarBodyWatch'

/**
 * Pooled SMTP through nodemailer. Works on Node and in workerd with nodejs_compat.
 *
 * A failure after the whole message was handed over and before the server's reply to it (a
 * relay that answers after our socket timeout, a connection dropped while waiting) is thrown
 * as MailOutcomeUnknownError: the relay may have delivered it, so it must not be retried as
 * if nothing had happened. nodemailer reports such timeouts and drops with `command: 'CONN'`
 * whatever the stage, so this mailer watches the message stream itself: its end means the
 * message was handed over. nodemailer's pool requeues a message by itself only when not a
 * byte of it was read (`maxRequeues` bounds that), never after the body.
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
  transport.use('stream', (mail, done) => {
    const watch = (mail.data as Record<string, unknown>)[WATCH] as BodyWatch | undefined
    if (watch) {
      mail.message.processFunc((input) => {
        input.once('end', () => {
          watch.handedOver = true
        })
        return input
      })
    }
    done()
  })
  return {
    async send(message) {
      const watch: BodyWatch = { handedOver: false }
      try {
        const mail = { ...toNodemailerOptions(message, options.from), [WATCH]: watch }
        const info = await transport.sendMail(mail as SendMailOptions)
        return { messageId: info.messageId, response: info.response }
      } catch (error) {
        // A reply from the server (it has a code) is its verdict and known; no reply after
        // the whole message went out leaves the outcome unknown.
        const replied = typeof (error as { responseCode?: unknown })?.responseCode === 'number'
        throw watch.handedOver && !replied ? new MailOutcomeUnknownError(error) : error
      }
    },
    async close() {
      transport.close()
    },
  }
}
