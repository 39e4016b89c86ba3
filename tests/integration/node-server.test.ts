import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { XMLValidator } from 'fast-xml-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { stringify } from 'yaml'
import { openSqlite } from '../../src/adapters/node/sqlite-database'
import { sql } from '../../src/store/sql'
import { until } from '../support/digest-process'
import { fictionalAlert } from '../support/fixtures'
import {
  freePort,
  type RunningServer,
  startServer,
  startServerExpectingFailure,
} from '../support/server'

describe('npm start', () => {
  let dataDir: string
  let server: RunningServer

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'data-'))
    server = await startServer({ DATA_DIR: dataDir, PUBLIC_URL: 'https://varningar.example.se' })
  })

  afterAll(async () => {
    await server?.stop()
    await rm(dataDir, { recursive: true, force: true })
  })

  it('serves /healthz, the home page with the jem & fix warning and a valid feed', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200)

    const home = await fetch(`${server.url}/`)
    expect(home.status).toBe(200)
    const html = await home.text()
    expect(html).toContain('jem &amp; fix varnar för falska sms')

    const page = await (await fetch(`${server.url}/alerts/jem-fix-2026-02-28`)).text()
    for (const fact of [
      '@jemfix.com',
      '046-28 52 900',
      '+46462852900',
      'jemofixsverige',
      'jemfix.se',
    ]) {
      expect(page).toContain(fact)
    }

    const feed = await fetch(`${server.url}/feed.xml`)
    const xml = await feed.text()
    expect(XMLValidator.validate(xml)).toBe(true)
    expect(xml).toContain('<link>https://varningar.example.se/alerts/jem-fix-2026-02-28</link>')
  })

  it('writes mail as .eml files under DATA_DIR/outbox when no SMTP_URL is set', async () => {
    const res = await fetch(`${server.url}/subscribe`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.url },
      body: 'email=outbox%40example.se',
    })
    expect(res.status).toBe(200)
    const deadline = Date.now() + 10_000
    let files: string[] = []
    while (files.length === 0 && Date.now() < deadline) {
      files = await readdir(join(dataDir, 'outbox')).catch(() => [])
      await new Promise((r) => setTimeout(r, 50))
    }
    expect(files).toHaveLength(1)
    const eml = await readFile(join(dataDir, 'outbox', files[0]!), 'utf8')
    expect(eml).toMatch(/^To: outbox@example\.se$/m)
    expect(eml).toContain('https://varningar.example.se/confirm?token=')
    expect(server.output()).toMatch(/written to .*\.eml/)
  })

  it('stops cleanly on SIGTERM', async () => {
    await server.stop()
    expect(server.output()).toMatch(/SIGTERM: finishing open requests/)
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow()
  })
})

describe('npm start with the digest off', () => {
  it('still deletes never-confirmed addresses and spent limits, on its own timer', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'sweep-'))
    const file = join(dataDir, 'bedragerivarningar.sqlite')
    const db = openSqlite(file)
    await db.batch([
      sql(
        `INSERT INTO subscribers (email, email_key, status, unsubscribe_token, created_at, updated_at)
         VALUES ('stale@example.se', 'stale@example.se', 'pending', ?, '2020-01-01T00:00:00.000Z', '2020-01-01T00:00:00.000Z')`,
        'stale-token'.padEnd(43, 'x'),
      ),
      sql("INSERT INTO rate_limits (key, tat, allowed) VALUES ('ip:192.0.2.99', 1, 1)"),
    ])
    db.close()
    const server = await startServer({ DATA_DIR: dataDir, DIGEST_HOUR: 'off' })
    try {
      const left = async () => {
        const check = openSqlite(file)
        const n = await check.first<{ n: number }>(
          "SELECT (SELECT COUNT(*) FROM subscribers) + (SELECT COUNT(*) FROM rate_limits WHERE key = 'ip:192.0.2.99') AS n",
        )
        check.close()
        return n?.n
      }
      // The privacy page promises this whatever DIGEST_HOUR says; the server sweeps at start-up
      // and every hour.
      await until(async () => (await left()) === 0, 15_000, 'the stale rows swept')
    } finally {
      await server.stop()
      await rm(dataDir, { recursive: true, force: true })
    }
  }, 60_000)
})

describe('npm start with an invalid record', () => {
  it('refuses to start and names the file and field', async () => {
    const alertsDir = await mkdtemp(join(tmpdir(), 'alerts-'))
    await writeFile(join(alertsDir, 'bad.yaml'), stringify(fictionalAlert({ channels: ['fax'] })))
    const result = await startServerExpectingFailure({
      ALERTS_DIR: alertsDir,
      PORT: String(await freePort()),
    })
    await rm(alertsDir, { recursive: true, force: true })
    expect(result.code).toBe(1)
    expect(result.output).toMatch(/Refusing to start/)
    expect(result.output).toMatch(/bad\.yaml: channels\[0\]:/)
  })
})
