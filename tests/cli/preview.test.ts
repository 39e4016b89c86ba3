import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import { stringify } from 'yaml'
import { fictionalAlert } from '../support/fixtures'

const run = promisify(execFile)
const tsx = join(process.cwd(), 'node_modules/.bin/tsx')
const dirs: string[] = []

afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })))
})

async function preview(env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(tsx, ['src/cli/preview.ts'], {
      env: { ...process.env, HOST: '127.0.0.1', ...env },
      timeout: 20_000,
    })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

describe('npm run preview (the command)', () => {
  it('refuses to start on an invalid draft, naming its file and field', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'preview-'))
    dirs.push(dir)
    await writeFile(join(dir, 'exempelbolaget.yaml'), stringify(fictionalAlert()))
    await mkdir(join(dir, 'drafts'))
    // FICTION: a made-up draft with an impossible date.
    const draft = fictionalAlert({
      id: 'exempelbolaget-2026-05-01',
      draft: true,
      published: '2026-02-30',
    })
    await writeFile(join(dir, 'drafts', 'bad.yaml'), stringify(draft))
    const { code, stderr } = await preview({ ALERTS_DIR: dir, PORT: '0' })
    expect(code).toBe(1)
    expect(stderr).toMatch(/drafts\/bad\.yaml: published: must be a date written YYYY-MM-DD/)
    expect(stderr).toMatch(/Refusing to start the preview: 1 problem/)
  })

  it('says in one line that the port is taken, as when npm start already runs there', async () => {
    const blocker = createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    const { port } = blocker.address() as { port: number }
    try {
      const { code, stderr } = await preview({ PORT: String(port) })
      expect(code).toBe(1)
      expect(stderr.trim()).toBe(
        `Port ${port} on 127.0.0.1 is in use (is npm start running?); start the preview with another PORT.`,
      )
    } finally {
      blocker.close()
    }
  })
})
