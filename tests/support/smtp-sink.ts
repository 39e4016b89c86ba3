import { SMTPServer, type SMTPServerSession } from 'smtp-server'

export interface ReceivedMail {
  from: string
  to: string[]
  /** The whole message, or only its header when the sink was started with `headersOnly`. */
  raw: string
}

/**
 * How the sink answers one RCPT TO: undefined accepts it; a code refuses it with a generic
 * text naming the recipient; a code and a text refuse it with that text (e.g. a block list).
 */
export type RcptRule = (
  address: string,
  attempt: number,
) => number | { code: number; text: string } | undefined

export interface SmtpSink {
  port: number
  url: string
  received: ReceivedMail[]
  /** Accepted messages addressed to one recipient. */
  to: (address: string) => ReceivedMail[]
  /** Resolves with the first accepted message for the address. */
  waitFor: (address: string, timeoutMs?: number) => Promise<ReceivedMail>
  onRcpt: (rule: RcptRule | undefined) => void
  /** Drops the connection, without a reply, after receiving the body of the nth message (1-based). */
  dropAfterData: (nth: number | undefined) => void
  /** Keeps each message (it counts as received) and waits this long before the 250 reply. */
  delayReply: (ms: number) => void
  close: () => Promise<void>
}

/**
 * A real SMTP server on loopback (the smtp-server package) that keeps what it accepts. Pass
 * `port` to start it again where an earlier sink listened (a relay that was down comes back),
 * `headersOnly` to keep only each message's header.
 */
export async function startSmtpSink(
  options: { port?: number; headersOnly?: boolean } = {},
): Promise<SmtpSink> {
  const received: ReceivedMail[] = []
  const rcptAttempts = new Map<string, number>()
  let rcptRule: RcptRule | undefined
  let dropAt: number | undefined
  let dataCount = 0
  let replyDelayMs = 0

  const server: SMTPServer = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 1024 * 1024,
    onRcptTo(address, _session, callback) {
      const attempt = (rcptAttempts.get(address.address) ?? 0) + 1
      rcptAttempts.set(address.address, attempt)
      const rule = rcptRule?.(address.address, attempt)
      if (rule) {
        const code = typeof rule === 'number' ? rule : rule.code
        // Real relays name the recipient in their refusals; logs must not repeat it.
        const text =
          typeof rule === 'object'
            ? rule.text
            : code >= 500
              ? `<${address.address}>: mailbox unavailable`
              : `<${address.address}>: try again later`
        return callback(Object.assign(new Error(text), { responseCode: code }))
      }
      callback()
    },
    onData(stream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        dataCount++
        if (dropAt !== undefined && dataCount === dropAt) {
          for (const connection of (
            server as unknown as {
              connections: Set<{ session: SMTPServerSession; _socket: { destroy(): void } }>
            }
          ).connections) {
            if (connection.session === session) connection._socket.destroy()
          }
          return
        }
        const raw = Buffer.concat(chunks).toString('utf8')
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          // A bench's tens of thousands of messages need only their headers.
          raw: options.headersOnly ? raw.slice(0, raw.indexOf('\r\n\r\n') + 2) : raw,
        })
        if (replyDelayMs > 0) setTimeout(() => callback(), replyDelayMs)
        else callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  const port = (server.server.address() as { port: number }).port
  const to = (address: string) => received.filter((m) => m.to.includes(address))
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    to,
    async waitFor(address, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const found = to(address)[0]
        if (found) return found
        if (Date.now() > deadline) throw new Error(`no mail for ${address}`)
        await new Promise((r) => setTimeout(r, 20))
      }
    },
    onRcpt: (rule) => {
      rcptRule = rule
    },
    dropAfterData: (nth) => {
      dropAt = nth
      dataCount = 0
    },
    delayReply: (ms) => {
      replyDelayMs = ms
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
