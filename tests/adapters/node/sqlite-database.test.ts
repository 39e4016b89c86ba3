import { execFileSync, spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { MIGRATIONS_DIR, openSqlite } from '../../../src/adapters/node/sqlite-database'

// Two at once: the server and `npm run digest` (or two digest runs) starting together on a
// database with a migration to apply, e.g. right after an upgrade. Seen in review with three
// processes started at one instant on an empty DATA_DIR: 3 rounds in 10 had one fail with
// "table subscribers already exists" or "duplicate column name: email_key".
const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

describe('openSqlite while another process applies the same migrations', () => {
  it('opens the database instead of failing on "table already exists"', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'migrate-race-'))
    dirs.push(dir)
    const file = join(dir, 'bedragerivarningar.sqlite')
    // The first process's migrations folder holds the same 0001 as a named pipe: reading it
    // blocks, which stretches the instant between "which migrations are applied?" and applying
    // them, so the race happens every time instead of 3 times in 10.
    const slowDir = join(dir, 'slow')
    mkdirSync(slowDir)
    execFileSync('mkfifo', [join(slowDir, '0001_subscriptions.sql')])
    const first = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        `import { openSqlite } from ${JSON.stringify(join(process.cwd(), 'src/adapters/node/sqlite-database.ts'))}
         try { openSqlite(process.argv[1], process.argv[2]).close(); console.log('opened') }
         catch (error) { console.log('failed: ' + error.message) }`,
        file,
        slowDir,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    )
    let output = ''
    first.stdout.on('data', (d) => {
      output += d
    })
    const exited = new Promise((r) => first.once('exit', r))
    // Wait until the first process has read d1_migrations (and found nothing applied).
    const deadline = Date.now() + 20_000
    for (;;) {
      const probe = await import('better-sqlite3').then(({ default: Database }) => {
        try {
          const db = new Database(file, { readonly: true, fileMustExist: true })
          const ok = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'd1_migrations'").get()
          db.close()
          return Boolean(ok)
        } catch {
          return false
        }
      })
      if (probe) break
      if (Date.now() > deadline) throw new Error('the first process never started')
      await new Promise((r) => setTimeout(r, 50))
    }
    await new Promise((r) => setTimeout(r, 200))

    // The second process (here: this one) opens the database meanwhile, as usual.
    openSqlite(file).close()
    // The first one reads its migration now and goes on.
    writeFileSync(
      join(slowDir, '0001_subscriptions.sql'),
      readFileSync(join(MIGRATIONS_DIR, '0001_subscriptions.sql')),
    )
    await exited
    expect(output.trim()).toBe('opened')
  }, 60_000)
})
