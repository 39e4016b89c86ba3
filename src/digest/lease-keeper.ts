import type { DigestStore, Lease } from '../store/digest-store'

/** A lease kept alive by a heartbeat while the work that holds it runs. */
export interface HeldLease {
  lease: Lease
  /** False once the lease was lost (taken over) or could not be renewed before it expired. */
  isHeld: () => boolean
  /** Stops the heartbeat and expires the lease, if it is still ours. */
  release: () => Promise<void>
}

export interface LeaseOptions {
  store: DigestStore
  name: string
  holder: string
  clock: () => Date
  /** Time to live; renewed every quarter of it, so a crashed holder frees it within this. */
  ttlMs: number
  onLost?: () => void
}

/**
 * Takes a short lease and renews it in the background. A run that stops renewing (crash,
 * kill -9, a frozen process) loses it within `ttlMs`; every delivery write checks its fence,
 * so a run that lost its lease to another cannot record anything and stops before its next send.
 */
export async function holdLease(options: LeaseOptions): Promise<HeldLease | null> {
  const { store, clock, ttlMs } = options
  const expiry = () => new Date(clock().getTime() + ttlMs).toISOString()
  const now = clock().toISOString()
  const lease = await store.acquireLease(options.name, options.holder, now, expiry())
  if (!lease) return null
  let validUntil = clock().getTime() + ttlMs
  let lost = false
  const markLost = () => {
    if (lost) return
    lost = true
    options.onLost?.()
  }
  const renew = async () => {
    if (lost) return
    const until = expiry()
    try {
      if (await store.renewLease(lease, until)) validUntil = Date.parse(until)
      else markLost()
    } catch {
      // A failed renewal is not yet a loss; the lease stays ours until it expires.
      if (clock().getTime() >= validUntil) markLost()
    }
  }
  // A renewal still on its way when the lease is released would extend it again afterwards.
  let renewing: Promise<void> = Promise.resolve()
  const timer = setInterval(
    () => {
      renewing = renew()
    },
    Math.max(10, Math.floor(ttlMs / 4)),
  )
  ;(timer as { unref?: () => void }).unref?.()
  return {
    lease,
    isHeld: () => {
      if (!lost && clock().getTime() >= validUntil) markLost()
      return !lost
    },
    release: async () => {
      clearInterval(timer)
      await renewing
      lost = true
      await store.releaseLease(lease)
    },
  }
}
