import { LIMITS } from './limits'

const INNER_LINK = /(?:https?|hxxps?):\/\/[^\s"'<>&]+|\bwww\.[^\s"'<>&]+/gi

/** Percent-decoding that gives up quietly on a malformed escape. */
function decoded(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/** The text and its decoded forms (once and twice), for links encoded once or twice. */
function readings(text: string): string[] {
  const once = decoded(text.replace(/\+/g, ' '))
  const twice = decoded(once)
  return [...new Set([text, once, twice])]
}

function queryValues(params: URLSearchParams): string[] {
  const values: string[] = []
  for (const value of params.values()) {
    if (values.length >= LIMITS.queryValues) break
    values.push(value)
  }
  return values
}

/**
 * Links written inside a link's path, query values and fragment, plain or percent-encoded
 * (once or twice): the targets of redirectors such as jemfix.com/r?to=https://evil.example.
 */
export function linksInside(url: URL): string[] {
  return linksIn([url.pathname, url.hash.slice(1), ...queryValues(url.searchParams)])
}

/** Links in the values of a query string, such as the body of an sms: link. */
export function linksInQuery(query: string): string[] {
  return linksIn(queryValues(new URLSearchParams(query)))
}

function linksIn(places: readonly string[]): string[] {
  const found: string[] = []
  for (const place of places) {
    if (!/[:%w]/i.test(place)) continue
    for (const text of readings(place)) {
      for (const match of text.matchAll(INNER_LINK)) {
        if (!found.includes(match[0])) found.push(match[0])
        if (found.length >= LIMITS.nestedPerLink) return found
      }
    }
  }
  return found
}
