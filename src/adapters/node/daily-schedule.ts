/**
 * Calls `task` now and then every `everyMs`, never two at once: the Node server's stand-in
 * for the Worker's cron. What a tick does (is the digest due?) is decided by the shared
 * runScheduledDigest, so both runtimes send at the same local hour.
 */
export function scheduleTicks(options: {
  task: () => Promise<void>
  everyMs?: number
  onError?: (error: unknown) => void
}): { stop: () => void } {
  let running = false
  const tick = async () => {
    if (running) return
    running = true
    try {
      await options.task()
    } catch (error) {
      options.onError?.(error)
    } finally {
      running = false
    }
  }
  const timer = setInterval(() => void tick(), options.everyMs ?? 60_000)
  timer.unref()
  void tick()
  return { stop: () => clearInterval(timer) }
}
