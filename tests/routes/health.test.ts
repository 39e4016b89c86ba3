import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openSqlite } from '../../src/adapters/node/sqlite-database'
import type { SqlDatabase } from '../../src/store/sql'
import { createTestApp, SITE_ORIGIN } from '../support/app'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** A SQLite file with no migrations applied (the d1_migrations table exists, empty). */
function unmigrated() {
  const dir = mkdtempSync(join(tmpdir(), 'unmigrated-'))
  dirs.push(dir)
  const empty = join(dir, 'none')
  mkdirSync(empty)
  const file = join(dir, 'db.sqlite')
  return { db: openSqlite(file, empty), migrate: () => openSqlite(file).close() }
}

type Health = {
  status: string
  alerts: number
  checks: Record<string, { status: string; problem?: string }>
}

const subscribeJson = (app: ReturnType<typeof createTestApp>['app']) =>
  app.request('/api/subscriptions', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'health@example.se' }),
  })

const subscribeForm = (app: ReturnType<typeof createTestApp>['app']) =>
  app.request('/subscribe', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: SITE_ORIGIN },
    body: 'email=health%40example.se',
  })

describe('/healthz (findings 5, 6)', () => {
  it('answers 200 ok with a check per dependency', async () => {
    const { app } = createTestApp()
    const res = await app.request('/healthz')
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(await res.json()).toEqual({
      status: 'ok',
      alerts: 2,
      checks: { database: { status: 'ok' }, mail: { status: 'ok' }, settings: { status: 'ok' } },
    })
  })

  it('answers 200 degraded when mail cannot go out, so a load balancer keeps the site; subscribing answers 503', async () => {
    const t = createTestApp(undefined, {
      mailHealth: { problem: 'SMTP_URL is not set', refusesSubscriptions: true },
    })
    const res = await t.app.request('/healthz')
    expect(res.status).toBe(200)
    expect(((await res.json()) as Health).checks.mail).toEqual({
      status: 'degraded',
      problem: 'SMTP_URL is not set',
    })
    const json = await subscribeJson(t.app)
    expect(json.status).toBe(503)
    expect(json.headers.get('retry-after')).toBeTruthy()
    expect(await json.json()).toEqual({
      error: 'subscriptions are unavailable right now; try again later',
    })
    const page = await subscribeForm(t.app)
    expect(page.status).toBe(503)
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'")
    expect(await page.text()).toContain('Prenumerationer är tillfälligt avstängda')
    expect(await t.status('health@example.se')).toBeNull()
  })

  it('reports bad settings as degraded', async () => {
    const { app } = createTestApp(undefined, {
      settingsProblems: ['CONTACT_EMAIL: must be one address'],
    })
    const body = (await (await app.request('/healthz')).json()) as Health
    expect(body.status).toBe('degraded')
    expect(body.checks.settings).toEqual({
      status: 'degraded',
      problem: 'CONTACT_EMAIL: must be one address',
    })
  })

  it('answers 503 on a database without migrations, names them, and subscription routes answer 503, not 500', async () => {
    const { db, migrate } = unmigrated()
    const t = createTestApp(undefined, { db })
    const res = await t.app.request('/healthz')
    expect(res.status).toBe(503)
    const body = (await res.json()) as Health
    expect(body.status).toBe('unavailable')
    expect(body.checks.database?.status).toBe('unavailable')
    expect(body.checks.database?.problem).toMatch(
      /migrations not applied: 0001_subscriptions, 0002_hardening/,
    )
    expect((await subscribeJson(t.app)).status).toBe(503)
    expect((await t.app.request(`/confirm?token=${'A'.repeat(43)}`)).status).toBe(503)
    expect((await t.app.request('/')).status).toBe(200)
    expect(t.errors).toEqual([])

    migrate()
    expect((await t.app.request('/healthz')).status).toBe(200)
    expect((await subscribeJson(t.app)).status).toBe(202)
  })

  it('answers 503, not 500, while the database is unreachable', async () => {
    const down: SqlDatabase = {
      all: async () => {
        throw new Error('D1_ERROR: Network connection lost.')
      },
      first: async () => {
        throw new Error('D1_ERROR: Network connection lost.')
      },
      run: async () => {
        throw new Error('D1_ERROR: Network connection lost.')
      },
      batch: async () => {
        throw new Error('D1_ERROR: Network connection lost.')
      },
    }
    const t = createTestApp(undefined, { db: down })
    const health = await t.app.request('/healthz')
    expect(health.status).toBe(503)
    expect(((await health.json()) as Health).checks.database?.problem).toMatch(/did not answer/)
    expect((await subscribeJson(t.app)).status).toBe(503)
  })
})
