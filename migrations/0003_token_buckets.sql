-- Rate limits as token buckets (issue 14): a client can no longer get twice its limit by
-- straddling a clock-hour (or day) boundary. One row per key holds the bucket's theoretical
-- arrival time (GCRA, src/rate-limit/gcra.ts): the instant, in ms since the epoch, at which
-- the bucket is full again. A row at or before now is a full bucket and is deleted.
-- The old counters are dropped; they only ever held the current window.
DROP TABLE rate_limits;
CREATE TABLE rate_limits (
  key TEXT PRIMARY KEY,                       -- 'ip:203.0.113.7', 'ip:2001:db8:1:2::/64' or 'mailbox:…'
  tat REAL NOT NULL,                          -- when the bucket is full again, ms since the epoch
  allowed INTEGER NOT NULL DEFAULT 1          -- whether the latest request on this key passed
);
CREATE INDEX rate_limits_tat ON rate_limits (tat);
