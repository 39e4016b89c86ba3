import type { Context } from 'hono'
import { SECURITY_HEADERS } from './security-headers'

/** What a route needs to serve a cached body: its type and how long clients may keep it. */
export interface CachePolicy {
  contentType: string
  cacheControl: string
  /** Further headers sent with both the 200 and the 304, e.g. CORS on public JSON. */
  headers?: Readonly<Record<string, string>>
}

export const POLICIES = {
  page: { contentType: 'text/html; charset=UTF-8', cacheControl: 'public, max-age=300' },
  feed: { contentType: 'application/rss+xml; charset=UTF-8', cacheControl: 'public, max-age=600' },
  json: { contentType: 'application/json; charset=UTF-8', cacheControl: 'public, max-age=60' },
  css: { contentType: 'text/css; charset=UTF-8', cacheControl: 'public, max-age=3600' },
  icon: { contentType: 'image/svg+xml', cacheControl: 'public, max-age=86400' },
} as const satisfies Record<string, CachePolicy>

/** A rendered response, its strong validator and both header sets, computed once. */
export interface CachedResponse {
  bytes: Uint8Array<ArrayBuffer>
  etag: string
  okHeaders: Readonly<Record<string, string>>
  notModifiedHeaders: Readonly<Record<string, string>>
}

const encoder = new TextEncoder()

/** Hashes once with Web Crypto, which both Node and workerd provide. */
export async function toCachedResponse(text: string, policy: CachePolicy): Promise<CachedResponse> {
  const bytes = encoder.encode(text)
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-1', bytes))
  let hex = ''
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0')
  const etag = `"${hex}"`
  const notModifiedHeaders = {
    ...SECURITY_HEADERS,
    ...policy.headers,
    ETag: etag,
    'Cache-Control': policy.cacheControl,
  }
  return {
    bytes,
    etag,
    notModifiedHeaders,
    okHeaders: { ...notModifiedHeaders, 'Content-Type': policy.contentType },
  }
}

/**
 * Memoizes rendered responses by key. Records are immutable for the life of a process,
 * so every page, feed and JSON document is rendered and hashed at most once. Callers
 * only use keys of things that exist, so unknown URLs cannot grow the map.
 */
export class RenderCache {
  readonly #ready = new Map<string, CachedResponse>()
  readonly #pending = new Map<string, Promise<CachedResponse>>()

  /** Synchronous once rendered, so the hot path awaits nothing. */
  get(
    key: string,
    render: () => string | Promise<string>,
    policy: CachePolicy,
  ): CachedResponse | Promise<CachedResponse> {
    const ready = this.#ready.get(key)
    if (ready) return ready
    let pending = this.#pending.get(key)
    if (!pending) {
      pending = Promise.resolve(render())
        .then((text) => toCachedResponse(text, policy))
        .then((cached) => {
          this.#ready.set(key, cached)
          return cached
        })
        .finally(() => this.#pending.delete(key))
      this.#pending.set(key, pending)
    }
    return pending
  }
}

function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false
  if (header.trim() === '*') return true
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)
}

/**
 * Sends a cached response, or 304 when the client already holds it (RFC 9110 §13.1.2).
 * The headers are one precomputed plain object so that the Node adapter writes them
 * without building a Headers instance: this is the hot path of every read.
 */
export function sendCached(c: Context, cached: CachedResponse): Response {
  if (matchesIfNoneMatch(c.req.header('If-None-Match'), cached.etag)) {
    return new Response(null, { status: 304, headers: cached.notModifiedHeaders })
  }
  return new Response(cached.bytes, { status: 200, headers: cached.okHeaders })
}

/**
 * Serves the response cached under key, rendering it on first use. Returns synchronously
 * once rendered, so Hono calls the handler without an extra microtask.
 */
export function serveCached(
  c: Context,
  cache: RenderCache,
  key: string,
  render: () => string | Promise<string>,
  policy: CachePolicy,
): Response | Promise<Response> {
  const cached = cache.get(key, render, policy)
  return cached instanceof Promise ? cached.then((r) => sendCached(c, r)) : sendCached(c, cached)
}
