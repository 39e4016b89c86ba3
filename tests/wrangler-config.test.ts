import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { CHECK_LIMIT } from '../src/rate-limit/policies'
import { WORKER_CRON } from './support/wrangler-dev'

const toml = readFileSync('wrangler.toml', 'utf8')
const gitignore = readFileSync('.gitignore', 'utf8').split('\n')

describe('wrangler.toml: deploys that cannot go half-way (finding 6)', () => {
  it('builds the records bundle as part of every `wrangler deploy` and `wrangler dev`', () => {
    expect(toml).toMatch(/^\[build\]\ncommand = "node --import tsx src\/cli\/bundle-records\.ts"$/m)
  })

  it('keeps the checker limit of the Rate Limiting binding equal to the Node server’s', () => {
    const simple = toml.match(
      /name = "CHECK_RATE_LIMITER"[\s\S]*?simple = \{ limit = (\d+), period = (\d+) \}/,
    )
    expect(simple, 'a [[ratelimits]] CHECK_RATE_LIMITER with a simple limit').not.toBeNull()
    expect(Number(simple![1])).toBe(CHECK_LIMIT.limit)
    expect(Number(simple![2]) * 1000).toBe(CHECK_LIMIT.periodMs)
  })

  it('runs the cron the tests fire', () => {
    expect(toml).toContain(`crons = ["${WORKER_CRON}"]`)
  })

  it('keeps request URLs, which carry confirmation and unsubscribe tokens, out of the logs (finding 3)', () => {
    expect(toml).toMatch(/\[observability\.logs\][\s\S]*invocation_logs = false/)
  })

  it('ships no secret, and git ignores the files where secrets go', () => {
    expect(toml).not.toMatch(/^SMTP_URL\s*=/m)
    for (const ignored of ['.dev.vars', '.dev.vars.*', '.env']) expect(gitignore).toContain(ignored)
  })
})
