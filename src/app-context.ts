import type { Catalog } from './core/catalog'
import type { RenderCache } from './http/cached-page'

/** What every route module receives from createApp. */
export interface RouteDeps {
  catalog: Catalog
  /** Absolute base URL without trailing slash, e.g. https://varningar.example.se */
  publicUrl: string
  cache: RenderCache
}
