import { describeError } from '../security/redact'
import type { SchemaStore } from '../store/schema-store'

/** What the runtime knows about its mail transport. */
export interface MailHealth {
  /** Why mail does not go out as it should (no transport, a bad setting), or null. */
  problem: string | null
  /** True when no mail can go out at all: subscribing is refused rather than queued. */
  refusesSubscriptions: boolean
}

export type CheckStatus = 'ok' | 'degraded' | 'unavailable'

export interface Check {
  status: CheckStatus
  problem?: string
}

/**
 * The JSON of GET /healthz. `status` is the worst of the checks; the HTTP status is 503 only
 * when it is `unavailable` (the database cannot serve subscriptions: unreachable or behind
 * on migrations), and 200 for `ok` and `degraded`, because pages, feeds and the checker still
 * work without mail and a load balancer must not drop the site for it.
 */
export interface HealthReport {
  status: CheckStatus
  alerts: number
  checks: { database: Check; mail: Check; settings: Check }
}

export interface HealthDeps {
  schema: SchemaStore
  mail: MailHealth
  settingsProblems: readonly string[]
  alerts: number
}

export interface Health {
  report(): Promise<HealthReport>
  /** Why the database cannot serve subscriptions right now, or null when it can. */
  databaseProblem(): Promise<string | null>
}

const RANK: Record<CheckStatus, number> = { ok: 0, degraded: 1, unavailable: 2 }

/**
 * Checks the schema version against the migrations this code needs. A current schema is
 * remembered for the life of the process or isolate (migrations never go back); a missing
 * one is asked again each time, so applying the migrations needs no restart.
 */
export function createHealth(deps: HealthDeps): Health {
  let schemaCurrent = false
  const databaseProblem = async (): Promise<string | null> => {
    if (schemaCurrent) return null
    let missing: string[]
    try {
      missing = await deps.schema.missingMigrations()
    } catch (error) {
      return `the database did not answer: ${describeError(error)}`
    }
    if (missing.length === 0) {
      schemaCurrent = true
      return null
    }
    return `migrations not applied: ${missing.join(', ')} (run \`wrangler d1 migrations apply DB --remote\`)`
  }
  const check = (problem: string | null, bad: CheckStatus): Check =>
    problem === null ? { status: 'ok' } : { status: bad, problem }
  return {
    databaseProblem,
    async report() {
      const checks = {
        database: check(await databaseProblem(), 'unavailable'),
        mail: check(deps.mail.problem, 'degraded'),
        settings: check(
          deps.settingsProblems.length > 0 ? deps.settingsProblems.join('; ') : null,
          'degraded',
        ),
      }
      const worst = Object.values(checks).reduce<CheckStatus>(
        (acc, c) => (RANK[c.status] > RANK[acc] ? c.status : acc),
        'ok',
      )
      return { status: worst, alerts: deps.alerts, checks }
    },
  }
}
