/**
 * How long the deliveries of a finished digest run are kept, counted from when the run
 * finished. What prevents a second digest is the subscriber's cursor, not these rows, so
 * they are kept only as the record of what was sent to whom and when: long enough to answer
 * a reader's question about last month's mail, or to trace a bounce or a complaint (which
 * arrive within days). It is also longer than a queue message can live (4 days by default,
 * 14 at most), so no message can still name a batch pruned with its run. And it keeps the
 * table bounded: 30 days of a daily million is about 6 GB, inside D1's 10 GB. The privacy
 * page states this figure; the housekeeping (src/store/housekeeping-store.ts) applies it.
 */
export const DELIVERY_KEEP_DAYS = 30
