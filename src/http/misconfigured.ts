import { SECURITY_HEADERS } from './security-headers'

/**
 * The answer to every request when the settings leave no site to serve (the Worker without a
 * usable PUBLIC_URL): 503 with the CSP, never a 500; /healthz names the problem.
 */
export function misconfigured(request: Request, problem: string): Response {
  const headers = { ...SECURITY_HEADERS, 'Cache-Control': 'no-store', 'Retry-After': '300' }
  if (new URL(request.url).pathname === '/healthz') {
    return Response.json(
      { status: 'unavailable', checks: { settings: { status: 'unavailable', problem } } },
      { status: 503, headers },
    )
  }
  return new Response('Webbplatsen är inte färdigkonfigurerad. Försök igen senare.', {
    status: 503,
    headers: { ...headers, 'Content-Type': 'text/plain; charset=UTF-8' },
  })
}
