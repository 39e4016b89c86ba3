import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  DIGEST_DEAD_LETTER_QUEUE_NAME,
  DIGEST_QUEUE_NAME,
} from '../src/adapters/worker/digest-queue'
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

describe('wrangler.toml: the digest queue (issue 13)', () => {
  const tables = toml.split(/^(?=\[)/m)
  const consumer = (queue: string) =>
    tables.find((t) => t.startsWith('[[queues.consumers]]') && t.includes(`queue = "${queue}"`))

  it('gives the Worker a producer binding to the queue the code names', () => {
    const producer = tables.find((t) => t.startsWith('[[queues.producers]]'))
    expect(producer).toContain('binding = "DIGEST_QUEUE"')
    expect(producer).toContain(`queue = "${DIGEST_QUEUE_NAME}"`)
  })

  it('consumes it with bounded batches, concurrency and retries, into the dead-letter queue the code names', () => {
    const main = consumer(DIGEST_QUEUE_NAME)
    expect(main).toBeDefined()
    for (const setting of ['max_batch_size', 'max_batch_timeout', 'max_retries', 'max_concurrency'])
      expect(main).toMatch(new RegExp(`^${setting} = \\d+$`, 'm'))
    expect(main).toContain(`dead_letter_queue = "${DIGEST_DEAD_LETTER_QUEUE_NAME}"`)
    // Each message is up to 100 subscribers at about 3 D1 statements each; an invocation
    // makes at most 1,000 D1 queries.
    expect(Number(main!.match(/^max_batch_size = (\d+)$/m)![1]) * 100 * 3).toBeLessThan(1_000)
  })

  it('consumes the dead-letter queue too, so a run with a batch that kept failing still closes', () => {
    expect(consumer(DIGEST_DEAD_LETTER_QUEUE_NAME)).toBeDefined()
  })
})
