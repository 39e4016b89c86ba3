import { mailboxKey } from '../../src/core/subscriptions/mailbox'
import { type SqlDatabase, sql } from '../../src/store/sql'

/** The unsubscribe token the helpers give subscriber n. */
export const unsubscribeTokenOf = (n: number) => `unsub-token-${n}`.padEnd(43, 'x')

/**
 * Writes active subscribers s0@example.se … directly, confirmed at `confirmedAt` (their
 * digests hold alerts first seen after it). Returns their addresses, in id order.
 */
export async function addActiveSubscribers(
  db: SqlDatabase,
  count: number,
  confirmedAt: string,
  emailOf: (n: number) => string = (n) => `s${n}@example.se`,
): Promise<string[]> {
  const emails = Array.from({ length: count }, (_, n) => emailOf(n))
  await db.batch(
    emails.map((email, n) =>
      sql(
        `INSERT INTO subscribers (email, email_key, status, unsubscribe_token, digest_cursor, created_at, confirmed_at, updated_at)
         VALUES (?, ?, 'active', ?, ?, ?, ?, ?)`,
        email,
        mailboxKey(email),
        unsubscribeTokenOf(n),
        confirmedAt,
        confirmedAt,
        confirmedAt,
        confirmedAt,
      ),
    ),
  )
  return emails
}
