import type {
  ActiveSubscriber,
  DeliveryEnd,
  DeliveryKey,
  DigestStore,
  InFlightDelivery,
  Lease,
  RunCounts,
  RunOutcome,
} from './digest-store'
import type { SubscriberStatus } from './subscriber-store'

interface MemorySubscriber extends ActiveSubscriber {
  status: SubscriberStatus
}

interface MemoryDelivery {
  status: 'sending' | 'sent' | DeliveryEnd
  attempts: number
  messageId: string
  alertIds: string[]
  firstAttemptAt: string
  lastError: string | null
}

interface MemoryRun {
  cutoff: string
  finishedAt: string | null
  outcome: RunOutcome | 'abandoned' | null
  counts: RunCounts | null
}

/**
 * The digest's storage in memory, with the same lease and fencing rules as the SQL store:
 * for unit tests of the runner and of a queue consumer, without a database.
 */
export class MemoryDigestStore implements DigestStore {
  readonly subscribers = new Map<number, MemorySubscriber>()
  readonly deliveries = new Map<string, MemoryDelivery>()
  readonly runs = new Map<string, MemoryRun>()
  readonly firstSeen = new Map<string, string>()
  readonly leases = new Map<string, { holder: string; fence: number; expiresAt: string }>()

  /** Adds an active subscriber (test set-up). */
  addSubscriber(
    subscriber: Omit<ActiveSubscriber, 'unsubscribeToken'> & { unsubscribeToken?: string },
  ) {
    this.subscribers.set(subscriber.id, {
      unsubscribeToken: `unsubscribe-${subscriber.id}`.padEnd(43, 'x'),
      ...subscriber,
      status: 'active',
    })
  }

  delivery(key: DeliveryKey): MemoryDelivery | undefined {
    return this.deliveries.get(`${key.runId}/${key.subscriberId}`)
  }

  private holds(lease: Lease, now?: string): boolean {
    const held = this.leases.get(lease.name)
    return !!held && held.fence === lease.fence && (now === undefined || held.expiresAt > now)
  }

  async acquireLease(name: string, holder: string, now: string, expiresAt: string) {
    const held = this.leases.get(name)
    if (held && held.expiresAt > now && held.holder !== holder) return null
    const fence = (held?.fence ?? 0) + 1
    this.leases.set(name, { holder, fence, expiresAt })
    return { name, holder, fence }
  }

  async renewLease(lease: Lease, expiresAt: string) {
    const held = this.leases.get(lease.name)
    if (!held || held.fence !== lease.fence || held.holder !== lease.holder) return false
    held.expiresAt = expiresAt
    return true
  }

  async releaseLease(lease: Lease) {
    const held = this.leases.get(lease.name)
    if (held && held.fence === lease.fence) held.expiresAt = ''
  }

  async registerAlerts(alertIds: readonly string[], now: string) {
    for (const id of alertIds) if (!this.firstSeen.has(id)) this.firstSeen.set(id, now)
  }

  async alertsFirstSeen() {
    return new Map(this.firstSeen)
  }

  async startRun(runId: string, cutoff: string, _lease: Lease) {
    if (!this.runs.has(runId))
      this.runs.set(runId, { cutoff, finishedAt: null, outcome: null, counts: null })
  }

  async lastCompletedRun() {
    let latest: string | null = null
    for (const run of this.runs.values())
      if (run.outcome === 'done' && (latest === null || run.cutoff > latest)) latest = run.cutoff
    return latest
  }

  async finishRun(
    runId: string,
    counts: RunCounts,
    now: string,
    lease: Lease,
    outcome: RunOutcome,
  ) {
    const run = this.runs.get(runId)
    if (!run || !this.holds(lease)) return false
    Object.assign(run, { finishedAt: now, outcome, counts: { ...counts } })
    return true
  }

  async inFlight(exceptRunId: string): Promise<InFlightDelivery[]> {
    const found: InFlightDelivery[] = []
    for (const [key, delivery] of this.deliveries) {
      const [runId = '', id = ''] = key.split('/')
      const subscriber = this.subscribers.get(Number(id))
      const run = this.runs.get(runId)
      if (delivery.status !== 'sending' || runId === exceptRunId || !subscriber || !run) continue
      found.push({
        runId,
        subscriberId: subscriber.id,
        email: subscriber.email,
        unsubscribeToken: subscriber.unsubscribeToken,
        subscriberStatus: subscriber.status,
        alertIds: [...delivery.alertIds],
        cutoff: run.cutoff,
        firstAttemptAt: delivery.firstAttemptAt,
      })
    }
    return found.sort((a, b) => a.subscriberId - b.subscriberId)
  }

  async closeAbandonedRuns(exceptRunId: string, now: string, lease: Lease) {
    if (!this.holds(lease)) return 0
    let closed = 0
    for (const [id, run] of this.runs) {
      if (id === exceptRunId || run.finishedAt) continue
      Object.assign(run, { finishedAt: now, outcome: 'abandoned' })
      closed++
    }
    return closed
  }

  private active(): MemorySubscriber[] {
    return [...this.subscribers.values()]
      .filter((s) => s.status === 'active')
      .sort((a, b) => a.id - b.id)
  }

  async countActive() {
    return this.active().length
  }

  async activePage(afterId: number, limit: number): Promise<ActiveSubscriber[]> {
    return this.active()
      .filter((s) => s.id > afterId)
      .slice(0, limit)
      .map(({ status: _status, ...subscriber }) => ({ ...subscriber }))
  }

  async statusById(id: number) {
    return this.subscribers.get(id)?.status ?? null
  }

  async markSending(
    lease: Lease,
    key: DeliveryKey,
    alertIds: readonly string[],
    messageId: string,
    now: string,
  ) {
    if (!this.holds(lease, now)) return false
    const existing = this.delivery(key)
    if (existing) {
      existing.status = 'sending'
      existing.attempts++
    } else {
      this.deliveries.set(`${key.runId}/${key.subscriberId}`, {
        status: 'sending',
        attempts: 1,
        messageId,
        alertIds: [...alertIds],
        firstAttemptAt: now,
        lastError: null,
      })
    }
    return true
  }

  async markSent(lease: Lease, key: DeliveryKey, cursor: string, _now: string, note?: string) {
    const delivery = this.delivery(key)
    if (!delivery || !this.holds(lease)) return false
    delivery.status = 'sent'
    delivery.lastError = note ?? null
    const subscriber = this.subscribers.get(key.subscriberId)
    if (subscriber && (!subscriber.cursor || subscriber.cursor < cursor)) subscriber.cursor = cursor
    return true
  }

  async markEnded(lease: Lease, key: DeliveryKey, end: DeliveryEnd, error: string, _now: string) {
    const delivery = this.delivery(key)
    if (!delivery || !this.holds(lease)) return false
    delivery.status = end
    delivery.lastError = error || null
    const subscriber = this.subscribers.get(key.subscriberId)
    if (end === 'bounced' && subscriber) subscriber.status = 'bounced'
    return true
  }

  async markStillInFlight(lease: Lease, key: DeliveryKey, error: string, _now: string) {
    const delivery = this.delivery(key)
    if (!delivery || !this.holds(lease)) return false
    delivery.lastError = error
    return true
  }
}
