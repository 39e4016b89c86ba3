import { LIMITS } from './limits'

// A link with a scheme, also as browsers read one written with backslashes (https:\\evil…),
// or a www. address.
const INNER_LINK = /(?:https?|hxxps?):[/\\][^\s"'<>&]+|\bwww\.[^\s"'<>&]+/gi
// A redirect parameter that is itself a protocol-relative link (u=//evil.example), the classic
// open-redirect payload: a browser sent there opens it on https.
const PROTOCOL_RELATIVE = /^[/\\]{2}[\p{L}\p{N}][^\s"'<>]*/u

/** Called when a limit stopped the search before everything was read. */
export type OnLimit = () => void

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

/** Whether a character is one the URL parser trims from either end (C0 controls, space). */
function trimmed(code: number): boolean {
  return code <= 0x20
}

/**
 * A redirect target as a browser reads it: the URL parser drops tabs and newlines anywhere,
 * trims controls and spaces at either end, and reads http:evil.example or https:\\evil… as
 * http://evil.example (a special scheme's slashes are optional and may be backslashes).
 */
function asBrowserReads(text: string): string {
  const bare = text.replace(/[\t\n\r]/g, '')
  let start = 0
  let end = bare.length
  while (start < end && trimmed(bare.charCodeAt(start))) start++
  while (end > start && trimmed(bare.charCodeAt(end - 1))) end--
  return bare.slice(start, end).replace(/^(https?):[/\\]*/i, '$1://')
}

function queryValues(params: URLSearchParams, onLimit: OnLimit): string[] {
  const values: string[] = []
  for (const value of params.values()) {
    if (values.length >= LIMITS.queryValues) {
      onLimit()
      break
    }
    values.push(value)
  }
  return values
}

/** A place to look for links; a redirect parameter may also hold a protocol-relative one. */
interface Place {
  text: string
  parameter: boolean
}

/**
 * Links written inside a link's path, query values and fragment, plain or percent-encoded
 * (once or twice): the targets of redirectors such as jemfix.com/r?to=https://evil.example
 * or jemfix.com/r?u=//evil.example. Calls onLimit when a limit (LIMITS.queryValues,
 * LIMITS.nestedPerLink) left some of it unread.
 */
export function linksInside(url: URL, onLimit: OnLimit = () => {}): string[] {
  const values = queryValues(url.searchParams, onLimit).map((text) => ({ text, parameter: true }))
  const places = [
    { text: url.pathname, parameter: false },
    { text: url.hash.slice(1), parameter: false },
    ...values,
  ]
  return linksIn(places, onLimit)
}

/** Links in the values of a query string, such as the body of an sms: link. */
export function linksInQuery(query: string, onLimit: OnLimit = () => {}): string[] {
  const values = queryValues(new URLSearchParams(query), onLimit)
  return linksIn(
    values.map((text) => ({ text, parameter: true })),
    onLimit,
  )
}

function linksIn(places: readonly Place[], onLimit: OnLimit): string[] {
  const found: string[] = []
  const add = (link: string): boolean => {
    if (found.includes(link)) return true
    if (found.length >= LIMITS.nestedPerLink) {
      onLimit()
      return false
    }
    found.push(link)
    return true
  }
  for (const { text: place, parameter } of places) {
    if (!(parameter ? /[:%w/\\]/i : /[:%w]/i).test(place)) continue
    const texts = readings(place)
    const all = parameter ? [...new Set([...texts, ...texts.map(asBrowserReads)])] : texts
    for (const text of all) {
      const relative = parameter ? PROTOCOL_RELATIVE.exec(text) : null
      if (relative && !add(relative[0])) return found
      for (const match of text.matchAll(INNER_LINK)) {
        if (!add(match[0])) return found
      }
    }
  }
  return found
}
