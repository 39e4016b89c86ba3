import { describe, expect, it } from 'vitest'
import { scheduleTicks } from '../../../src/adapters/node/daily-schedule'

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('scheduleTicks', () => {
  it('ticks at once and then on every interval, until stopped', async () => {
    let ticks = 0
    const schedule = scheduleTicks({ everyMs: 10, task: async () => void ticks++ })
    expect(ticks).toBe(1)
    await wait(55)
    schedule.stop()
    const seen = ticks
    expect(seen).toBeGreaterThanOrEqual(3)
    await wait(30)
    expect(ticks).toBe(seen)
  })

  it('never runs two ticks at once, and survives a tick that throws', async () => {
    let running = 0
    let most = 0
    let calls = 0
    const errors: unknown[] = []
    const schedule = scheduleTicks({
      everyMs: 5,
      onError: (e) => errors.push(e),
      task: async () => {
        calls++
        running++
        most = Math.max(most, running)
        await wait(20)
        running--
        if (calls === 1) throw new Error('database away')
      },
    })
    await wait(80)
    schedule.stop()
    expect(most).toBe(1)
    expect(calls).toBeGreaterThanOrEqual(2)
    expect(errors).toHaveLength(1)
  })

  it('stops ticking at once and lets the caller wait for a tick still running', async () => {
    let finished = false
    const schedule = scheduleTicks({
      everyMs: 1_000,
      task: async () => {
        await wait(50)
        finished = true
      },
    })
    await schedule.stop()
    expect(finished).toBe(true)
  })
})
