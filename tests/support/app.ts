import { createApp } from '../../src/app'
import type { Catalog } from '../../src/core/catalog'
import { fictionalCatalog } from './fixtures'

export const PUBLIC_URL = 'https://varningar.example.se'

/** The app over fictional records, with errors collected instead of printed. */
export function createTestApp(catalog: Catalog = fictionalCatalog()) {
  const errors: unknown[] = []
  const app = createApp({ catalog, publicUrl: PUBLIC_URL, logError: (e) => errors.push(e) })
  return { app, errors }
}
