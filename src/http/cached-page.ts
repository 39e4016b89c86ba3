import type { Context } from 'hono'

/** A rendered response body with its strong validator, computed once. */
export interface CachedBody {
  bytes: Uint8Array<ArrayBuffer>
  etag: string
}

const encoder = new TextEncoder()

/** Hashes once with Web Crypto, which both Node and workerd provide. */
export async function toCachedBody(text: string): Promise<CachedBody> {
  const bytes = encoder.encode(text)
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-1', bytes))
  let hex = ''
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0')
  return { bytes, etag: `"${hex}"` }
}

/**
 * Memoizes rendered bodies by key. Records are immutable for the life of a process,
 * so every page, feed and JSON document is rendered and hashed at most once; only
 * keys that exist are cached, so unknown URLs cannot grow the map.
 */
export class RenderCache {
  readonly #entries = new Map<string, Promise<CachedBody>>()

  get(key: string, render: () => string | Promise<string>): Promise<CachedBody> {
    let entry = this.#entries.get(key)
    if (!entry) {
      entry = Promise.resolve(render()).then(toCachedBody)
      entry.catch(() => this.#entries.delete(key))
      this.#entries.set(key, entry)
    }
    return entry
  }
}

function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false
  if (header.trim() === '*') return true
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)
}

/** Sends a cached body, or 304 when the client already holds it (RFC 9110 §13.1.2). */
export function sendCached(
  c: Context,
  body: CachedBody,
  contentType: string,
  cacheControl: string,
): Response {
  c.header('ETag', body.etag)
  c.header('Cache-Control', cacheControl)
  if (matchesIfNoneMatch(c.req.header('If-None-Match'), body.etag)) return c.body(null, 304)
  c.header('Content-Type', contentType)
  return c.body(body.bytes)
}
