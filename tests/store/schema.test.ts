import { readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { MIGRATIONS_DIR } from '../../src/adapters/node/sqlite-database'
import { SCHEMA_MIGRATIONS } from '../../src/store/schema-store'

describe('the schema version the code expects', () => {
  it('is every file in migrations/, in order', () => {
    const files = readdirSync(MIGRATIONS_DIR)
      .filter((f) => f.endsWith('.sql'))
      .sort()
      .map((f) => f.replace(/\.sql$/, ''))
    expect(SCHEMA_MIGRATIONS).toEqual(files)
  })
})
