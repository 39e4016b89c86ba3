import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import { stringify } from 'yaml'
import { openSnapshot } from '../../src/core/catalog-snapshot'
import { fictionalAlert } from '../support/fixtures'

const run = promisify(execFile)
const tsx = join(process.cwd(), 'node_modules/.bin/tsx')
const dirs: string[] = []

afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })))
})

describe('npm run bundle:records', () => {
  it('never bundles a draft into the Worker, whether in drafts/ or marked in the alerts folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bundle-'))
    dirs.push(dir)
    // FICTION: made-up companies on reserved domains.
    await writeFile(join(dir, 'published.yaml'), stringify(fictionalAlert()))
    const marked = fictionalAlert({ id: 'exempelbolaget-2026-05-01', draft: true })
    await writeFile(join(dir, 'marked.yaml'), stringify(marked))
    await mkdir(join(dir, 'drafts'))
    const filed = fictionalAlert({ id: 'exempelbolaget-2026-05-02', draft: true })
    await writeFile(join(dir, 'drafts', 'filed.yaml'), stringify(filed))
    const out = join(dir, 'out')
    const { stdout } = await run(tsx, ['src/cli/bundle-records.ts', dir, out])
    const bytes = new Uint8Array(await readFile(join(out, 'catalog-snapshot.bin')))
    const { catalog } = openSnapshot(bytes)
    expect(catalog.alerts.map((alert) => alert.id)).toEqual(['exempelbolaget-2026-03-01'])
    expect(catalog.alerts[0]).not.toHaveProperty('draft')
    const text = new TextDecoder().decode(bytes)
    expect(text).toContain('exempelbolaget-2026-03-01')
    expect(text).not.toContain('exempelbolaget-2026-05-01')
    expect(text).not.toContain('exempelbolaget-2026-05-02')
    expect(stdout).toMatch(/1 record\(s\) from .* bundled into .*; 1 draft\(s\) left out/)
  })

  it('writes the Worker snapshot and its module into a tree without src/generated/ (a fresh clone)', async () => {
    const project = await mkdtemp(join(tmpdir(), 'bundle-clone-'))
    dirs.push(project)
    const alerts = join(project, 'alerts')
    await mkdir(alerts)
    // FICTION: a made-up company on reserved domains.
    await writeFile(join(alerts, 'published.yaml'), stringify(fictionalAlert()))
    const script = join(process.cwd(), 'src/cli/bundle-records.ts')
    const { stdout } = await run(tsx, [script, alerts], { cwd: project })
    const generated = join(project, 'src/generated')
    const { catalog } = openSnapshot(
      new Uint8Array(await readFile(join(generated, 'catalog-snapshot.bin'))),
    )
    expect(catalog.alerts.map((alert) => alert.id)).toEqual(['exempelbolaget-2026-03-01'])
    expect(await readFile(join(generated, 'catalog-snapshot.ts'), 'utf8')).toContain(
      "import bytes from './catalog-snapshot.bin'",
    )
    expect(stdout).toMatch(/1 record\(s\) from .* bundled into/)
  })
})
