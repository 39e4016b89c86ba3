import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import { stringify } from 'yaml'
import { fictionalAlert, fictionalDraft } from '../support/fixtures'

const run = promisify(execFile)
const tsx = join(process.cwd(), 'node_modules/.bin/tsx')
const dirs: string[] = []

async function folderWith(files: Record<string, string>) {
  const dir = await mkdtemp(join(tmpdir(), 'alerts-'))
  dirs.push(dir)
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text)
  return dir
}

async function validate(dir: string) {
  try {
    const { stdout, stderr } = await run(tsx, ['src/cli/validate.ts', dir])
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })))
})

describe('npm run validate', () => {
  it('passes the records shipped in alerts/', async () => {
    const result = await validate('alerts')
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/1 record\(s\) in alerts are valid/)
  })

  it('exits 1 naming the file, the field and the problem', async () => {
    const dir = await folderWith({
      'good.yaml': stringify(fictionalAlert()),
      'bad.yml': stringify(fictionalAlert({ id: 'another-id', published: '2026-13-01' })),
    })
    const result = await validate(dir)
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/bad\.yml: published: must be a date written YYYY-MM-DD/)
    expect(result.stderr).toMatch(/1 problem\(s\)/)
  })

  it('exits 1 on a YAML syntax error', async () => {
    const dir = await folderWith({ 'broken.yaml': 'id: x\n  title: : :\n' })
    const result = await validate(dir)
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/broken\.yaml: YAML syntax error at line \d+/)
  })

  it('exits 1 on a control character and on a website with a user name, naming file and field', async () => {
    const record = fictionalAlert()
    ;(record.official as { websites: string[] }).websites = [
      'https://exempelbolaget.example.se@other.example/',
    ]
    const text = stringify(record).replace(/^title: .*$/m, 'title: "Exempel\\u0000bolaget"')
    const result = await validate(await folderWith({ 'sneaky.yaml': text }))
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/sneaky\.yaml: title: contains a control character \(U\+0000\)/)
    expect(result.stderr).toMatch(
      /sneaky\.yaml: official\.websites\[0\]: must not contain a user name or password/,
    )
  })
})

/** The fixtures' draft (fiction), with one item left to review. */
function odlaDraft(overrides: Record<string, unknown> = {}) {
  return fictionalDraft({
    review: [
      { field: 'official.websites', value: 'odla.example.se', reason: 'skriven utan https' },
    ],
    ...overrides,
  })
}

async function folderWithDrafts(files: Record<string, string>, drafts: Record<string, string>) {
  const dir = await folderWith(files)
  await mkdir(join(dir, 'drafts'))
  for (const [name, text] of Object.entries(drafts))
    await writeFile(join(dir, 'drafts', name), text)
  return dir
}

describe('npm run validate with drafts', () => {
  it('checks drafts too and says which records are drafts and what is left to review', async () => {
    const dir = await folderWithDrafts(
      { 'exempelbolaget.yaml': stringify(fictionalAlert()) },
      { 'odla-2026-05-02.yaml': stringify(odlaDraft()) },
    )
    const result = await validate(dir)
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(
      /drafts\/odla-2026-05-02\.yaml: draft, not published; 1 item to review: official\.websites/,
    )
    expect(result.stdout).toMatch(
      /2 record\(s\) in .* are valid: 1 alert\(s\), 1 company published; 1 draft/,
    )
  })

  it('exits 1 on an invalid draft, naming its file and field', async () => {
    const dir = await folderWithDrafts(
      { 'exempelbolaget.yaml': stringify(fictionalAlert()) },
      { 'odla.yaml': stringify(odlaDraft({ published: '2026-02-30' })) },
    )
    const result = await validate(dir)
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(
      /drafts\/odla\.yaml: published: must be a date written YYYY-MM-DD/,
    )
  })

  it('exits 1 on a draft that would break a rule between records once published', async () => {
    const clash = odlaDraft({ official: { emailDomains: ['exempelbolaget.example.se'] } })
    const dir = await folderWithDrafts(
      { 'exempelbolaget.yaml': stringify(fictionalAlert()) },
      { 'odla.yaml': stringify(clash) },
    )
    const result = await validate(dir)
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(
      /drafts\/odla\.yaml: official: domain exempelbolaget\.example\.se is also an official contact of exempelbolaget/,
    )
  })

  it('exits 1 on a file in drafts/ without draft: true, which would otherwise slip out', async () => {
    const dir = await folderWithDrafts(
      {},
      { 'odla.yaml': stringify(odlaDraft({ draft: undefined, review: undefined })) },
    )
    const result = await validate(dir)
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/drafts\/odla\.yaml: draft: .*draft: true/)
  })

  it('exits 1 on a published record with items left to review', async () => {
    const dir = await folderWith({ 'odla.yaml': stringify(odlaDraft({ draft: undefined })) })
    const result = await validate(dir)
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/odla\.yaml: review: 1 item left to review/)
  })

  it('prints catalog warnings with file and field, and still passes', async () => {
    const later = fictionalAlert({
      tips: [],
      source: { title: 'Fiktiv källa', publisher: 'Testredaktionen', date: '2099-01-01' },
    })
    const twin = odlaDraft({
      company: { slug: 'exempel-bolaget', name: 'Exempel Bolaget', aliases: [] },
      official: {
        emailDomains: ['exempelbolagett.example.se'],
        phones: [{ number: '+46846500401', display: '08-465 004 01' }],
      },
    })
    const dir = await folderWithDrafts(
      { 'exempelbolaget.yaml': stringify(later) },
      { 'twin.yaml': stringify(twin) },
    )
    const result = await validate(dir)
    expect(result.code).toBe(0)
    const warnings = result.stdout.split('\n').filter((line) => line.startsWith('warning: '))
    expect(warnings).toEqual([
      expect.stringMatching(/exempelbolaget\.yaml: source\.date: 2099-01-01 is after today/),
      expect.stringMatching(/exempelbolaget\.yaml: tips: no tips/),
      expect.stringMatching(
        /drafts\/twin\.yaml: company\.slug: "Exempel Bolaget" \(exempel-bolaget\) and "Exempelbolaget"/,
      ),
      expect.stringMatching(
        /drafts\/twin\.yaml: official\.emailDomains\[0\]: "exempelbolagett\.example\.se" looks like a contact of Exempelbolaget/,
      ),
      expect.stringMatching(
        /drafts\/twin\.yaml: official\.phones\[0\]: "08-465 004 01" is 1 digit from Exempelbolaget's 08-465 004 00/,
      ),
    ])
    expect(result.stdout).toMatch(/5 warning\(s\)/)
  })
})
