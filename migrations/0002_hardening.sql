-- Hardening (issue 10): one row per mailbox, a durable confirmation-mail outbox, fenced digest
-- leases, bounded rate-limit counters. Plain SQL that SQLite (Node) and D1 both run.

-- 1. One subscriber per mailbox. email_key is the address without case (IDN domains were
--    always stored in punycode, because only ASCII addresses validated), so Anna@ and anna@
--    are one row. Case variants that already exist are merged into one survivor: the row
--    with the latest decision of its owner (confirmed for an active row, the unsubscribe or
--    bounce otherwise); pending rows, which nobody confirmed, survive only when nothing else
--    exists, the oldest first. The losers' confirmation links keep working for the survivor,
--    their delivery history moves to it where it does not collide, and the rest is dropped.
ALTER TABLE subscribers ADD COLUMN email_key TEXT;
UPDATE subscribers SET email_key = lower(email);

CREATE TABLE subscriber_merge AS
  SELECT id,
    FIRST_VALUE(id) OVER (
      PARTITION BY email_key
      ORDER BY
        CASE status WHEN 'pending' THEN 1 ELSE 0 END,
        CASE status
          WHEN 'pending' THEN ''
          WHEN 'active' THEN COALESCE(confirmed_at, updated_at)
          ELSE updated_at
        END DESC,
        id
    ) AS survivor
  FROM subscribers;
DELETE FROM subscriber_merge WHERE id = survivor;

UPDATE confirmation_tokens
  SET subscriber_id = (SELECT survivor FROM subscriber_merge m WHERE m.id = confirmation_tokens.subscriber_id)
  WHERE subscriber_id IN (SELECT id FROM subscriber_merge);
UPDATE OR IGNORE deliveries
  SET subscriber_id = (SELECT survivor FROM subscriber_merge m WHERE m.id = deliveries.subscriber_id)
  WHERE subscriber_id IN (SELECT id FROM subscriber_merge);
DELETE FROM deliveries WHERE subscriber_id IN (SELECT id FROM subscriber_merge);
DELETE FROM subscribers WHERE id IN (SELECT id FROM subscriber_merge);
DROP TABLE subscriber_merge;

CREATE UNIQUE INDEX subscribers_email_key ON subscribers (email_key);

-- 2. Confirmation mail leaves through this table, written in the same batch as the pending
--    subscriber and its token, so an accepted request survives a crash. A drainer claims due
--    rows (claimed_until keeps two drainers off one row), sends, and marks them sent; failures
--    come back after a backoff. The raw confirm token is kept only until the mail is sent.
CREATE TABLE mail_outbox (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('confirmation')),
  subscriber_id INTEGER NOT NULL REFERENCES subscribers (id),
  recipient TEXT NOT NULL,                    -- the address as typed in the request
  confirm_token TEXT,                         -- NULL once sent or given up
  companies TEXT,                             -- JSON array of slugs the link confirms; NULL means all
  status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  claimed_until TEXT,
  last_error TEXT,
  created_at TEXT NOT NULL,
  sent_at TEXT
);
CREATE INDEX mail_outbox_due ON mail_outbox (status, next_attempt_at);

-- 3. Digest leases carry a fencing token that grows with every acquisition and is never
--    reset (a release only expires the lease); every delivery write checks it.
ALTER TABLE leases ADD COLUMN fence INTEGER NOT NULL DEFAULT 0;

ALTER TABLE digest_runs ADD COLUMN fence INTEGER;
-- 'done'; 'stopped' (SIGTERM, parent gone); 'abandoned' when a later run found it dead and
-- adopted its messages in flight.
ALTER TABLE digest_runs ADD COLUMN outcome TEXT;
ALTER TABLE digest_runs ADD COLUMN resent INTEGER NOT NULL DEFAULT 0;
-- When the message was first attempted: a re-sent message keeps its Date as well as its Message-ID.
ALTER TABLE deliveries ADD COLUMN first_attempt_at TEXT;
CREATE INDEX deliveries_in_flight ON deliveries (status) WHERE status = 'sending';

-- 4. Rate-limit counters expire, and each request prunes expired ones, so the table holds only
--    the current windows; the store also caps its size.
DROP TABLE rate_limits;
CREATE TABLE rate_limits (
  key TEXT PRIMARY KEY,                       -- 'ip:…' or 'mailbox:…'
  window TEXT NOT NULL,                       -- the hour or day the count belongs to
  count INTEGER NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX rate_limits_expiry ON rate_limits (expires_at);
