-- Review fixes after issues 10 and 14. Plain SQL that SQLite (Node) and D1 both run.

-- 1. A message sent in full whose answer never came (a relay that replies after our timeout)
--    is "unconfirmed": kept in flight for one more send with the same Message-ID, never
--    retried as if nothing had gone out. Runs count them; the outbox remembers how many of a
--    mail's attempts ended that way, so it sends one confirmation mail at most twice.
ALTER TABLE digest_runs ADD COLUMN unconfirmed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE mail_outbox ADD COLUMN unconfirmed_attempts INTEGER NOT NULL DEFAULT 0;

-- 2. The confirmation-mail limit per inbox lives apart from the clients' buckets: those are
--    capped (a flood of new client addresses is refused rather than stored), and an inbox's
--    bucket, which protects a person from being mail-bombed, must never be refused, nor fill
--    the clients' table until new visitors are locked out. Same GCRA columns as rate_limits;
--    the key is the inbox (src/core/subscriptions/mailbox.ts, inboxKey). A row at or before
--    now is a full bucket and is deleted.
CREATE TABLE mailbox_limits (
  key TEXT PRIMARY KEY,
  tat REAL NOT NULL,
  allowed INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX mailbox_limits_tat ON mailbox_limits (tat);
INSERT INTO mailbox_limits (key, tat, allowed)
  SELECT substr(key, length('mailbox:') + 1), tat, allowed FROM rate_limits WHERE key LIKE 'mailbox:%';
DELETE FROM rate_limits WHERE key LIKE 'mailbox:%';
