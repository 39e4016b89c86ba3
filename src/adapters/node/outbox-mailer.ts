import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import nodemailer from 'nodemailer'
import { type Mailer, toNodemailerOptions } from '../../mail/mailer'

/**
 * The embedded default without SMTP_URL: nodemailer renders each message to MIME exactly as
 * it would send it, and the message is written to DATA_DIR/outbox as an .eml file that any
 * mail client opens.
 */
export function createOutboxMailer(
  dir: string,
  from: string,
  log: (line: string) => void = console.log,
): Mailer {
  const transport = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'unix',
  })
  let sequence = 0
  return {
    async send(message) {
      const info = await transport.sendMail(toNodemailerOptions(message, from))
      await mkdir(dir, { recursive: true })
      const stamp = new Date().toISOString().replace(/[:.]/g, '-')
      const path = join(dir, `${stamp}-${process.pid}-${++sequence}.eml`)
      await writeFile(path, info.message as Buffer)
      log(`mail written to ${path}`)
      return { messageId: info.messageId, response: `written to ${path}` }
    },
    async close() {},
  }
}
