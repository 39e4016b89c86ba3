/** A route as Hono lists it in `app.routes`. */
export interface RouteEntry {
  method: string
  path: string
}

function pattern(path: string): RegExp {
  const source = path
    .split('/')
    .map((part) =>
      part === '*'
        ? '.*'
        : part.startsWith(':')
          ? '[^/]+'
          : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('/')
  return new RegExp(`^${source}/?$`)
}

/**
 * Finds the methods a path answers, for `405 Method Not Allowed` with `Allow` (RFC 9110
 * §15.5.6) instead of a 404 for a known path asked with the wrong method. GET implies HEAD,
 * which Hono answers from the GET route.
 */
export function allowedMethods(routes: readonly RouteEntry[]): (path: string) => string[] {
  const byPattern = new Map<string, { regex: RegExp; methods: Set<string> }>()
  for (const route of routes) {
    if (route.method === 'ALL') continue
    let entry = byPattern.get(route.path)
    if (!entry) {
      entry = { regex: pattern(route.path), methods: new Set() }
      byPattern.set(route.path, entry)
    }
    entry.methods.add(route.method)
    if (route.method === 'GET') entry.methods.add('HEAD')
  }
  const entries = [...byPattern.values()]
  return (path) => {
    const methods = new Set<string>()
    for (const entry of entries) {
      if (entry.regex.test(path)) for (const method of entry.methods) methods.add(method)
    }
    return [...methods].sort()
  }
}
