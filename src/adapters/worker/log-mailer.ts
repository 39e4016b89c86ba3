import type { Mailer } from '../../mail/mailer'

/**
 * Development only (ENVIRONMENT = "development" and no SMTP_URL): instead of sending, writes
 * each message's subject and links to the log, so a developer can follow a confirmation link
 * in `wrangler dev`. Never the recipient, and never outside development: the settings only
 * choose it there (src/settings/worker-settings.ts), and digests do not run with it.
 */
export function createLogMailer(log: (line: string) => void): Mailer {
  return {
    async send(message) {
      const links = [...new Set(message.text.match(/https?:\/\/[^\s<>]+/g) ?? [])]
      log(
        `development mail, not sent: "${message.subject}" ${message.messageId}\n${links.map((l) => `  ${l}`).join('\n')}`,
      )
      return { messageId: message.messageId, response: 'logged (development)' }
    },
    async close() {},
  }
}
