/** Bench helper process: an SMTP sink on loopback that counts and discards what it accepts. */
import { SMTPServer } from 'smtp-server'

let accepted = 0
const server = new SMTPServer({
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  maxClients: 100,
  onData(stream, _session, callback) {
    stream.on('data', () => {})
    stream.on('end', () => {
      accepted++
      callback()
    })
  },
})
server.listen(0, '127.0.0.1', () => {
  process.send?.({ port: (server.server.address() as { port: number }).port })
})
process.on('message', (message) => {
  if (message === 'count') process.send?.({ accepted })
})
