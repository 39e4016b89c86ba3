import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openSqlite } from '../../src/adapters/node/sqlite-database'
import { type SmtpSink, startSmtpSink } from '../support/smtp-sink'
import { addActiveSubscribers } from '../support/subscribers'

const run = promisify(execFile)
let dataDir: string
let sink: SmtpSink

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'cli-digest-'))
  sink = await startSmtpSink()
})
afterEach(async () => {
  await sink.close()
  await rm(dataDir, { recursive: true, force: true })
})

describe('npm run digest', () => {
  it('sends the digest over SMTP and prints a one-line summary off a terminal', async () => {
    const db = openSqlite(join(dataDir, 'bedragerivarningar.sqlite'))
    // The subscriber confirmed before the jem & fix alert was first seen, so it is new to them.
    await addActiveSubscribers(db, 1, '2026-01-01T00:00:00.000Z', () => 'reader@example.se')
    db.close()

    const env = {
      ...process.env,
      DATA_DIR: dataDir,
      SMTP_URL: sink.url,
      PUBLIC_URL: 'https://varningar.example.se',
    }
    const { stdout } = await run('npm', ['run', '--silent', 'digest'], { env })
    expect(stdout).toMatch(
      /^digest \S+: 1 sent, 0 failed, 0 bounced, 0 skipped, 0 with nothing new, of 1 subscribers in [\d.]+ s$/m,
    )
    const mail = await sink.waitFor('reader@example.se')
    expect(mail.raw).toContain('jem & fix')

    const again = await run('npm', ['run', '--silent', 'digest'], { env })
    expect(again.stdout).toMatch(/: 0 sent, .* 1 with nothing new/)
    expect(sink.to('reader@example.se')).toHaveLength(1)
  })

  it.each([
    ['PUBLIC_URL is unset', {}],
    ['PUBLIC_URL is loopback', { PUBLIC_URL: 'http://127.0.0.1:8787' }],
    ['PUBLIC_URL is localhost', { PUBLIC_URL: 'http://localhost:8787' }],
  ])('refuses to mail links to this machine when %s (finding 10)', async (_case, extra) => {
    const db = openSqlite(join(dataDir, 'bedragerivarningar.sqlite'))
    await addActiveSubscribers(db, 1, '2026-01-01T00:00:00.000Z', () => 'local@example.se')
    db.close()
    const env: Record<string, string | undefined> = {
      ...process.env,
      DATA_DIR: dataDir,
      SMTP_URL: sink.url,
      ...extra,
    }
    if (!('PUBLIC_URL' in extra)) delete env.PUBLIC_URL
    const refused = await run('npm', ['run', '--silent', 'digest'], { env }).catch((e) => e)
    expect(refused.code).toBe(2)
    expect(refused.stderr).toMatch(
      /Refusing to send: the links would point to http:\/\/(127\.0\.0\.1|localhost):8787/,
    )
    expect(sink.received).toHaveLength(0)

    const local = await run('npm', ['run', '--silent', 'digest', '--', '--local'], { env })
    expect(local.stdout).toMatch(/1 sent/)
    expect((await sink.waitFor('local@example.se')).raw).toMatch(
      /http:\/\/(127\.0\.0\.1|localhost):8787\/alerts\//,
    )
  })
})
