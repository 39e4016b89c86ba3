import { describe, expect, it } from 'vitest'
import { scheduleDaily } from '../../../src/adapters/node/daily-schedule'

// ATTACK (the same hour spelled another way): DIGEST_HOUR=2 in Europe/Stockholm on the night
// clocks go forward (2026-03-29), when 02:00–02:59 local time does not exist.
describe('daily schedule on the day daylight saving time starts', () => {
  it('still runs that day when its hour is skipped by the clock change', async () => {
    // 00:30 local (23:30 UTC the day before) to 05:00 local (03:00 UTC), a minute at a time.
    let now = new Date('2026-03-28T23:30:00Z')
    let runs = 0
    const schedule = scheduleDaily({
      hour: 2,
      timeZone: 'Europe/Stockholm',
      clock: () => now,
      everyMs: 1,
      task: async () => void runs++,
    })
    while (now < new Date('2026-03-29T03:00:00Z')) {
      await new Promise((r) => setTimeout(r, 2))
      now = new Date(now.getTime() + 60_000)
    }
    schedule.stop()
    expect(runs, 'digests sent on 2026-03-29').toBe(1)
  })
})
