import { describe, expect, it } from 'vitest'
import { describeSimulation, simulateDigestQueue } from '../../bench/digest-queue'

/**
 * `npm run bench digest-queue` at a small N: the same simulation (the Worker in workerd with
 * its queues and D1, a real SMTP sink, 451s and a consumer that throws mid-batch once) must
 * end with every subscriber holding exactly one digest.
 */
describe('npm run bench digest-queue, small (issue 13)', () => {
  it('sends 250 digests through the queue with faults: 0 duplicates, 0 lost', async () => {
    const result = await simulateDigestQueue(250)
    expect(result.faults).toEqual({ greylisted: 5, throws: 1 })
    expect(result).toMatchObject({ subscribers: 250, sent: 250, duplicates: 0, lost: 0 })
    expect(result.run).toMatchObject({
      outcome: 'done',
      sent: 250,
      failed: 0,
      batches: 3,
      batches_open: 0,
      dead_batches: 0,
    })
    expect(describeSimulation(result)).toMatch(
      /^digest-queue: 250 subscribers, 250 sent, 0 duplicates, 0 lost, \d+\.\d s, \d+ msg\/s$/,
    )
  }, 300_000)
})
