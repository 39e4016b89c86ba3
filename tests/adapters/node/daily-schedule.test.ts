import { describe, expect, it } from 'vitest'
import { localHour, scheduleDaily } from '../../../src/adapters/node/daily-schedule'

describe('daily schedule', () => {
  it('reads the local hour across daylight saving time', () => {
    expect(localHour(new Date('2026-01-15T06:30:00Z'), 'Europe/Stockholm')).toEqual({
      date: '2026-01-15',
      hour: 7,
    })
    expect(localHour(new Date('2026-07-15T05:30:00Z'), 'Europe/Stockholm')).toEqual({
      date: '2026-07-15',
      hour: 7,
    })
    expect(localHour(new Date('2026-07-15T23:30:00Z'), 'Europe/Stockholm')).toEqual({
      date: '2026-07-16',
      hour: 1,
    })
  })

  it('runs once during the hour each day', async () => {
    let now = new Date('2026-01-15T05:59:00Z')
    let runs = 0
    const schedule = scheduleDaily({
      hour: 7,
      timeZone: 'Europe/Stockholm',
      clock: () => now,
      everyMs: 5,
      task: async () => void runs++,
    })
    const wait = () => new Promise((r) => setTimeout(r, 30))
    await wait()
    expect(runs).toBe(0)
    now = new Date('2026-01-15T06:00:30Z')
    await wait()
    now = new Date('2026-01-15T06:45:00Z')
    await wait()
    expect(runs).toBe(1)
    now = new Date('2026-01-16T06:10:00Z')
    await wait()
    expect(runs).toBe(2)
    schedule.stop()
  })
})
