import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import { stringify } from 'yaml'
import { fictionalAlert } from '../support/fixtures'

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
