/**
 * A value made on first call and kept: for what a route or an index derives from the
 * catalog, so that building the app (in a Worker, inside the first request) decodes nothing
 * that request does not need.
 */
export function lazy<T>(make: () => T): () => T {
  let made: { value: T } | undefined
  return () => {
    made ??= { value: make() }
    return made.value
  }
}
