/**
 * When the daily digest goes out, the same on every runtime: during `hour` local time in
 * `timeZone` (07:00 Europe/Stockholm by default, summer and winter), once per local day.
 */
export interface DigestSchedule {
  /** Local hour 0–23, or 'off'. */
  hour: number | 'off'
  /** IANA time zone of `hour`, e.g. Europe/Stockholm. */
  timeZone: string
}

/** The local date and hour of an instant in a time zone, e.g. { date: '2026-11-25', hour: 7 }. */
export function localTime(instant: Date, timeZone: string): { date: string; hour: number } {
  const parts = new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant)
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return { date: `${get('year')}-${get('month')}-${get('day')}`, hour: Number(get('hour')) }
}

/**
 * Whether a digest run should start now: the local hour in the schedule's time zone has
 * reached `hour`, and no run that completed started on this local day. Asked every few
 * minutes (the Worker's cron, the Node server's timer), it starts one run a day at the hour,
 * and keeps trying for the rest of the day while runs fail, crash or find the lease busy, so a
 * crash or a deploy during the digest hour delays that day's digest instead of losing it. An
 * hour that a clock change skips (02:00 on the day summer time starts) is caught up at the
 * next hour; one it repeats has one digest.
 */
export function isDigestDue(
  schedule: DigestSchedule & {
    now: Date
    /** When the latest run that completed (status done) started; null if none ever did. */
    lastCompletedRun: string | null
  },
): boolean {
  if (schedule.hour === 'off') return false
  const now = localTime(schedule.now, schedule.timeZone)
  if (now.hour < schedule.hour) return false
  if (schedule.lastCompletedRun === null) return true
  return localTime(new Date(schedule.lastCompletedRun), schedule.timeZone).date !== now.date
}
