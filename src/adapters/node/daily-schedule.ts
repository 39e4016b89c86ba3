/**
 * Calls `task` now and then every `everyMs`, never two at once: the Node server's stand-in
 * for the Worker's cron. What a tick does (is the digest due?) is decided by the shared
 * runScheduledDigest, so both runtimes send at the same local hour.
 */
export function scheduleTicks(options: {
  task: () => Promise<void>
  everyMs?: number
  onError?: (error: unknown) => void
}): { stop: () => Promise<void> } {
  let running: Promise<void> | null = null
  const tick = () => {
    if (running) return
    let task: Promise<void>
    try {
      task = options.task()
    } catch (error) {
      task = Promise.reject(error)
    }
    running = task
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        running = null
      })
  }
  const timer = setInterval(tick, options.everyMs ?? 60_000)
  timer.unref()
  tick()
  return {
    /** No more ticks; resolves once a tick still running has finished. */
    stop: async () => {
      clearInterval(timer)
      await running
    },
  }
}
