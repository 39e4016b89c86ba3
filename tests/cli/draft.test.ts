import { execFile } from 'node:child_process'
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import { parse, stringify } from 'yaml'
import { PROVBUTIKEN_WARNING, SHOP_OPENING, TWO_COMPANIES } from '../support/fictional-articles'
import { secondFictionalAlert } from '../support/fixtures'

const run = promisify(execFile)
const tsx = join(process.cwd(), 'node_modules/.bin/tsx')
const SEED = '/work/shared/seeds/000_440e9332798f33ed.txt'
const dirs: string[] = []

afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })))
})

async function tempDir() {
  const dir = await mkdtemp(join(tmpdir(), 'draft-'))
  dirs.push(dir)
  return dir
}

/** An alerts folder holding a copy of the shipped records. */
async function alertsCopy() {
  const dir = join(await tempDir(), 'alerts')
  await cp('alerts', dir, { recursive: true })
  return dir
}

async function articleFile(text: string) {
  const file = join(await tempDir(), 'article.txt')
  await writeFile(file, text)
  return file
}

async function draft(args: string[], alertsDir: string) {
  try {
    const { stdout, stderr } = await run(tsx, ['src/cli/draft.ts', ...args], {
      env: { ...process.env, ALERTS_DIR: alertsDir },
    })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

const draftsIn = async (alertsDir: string) =>
  (await readdir(join(alertsDir, 'drafts')).catch(() => [])).sort()

describe('npm run draft', () => {
  it('writes exactly one draft for the seed file (jem & fix), its contacts those of the hand-made record', async () => {
    const alerts = await alertsCopy()
    const { code, stdout } = await draft([SEED], alerts)
    expect(code).toBe(0)
    expect(await draftsIn(alerts)).toEqual(['jem-fix-2026-02-28.yaml'])
    const written = parse(await readFile(join(alerts, 'drafts', 'jem-fix-2026-02-28.yaml'), 'utf8'))
    const handMade = parse(await readFile('alerts/jem-fix-2026-02-28.yaml', 'utf8'))
    expect(written.draft).toBe(true)
    expect(written.official).toEqual({ websites: [], ...handMade.official })
    const lines = stdout.trim().split('\n')
    expect(lines[0]).toMatch(/^Reading .*000_440e9332798f33ed\.txt: 3 articles$/)
    expect(lines[1]).toMatch(
      /^\[1\/3\] "Ska skjuta för att döda – Rysk och belarusisk militär på plats" \(2022-01-07\): no draft: not a scam warning: /,
    )
    expect(lines[2]).toMatch(
      /^\[2\/3\] "Många får samma sms just nu – radera direkt" \(2026-02-28\): wrote .*drafts\/jem-fix-2026-02-28\.yaml \(jem & fix: 1 e-mail domain, 1 number, 2 accounts; 14 tips; nothing to review\)$/,
    )
    expect(lines[3]).toMatch(
      /^ {6}a published record already covers this article: .*alerts\/jem-fix-2026-02-28\.yaml; compare them before publishing$/,
    )
    expect(lines[4]).toMatch(
      /^\[3\/3\] "Ukraina bekräftar – Putin säger ja" \(2026-03-01\): no draft: not a scam warning: /,
    )
    expect(stdout).toMatch(/1 draft written, 2 articles without one\./)
  })

  it('overwrites the same draft when run again, and says nothing changed', async () => {
    const alerts = await alertsCopy()
    await draft([SEED], alerts)
    const first = await readFile(join(alerts, 'drafts', 'jem-fix-2026-02-28.yaml'), 'utf8')
    const again = await draft([SEED], alerts)
    expect(again.code).toBe(0)
    expect(await draftsIn(alerts)).toEqual(['jem-fix-2026-02-28.yaml'])
    expect(await readFile(join(alerts, 'drafts', 'jem-fix-2026-02-28.yaml'), 'utf8')).toBe(first)
    expect(again.stdout).toMatch(/unchanged .*drafts\/jem-fix-2026-02-28\.yaml/)
  })

  it('keeps an editor’s changes in a .bak file when it overwrites them', async () => {
    const alerts = await alertsCopy()
    await draft([SEED], alerts)
    const file = join(alerts, 'drafts', 'jem-fix-2026-02-28.yaml')
    const edited = (await readFile(file, 'utf8')).replace('Redaktionen', 'Nyhetsbyrån (redigerat)')
    await writeFile(file, edited)
    const again = await draft([SEED], alerts)
    expect(again.stdout).toMatch(
      /replaced .*drafts\/jem-fix-2026-02-28\.yaml; the edited version is in .*jem-fix-2026-02-28\.yaml\.bak/,
    )
    expect(await readFile(`${file}.bak`, 'utf8')).toBe(edited)
    expect(await readFile(file, 'utf8')).not.toContain('redigerat')
    expect(await draftsIn(alerts)).toEqual([
      'jem-fix-2026-02-28.yaml',
      'jem-fix-2026-02-28.yaml.bak',
    ])
  })

  it('writes a draft per company of a two-company article and none for an article that is no warning', async () => {
    const alerts = await alertsCopy()
    const file = await articleFile(`${TWO_COMPANIES}\n\n${SHOP_OPENING}`)
    const { code, stdout } = await draft([file], alerts)
    expect(code).toBe(0)
    expect(await draftsIn(alerts)).toEqual([
      'exempelbolaget-2026-05-20.yaml',
      'lagerladan-2026-05-20.yaml',
    ])
    expect(stdout).toMatch(
      /\[2\/2\] "Exempelbolaget öppnar ny butik i Göteborg" \(2026-04-12\): no draft: not a scam warning/,
    )
    expect(stdout).toMatch(/2 items to review/)
  })

  it('prints each draft instead of writing it with --dry-run', async () => {
    const alerts = await alertsCopy()
    const { code, stdout } = await draft(
      ['--dry-run', await articleFile(PROVBUTIKEN_WARNING)],
      alerts,
    )
    expect(code).toBe(0)
    expect(await draftsIn(alerts)).toEqual([])
    expect(stdout).toMatch(/would write .*drafts\/provbutiken-2026-04-10\.yaml/)
    expect(stdout).toContain('id: provbutiken-2026-04-10\ndraft: true\n')
  })

  it('exits 1 and names the conflict when a draft would break the catalog', async () => {
    const alerts = await alertsCopy()
    // FICTION: the catalog already has Provbutiken, with other official contacts.
    await writeFile(
      join(alerts, 'provbutiken-2026-01-01.yaml'),
      stringify(secondFictionalAlert({ id: 'provbutiken-2026-01-01' })),
    )
    const { code, stdout, stderr } = await draft([await articleFile(PROVBUTIKEN_WARNING)], alerts)
    expect(code).toBe(1)
    expect(await draftsIn(alerts)).toEqual(['provbutiken-2026-04-10.yaml'])
    expect(stdout).toMatch(/wrote .*drafts\/provbutiken-2026-04-10\.yaml/)
    expect(stderr).toMatch(
      /drafts\/provbutiken-2026-04-10\.yaml: official: differs from the official contacts of provbutiken/,
    )
  })

  it.each([
    [['/no/such/file.txt'], /^cannot read \/no\/such\/file\.txt: /],
    [[], /^usage: npm run draft -- <article file> \[--dry-run\]/],
  ])('exits 1 with one line for %j', async (args, message) => {
    const { code, stderr } = await draft(args, await alertsCopy())
    expect(code).toBe(1)
    expect(stderr.trim().split('\n')).toHaveLength(1)
    expect(stderr).toMatch(message)
  })

  it('says so when a file holds no article', async () => {
    const { code, stderr } = await draft([await articleFile('\n\n')], await alertsCopy())
    expect(code).toBe(1)
    expect(stderr).toMatch(/holds no text/)
  })

  it('runs as npm run draft', async () => {
    const alerts = await alertsCopy()
    const { stdout } = await run('npm', ['run', '--silent', 'draft', '--', SEED], {
      env: { ...process.env, ALERTS_DIR: alerts },
    })
    expect(stdout).toMatch(/1 draft written/)
    expect(await draftsIn(alerts)).toEqual(['jem-fix-2026-02-28.yaml'])
  })
})
