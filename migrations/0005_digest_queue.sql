-- Digests fanned out through Cloudflare Queues (issue 13). Plain SQL that SQLite (Node) and D1
-- both run; the Node server keeps its in-process runner and only uses the delivery columns.

-- 1. A queue run is planned as batches of subscriber ids, one queue message each, and is open
--    until every batch is acknowledged or dead-lettered. `batches` is set when planning has
--    enqueued the last one (NULL until then, so a run cannot close half-planned);
--    `batches_open` counts the batches not yet acknowledged or dead-lettered. `total` is the
--    number of subscribers planned.
ALTER TABLE digest_runs ADD COLUMN batches INTEGER;
ALTER TABLE digest_runs ADD COLUMN batches_open INTEGER NOT NULL DEFAULT 0;
ALTER TABLE digest_runs ADD COLUMN dead_batches INTEGER NOT NULL DEFAULT 0;
ALTER TABLE digest_runs ADD COLUMN total INTEGER;

-- One row per queue message of a run. A batch leaves 'queued' exactly once: 'done' when its
-- message is acknowledged, 'dead' when the dead-letter consumer takes it, 'superseded' when
-- a newer run took the lease before it was consumed. The run's counters move in the same
-- batch as that change, so a redelivered message never counts twice.
CREATE TABLE digest_batches (
  run_id TEXT NOT NULL REFERENCES digest_runs (id),
  batch_no INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('subscribers', 'adopt')),
  size INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('queued', 'done', 'dead', 'superseded')),
  updated_at TEXT NOT NULL,
  PRIMARY KEY (run_id, batch_no)
);

-- The run's counters follow its batch rows, whatever writes them: a batch inserted twice (a
-- retried statement) is counted once, and a batch leaves 'queued' only once.
CREATE TRIGGER digest_batches_queued AFTER INSERT ON digest_batches
BEGIN
  UPDATE digest_runs SET batches_open = batches_open + 1 WHERE id = NEW.run_id;
END;

CREATE TRIGGER digest_batches_settled AFTER UPDATE OF status ON digest_batches
WHEN OLD.status = 'queued' AND NEW.status != 'queued'
BEGIN
  UPDATE digest_runs SET batches_open = batches_open - 1,
    dead_batches = dead_batches + (NEW.status = 'dead')
  WHERE id = NEW.run_id;
END;

-- 2. Deliveries under many consumers at once.
--    claimed_until: a consumer that writes a delivery 'sending' owns it until then; another
--    consumer (a duplicate queue message) does not touch it before, so two never send it at once.
--    unconfirmed: the whole message went out and no answer came; it stays 'sending' for the
--    next run, and a redelivered batch of the same run must not send it again.
--    temporary: 'failed' for now (a 4xx, a connection lost before the message went out, a
--    consumer that stopped before sending it); a queue run sends it again while the run is open.
ALTER TABLE deliveries ADD COLUMN claimed_until TEXT;
ALTER TABLE deliveries ADD COLUMN unconfirmed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE deliveries ADD COLUMN temporary INTEGER NOT NULL DEFAULT 0;
-- "Is an older message to this subscriber still in flight?", asked for every subscriber of a batch.
CREATE INDEX deliveries_sending_by_subscriber ON deliveries (subscriber_id) WHERE status = 'sending';
