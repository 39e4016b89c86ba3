-- Subscribers, confirmation tokens, digest deliveries and rate limits.
-- Applied by the Node store at start-up and by `wrangler d1 migrations apply` on Workers.
-- Timestamps are ISO 8601 UTC strings, which sort as text.

CREATE TABLE subscribers (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,                 -- lowercased domain, as validated
  status TEXT NOT NULL CHECK (status IN ('pending', 'active', 'unsubscribed', 'bounced')),
  companies TEXT,                             -- JSON array of company slugs; NULL means all
  unsubscribe_token TEXT NOT NULL UNIQUE,     -- capability in every mail's List-Unsubscribe URL
  digest_cursor TEXT,                         -- alerts first seen after this go into the next digest
  created_at TEXT NOT NULL,
  confirmed_at TEXT,
  updated_at TEXT NOT NULL
);
CREATE INDEX subscribers_active ON subscribers (status, id);

CREATE TABLE confirmation_tokens (
  token_hash TEXT PRIMARY KEY,                -- SHA-256 of the token; the token itself is only in the mail
  subscriber_id INTEGER NOT NULL REFERENCES subscribers (id),
  companies TEXT,                             -- the choice to apply on confirmation
  expires_at TEXT NOT NULL,
  used_at TEXT
);

-- When the site first served each alert: "published since the last digest" is measured on this.
CREATE TABLE alerts_seen (
  alert_id TEXT PRIMARY KEY,
  first_seen_at TEXT NOT NULL
);

CREATE TABLE digest_runs (
  id TEXT PRIMARY KEY,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  sent INTEGER NOT NULL DEFAULT 0,
  failed INTEGER NOT NULL DEFAULT 0,
  bounced INTEGER NOT NULL DEFAULT 0,
  skipped INTEGER NOT NULL DEFAULT 0
);

-- One row per (digest run, subscriber). 'sending' is written before the SMTP transaction and
-- 'sent' only after the server's 250 reply, together with the subscriber's cursor.
CREATE TABLE deliveries (
  run_id TEXT NOT NULL REFERENCES digest_runs (id),
  subscriber_id INTEGER NOT NULL REFERENCES subscribers (id),
  status TEXT NOT NULL CHECK (status IN ('sending', 'sent', 'failed', 'bounced', 'skipped')),
  attempts INTEGER NOT NULL DEFAULT 0,
  message_id TEXT,
  alert_ids TEXT NOT NULL,                    -- JSON array: what this digest carries
  last_error TEXT,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (run_id, subscriber_id)
);

CREATE TABLE rate_limits (
  key TEXT PRIMARY KEY,                       -- 'ip:…' or 'mail:…'
  window TEXT NOT NULL,                       -- the hour or day the count belongs to
  count INTEGER NOT NULL
);

-- Only one digest run at a time, across processes and the Worker's cron.
CREATE TABLE leases (
  name TEXT PRIMARY KEY,
  holder TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
