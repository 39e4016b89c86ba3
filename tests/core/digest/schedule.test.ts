import { describe, expect, it } from 'vitest'
import { isDigestDue, localTime } from '../../../src/core/digest/schedule'

const STOCKHOLM_07 = { hour: 7, timeZone: 'Europe/Stockholm' } as const
const due = (now: string, lastCompletedRun: string | null = null, rule = STOCKHOLM_07) =>
  isDigestDue({ ...rule, now: new Date(now), lastCompletedRun })

describe('the digest schedule: 07:00 Europe/Stockholm all year, on both runtimes (finding 8)', () => {
  it('reads the local date and hour across daylight saving time', () => {
    expect(localTime(new Date('2026-01-15T06:30:00Z'), 'Europe/Stockholm')).toEqual({
      date: '2026-01-15',
      hour: 7,
    })
    expect(localTime(new Date('2026-07-15T05:30:00Z'), 'Europe/Stockholm')).toEqual({
      date: '2026-07-15',
      hour: 7,
    })
    expect(localTime(new Date('2026-07-15T23:30:00Z'), 'Europe/Stockholm')).toEqual({
      date: '2026-07-16',
      hour: 1,
    })
  })

  it.each([
    ['06:00 UTC in winter (07:00 local)', '2026-01-15T06:00:00Z', true],
    ['05:55 UTC in summer (07:55 local)', '2026-07-15T05:55:00Z', true],
    ['04:55 UTC in summer (06:55 local), before the hour', '2026-07-15T04:55:00Z', false],
    ['05:00 UTC in winter (06:00 local)', '2026-01-15T05:00:00Z', false],
    ['the last minute before the hour', '2026-01-15T05:59:59Z', false],
    ['the day summer time starts (07:00 CEST = 05:00 UTC)', '2026-03-29T05:00:00Z', true],
    ['the day summer time ends (07:00 CET = 06:00 UTC)', '2026-10-25T06:00:00Z', true],
  ])('is due at %s: %s', (_name, now, expected) => {
    expect(due(now)).toBe(expected)
  })

  it('runs once a local day: not again after a run that completed today, due again tomorrow', () => {
    expect(due('2026-07-15T05:30:00Z', '2026-07-15T05:00:00Z')).toBe(false)
    expect(due('2026-07-16T05:00:00Z', '2026-07-15T05:00:00Z')).toBe(true)
    // 00:30 local on the 15th is the 15th in Stockholm, though the 14th in UTC.
    expect(due('2026-07-15T05:00:00Z', '2026-07-14T22:30:00Z')).toBe(false)
    // A run that completed on the 14th local, late in the UTC day, does not count for the 15th.
    expect(due('2026-07-15T05:00:00Z', '2026-07-14T21:30:00Z')).toBe(true)
  })

  it('keeps trying for the rest of the day when no run has completed (a crash, a deploy, a busy lease)', () => {
    expect(due('2026-01-15T06:05:00Z')).toBe(true)
    expect(due('2026-01-15T06:55:00Z', '2026-01-14T06:00:00Z')).toBe(true)
    // 08:00 local in summer: the 07:00 run never completed, so the day is caught up now …
    expect(due('2026-07-15T06:00:00Z', '2026-07-14T05:00:00Z')).toBe(true)
    expect(due('2026-01-15T22:59:00Z', '2026-01-14T06:00:00Z')).toBe(true)
    // … and after one completed, nothing more that day, though the hour has passed.
    expect(due('2026-07-15T06:00:00Z', '2026-07-15T05:00:00Z')).toBe(false)
  })

  /**
   * Ticks a minute apart from `from` to `to` with DIGEST_HOUR=2 in Europe/Stockholm, each run
   * completing at once: the instants at which a digest started.
   */
  function runsBetween(from: string, to: string, lastRun: string): string[] {
    const rule = { hour: 2, timeZone: 'Europe/Stockholm' } as const
    let lastCompletedRun: string | null = lastRun
    const started: string[] = []
    for (let now = new Date(from); now < new Date(to); now = new Date(now.getTime() + 60_000)) {
      if (isDigestDue({ ...rule, now, lastCompletedRun })) {
        lastCompletedRun = now.toISOString()
        started.push(lastCompletedRun)
      }
    }
    return started
  }

  it('still runs once on the day summer time starts when its hour is skipped by the clock change', () => {
    // 2026-03-29, when 02:00–02:59 local time does not exist: from 00:30 local (23:30 UTC the
    // day before) to 05:00 local (03:00 UTC).
    const runs = runsBetween('2026-03-28T23:30:00Z', '2026-03-29T03:00:00Z', '2026-03-28T01:00:00Z')
    expect(runs.length, 'digests sent on 2026-03-29').toBe(1)
    expect(runs).toEqual(['2026-03-29T01:00:00.000Z']) // 03:00 local, the next hour
  })

  it('runs once on the day summer time ends, though its hour happens twice', () => {
    expect(
      runsBetween('2026-10-24T22:30:00Z', '2026-10-25T04:00:00Z', '2026-10-24T00:00:00Z'),
    ).toHaveLength(1)
  })

  it('is never due when the digest is off', () => {
    expect(
      due('2026-01-15T06:00:00Z', null, { hour: 'off', timeZone: 'Europe/Stockholm' } as never),
    ).toBe(false)
  })

  it('works in another time zone', () => {
    const rule = { hour: 9, timeZone: 'America/New_York' } as const
    expect(due('2026-07-15T13:00:00Z', null, rule as never)).toBe(true)
    expect(due('2026-01-15T13:00:00Z', null, rule as never)).toBe(false)
  })
})
