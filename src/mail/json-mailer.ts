import nodemailer from 'nodemailer'
import { type Mailer, type MailMessage, toNodemailerOptions } from './mailer'

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
