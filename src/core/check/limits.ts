/**
 * Bounds on the work one check does, so that any input costs time linear in its length and
 * far under the 10 ms of CPU a Worker gets. Real messages stay well inside every bound; a
 * message that reaches one is reported as truncated, and a truncated message is never
 * called official.
 */
export const LIMITS = {
  /** Characters of a text that are read (the API accepts 10,000). */
  textChars: 20_000,
  /** Characters of a sender line that are read (the API accepts 320). */
  senderChars: 1_000,
  /** Characters of one word read as a link; longer words are cut there. */
  tokenChars: 2_048,
  /** Distinct contact points judged per message. */
  candidates: 100,
  /** Phone-number validations (libphonenumber) per message. */
  phoneParses: 64,
  /** Places where a phone number might start (a 0, + or 00 opening a digit group) per message. */
  phoneStarts: 1_000,
  /** Links read inside one link (query values, fragment, path). */
  nestedPerLink: 8,
  /** How deep links inside links are followed. */
  nestedDepth: 2,
  /** Recipients of one mailto: link (to, cc and bcc together) that are judged. */
  mailtoRecipients: 10,
  /** Query parameters of one link that are looked at. */
  queryValues: 32,
  /** HTML and Markdown links read per message (the same link written again costs nothing). */
  markupLinks: 200,
  /** Characters of an HTML anchor's opening tag, and of a link's visible text. */
  markupChars: 2_048,
} as const
