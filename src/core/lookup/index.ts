/**
 * Search: one query looked up with the checker's judgment (src/core/check), for /search and
 * GET /api/lookup. lookup decides, lookupAnswer puts a finding into a one-line answer.
 */
export { lookupAnswer, shownQueryValue } from './answer'
export { compactName, MAX_COMPANIES } from './company-prefixes'
export { buildLookupIndex, type Lookup, type LookupIndex, lookup, QUERY_MAX } from './lookup'
