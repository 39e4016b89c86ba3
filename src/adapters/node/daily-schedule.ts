/** The local date and hour of an instant in a time zone, e.g. { date: '2026-11-25', hour: 7 }. */
export function localHour(instant: Date, timeZone: string): { date: string; hour: number } {
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
 * Calls `task` once a day during `hour` in `timeZone`, checking every minute; a run that is
 * missed (server down) happens at the next start within that hour. The digest itself is
 * idempotent, so an extra run sends nothing twice.
 */
export function scheduleDaily(options: {
  hour: number
  timeZone: string
  task: () => Promise<void>
  clock?: () => Date
  everyMs?: number
}): { stop: () => void } {
  const clock = options.clock ?? (() => new Date())
  let lastDate = ''
  let running = false
  const tick = async () => {
    const now = localHour(clock(), options.timeZone)
    if (running || now.hour !== options.hour || now.date === lastDate) return
    running = true
    lastDate = now.date
    try {
      await options.task()
    } finally {
      running = false
    }
  }
  const timer = setInterval(() => void tick(), options.everyMs ?? 60_000)
  timer.unref()
  void tick()
  return { stop: () => clearInterval(timer) }
}
