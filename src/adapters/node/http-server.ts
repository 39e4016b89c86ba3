import type { ServerOptions } from 'node:http'
import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'
import { clientAddress } from '../../http/client-address'
import type { NodeSettings } from '../../settings/node-settings'

type Timeouts = Pick<
  NodeSettings,
  'HEADERS_TIMEOUT_MS' | 'REQUEST_TIMEOUT_MS' | 'KEEP_ALIVE_TIMEOUT_MS'
>

/**
 * The Node HTTP server's timeouts, for the site and the preview alike: a slow or stalled
 * client holds a connection for these at most; Node checks them every
 * connectionsCheckingInterval, so that is kept well below the shortest of them.
 */
export function serverOptions(settings: Timeouts): ServerOptions {
  return {
    headersTimeout: settings.HEADERS_TIMEOUT_MS,
    requestTimeout: settings.REQUEST_TIMEOUT_MS,
    keepAliveTimeout: settings.KEEP_ALIVE_TIMEOUT_MS,
    connectionsCheckingInterval: Math.max(
      50,
      Math.min(1000, Math.floor(settings.HEADERS_TIMEOUT_MS / 4)),
    ),
  }
}

/** The client's address as the rate limits see it: the socket's, or the trusted proxy's entry. */
export function clientIpOf(settings: Pick<NodeSettings, 'TRUST_PROXY'>) {
  return (c: Context): string | null =>
    clientAddress(
      c.req.header('x-forwarded-for'),
      settings.TRUST_PROXY,
      getConnInfo(c).remote.address,
    )
}
