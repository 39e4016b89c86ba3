import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

let root: string | undefined

/**
 * The project's folder (the one holding package.json, migrations/ and alerts/), found by
 * walking up from this module, so the same answer comes from src/ run through tsx and from
 * the compiled server in dist/, whatever the working directory.
 */
export function projectRoot(): string {
  if (root) return root
  let dir = dirname(fileURLToPath(import.meta.url))
  while (!(existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'migrations')))) {
    const parent = dirname(dir)
    if (parent === dir)
      throw new Error(`no project folder (package.json, migrations/) above ${import.meta.url}`)
    dir = parent
  }
  root = dir
  return dir
}

/** A path inside the project folder. */
export function projectPath(...parts: string[]): string {
  return join(projectRoot(), ...parts)
}
