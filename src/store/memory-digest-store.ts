import type {
  ActiveSubscriber,
  BeginDelivery,
  BeginResult,
  DeliveryEnd,
  DeliveryKey,
  DeliveryRecord,
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
  claimedUntil: string | null
  unconfirmed: boolean
  temporary: boolean
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

  async isActive(subscriberId: number) {
    return this.subscribers.get(subscriberId)?.status === 'active'
  }

  async activePage(afterId: number, limit: number): Promise<ActiveSubscriber[]> {
    return this.active()
      .filter((s) => s.id > afterId)
      .slice(0, limit)
      .map(({ status: _status, ...subscriber }) => ({ ...subscriber }))
  }

  async holdsLease(lease: Lease, now?: string) {
    return this.holds(lease, now)
  }

  async beginDeliveries(
    lease: Lease,
    items: readonly BeginDelivery[],
    now: string,
    claimUntil: string,
  ): Promise<BeginResult[]> {
    return items.map((item) => {
      const subscriber = this.subscribers.get(item.delivery.subscriberId)
      if (!subscriber || !this.holds(lease, now)) return 'refused'
      const existing = this.delivery(item.delivery)
      const takeable =
        !existing ||
        (existing.status === 'sending' &&
          (existing.claimedUntil === null || existing.claimedUntil <= now)) ||
        (existing.status === 'failed' && existing.temporary)
      if (!takeable) return 'refused'
      const status = subscriber.status === 'active' && !item.withdrawn ? 'sending' : 'skipped'
      const lastError =
        subscriber.status === 'active' && item.withdrawn
          ? 'every warning it carried was withdrawn'
          : null
      if (existing) {
        Object.assign(existing, {
          status,
          attempts: existing.attempts + 1,
          claimedUntil: claimUntil,
          lastError,
          unconfirmed: false,
          temporary: false,
        })
      } else {
        this.deliveries.set(`${item.delivery.runId}/${item.delivery.subscriberId}`, {
          status,
          attempts: 1,
          messageId: item.messageId,
          alertIds: [...item.alertIds],
          firstAttemptAt: now,
          lastError,
          claimedUntil: claimUntil,
          unconfirmed: false,
          temporary: false,
        })
      }
      return status
    })
  }

  async recordDeliveries(
    lease: Lease,
    records: readonly { delivery: DeliveryKey; record: DeliveryRecord }[],
    _now: string,
  ): Promise<boolean[]> {
    return records.map(({ delivery: key, record }) => {
      const delivery = this.delivery(key)
      if (!delivery || !this.holds(lease)) return false
      const subscriber = this.subscribers.get(key.subscriberId)
      delivery.claimedUntil = null
      switch (record.kind) {
        case 'sent':
          Object.assign(delivery, { status: 'sent', lastError: record.note ?? null })
          Object.assign(delivery, { unconfirmed: false, temporary: false })
          if (subscriber && (!subscriber.cursor || subscriber.cursor < record.cursor))
            subscriber.cursor = record.cursor
          break
        case 'ended':
          Object.assign(delivery, { status: record.end, lastError: record.error || null })
          delivery.temporary = false
          if (record.end === 'bounced' && subscriber) subscriber.status = 'bounced'
          break
        case 'unconfirmed':
          Object.assign(delivery, { lastError: record.error, unconfirmed: true })
          break
        case 'in-flight':
          delivery.lastError = record.error
          break
        case 'retry':
          Object.assign(delivery, { status: 'failed', temporary: true, lastError: record.error })
          break
      }
      return true
    })
  }
}
