import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(join(dir, entry.name))
      : /\.tsx?$/.test(entry.name)
        ? [join(dir, entry.name)]
        : [],
  )
}

// src/core runs unchanged on Node, in workerd and in unit tests: no platform, no framework.
const FORBIDDEN = [
  /^node:/,
  /^hono/,
  /^nodemailer/,
  /^better-sqlite3/,
  /^@cloudflare\//,
  /^@hono\//,
]

const importsOf = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/^import[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]!)

describe('src/core', () => {
  it('is scanned by a pattern that does find imports', () => {
    expect(importsOf('src/core/alert-schema.ts')).toContain('zod')
    expect(importsOf('src/app.ts')).toContain('hono')
  })

  it.each(sources('src/core'))(
    '%s imports neither hono, node:*, nodemailer nor a database',
    (file) => {
      const specifiers = importsOf(file)
      for (const specifier of specifiers) {
        expect(
          FORBIDDEN.some((pattern) => pattern.test(specifier)),
          `${file} imports ${specifier}`,
        ).toBe(false)
      }
    },
  )

  it('reads no environment', () => {
    for (const file of sources('src/core'))
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/process\.env|NODE_ENV/)
  })
})
