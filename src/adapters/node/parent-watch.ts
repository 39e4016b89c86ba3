/**
 * Calls `onOrphaned` once when the process that started this one has gone (it was killed,
 * even with SIGKILL, which no signal handler sees): Linux then gives this process a new
 * parent, so `process.ppid` changes. Checked every `everyMs`; the timer keeps nothing alive.
 */
export function watchParent(onOrphaned: () => void, everyMs = 200): () => void {
  const parent = process.ppid
  const timer = setInterval(() => {
    if (process.ppid === parent) return
    clearInterval(timer)
    onOrphaned()
  }, everyMs)
  timer.unref()
  return () => clearInterval(timer)
}
