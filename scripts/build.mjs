// npm run build — compiles the Node server and its command-line tools into dist/ (esbuild:
// one ES module per entry, shared code in dist/chunks/, packages loaded from node_modules),
// then writes the catalog snapshot of ALERTS_DIR (default alerts/) to dist/catalog-snapshot.bin.
//
// With --if-stale (npm start, npm run digest) it does only what is out of date, and says what:
// the code when a source differs from the last build (a hash of src/, templates/, tsconfig.json,
// package.json and this file), the snapshot when the records or the index-building code
// changed. Plain JavaScript, so that starting the server needs no TypeScript loader.
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const dist = join(root, 'dist')
const infoFile = join(dist, 'build-info.json')
const lock = join(dist, '.build-lock')
const ifStale = process.argv.includes('--if-stale')
const command = process.env.npm_lifecycle_event
  ? `npm ${process.env.npm_lifecycle_event === 'start' ? 'start' : `run ${process.env.npm_lifecycle_event}`}`
  : 'build'

/** Entry points, by their path in dist/ without .js. */
const ENTRIES = {
  node: 'src/node.ts',
  'cli/digest': 'src/cli/digest.ts',
  'cli/validate': 'src/cli/validate.ts',
  'cli/bundle-records': 'src/cli/bundle-records.ts',
}
const INPUT_DIRS = ['src', 'templates']
const INPUT_FILES = ['tsconfig.json', 'package.json', 'scripts/build.mjs']

const say = (line) => process.stderr.write(`${command}: ${line}\n`)

async function filesUnder(dir) {
  const entries = await readdir(join(root, dir), { withFileTypes: true, recursive: true })
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath ?? e.path, e.name)))
    .filter((file) => !file.startsWith(join('src', 'generated')))
}

/** A hash of every file the compiled code is made from, in path order. */
async function inputsHash() {
  const files = [...(await Promise.all(INPUT_DIRS.map(filesUnder))).flat(), ...INPUT_FILES].sort()
  const hash = createHash('sha256')
  for (const file of files)
    hash
      .update(`${file}\0`)
      .update(await readFile(join(root, file)))
      .update('\0')
  return hash.digest('hex')
}

async function builtFrom() {
  try {
    return JSON.parse(await readFile(infoFile, 'utf8')).inputs
  } catch {
    return null
  }
}

/** Holds dist/ for one builder at a time (servers started side by side may all find it stale). */
async function withLock(work) {
  await mkdir(dist, { recursive: true })
  const deadline = Date.now() + 120_000
  for (;;) {
    try {
      await mkdir(lock)
      break
    } catch (error) {
      if (error.code !== 'EEXIST') throw error
      if (await abandoned()) await rm(lock, { recursive: true, force: true })
      else if (Date.now() > deadline) throw new Error(`${lock} is held for more than 2 minutes`)
      else await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
  await writeFile(join(lock, 'pid'), String(process.pid))
  try {
    return await work()
  } finally {
    await rm(lock, { recursive: true, force: true })
  }
}

/** A lock whose builder is gone (killed mid-build) or that is older than a build can take. */
async function abandoned() {
  try {
    const pid = Number(await readFile(join(lock, 'pid'), 'utf8'))
    process.kill(pid, 0)
    return Date.now() - (await stat(lock)).mtimeMs > 120_000
  } catch (error) {
    // ESRCH: no such process. A lock without a pid file yet is young; a vanished one is free.
    if (error.code === 'ESRCH') return true
    if (error.code === 'ENOENT')
      return Date.now() - ((await stat(lock).catch(() => null))?.mtimeMs ?? 0) > 5_000
    return false
  }
}

async function compile(inputs, why) {
  const started = performance.now()
  say(`compiling the server into dist/ (${why})`)
  await rm(join(dist, 'chunks'), { recursive: true, force: true })
  // Loaded only to compile: an up-to-date start does not pay for it.
  const { build } = await import('esbuild')
  await build({
    absWorkingDir: root,
    entryPoints: ENTRIES,
    outdir: dist,
    bundle: true,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    format: 'esm',
    platform: 'node',
    target: 'node20.11', // package.json engines; keeps import attributes (a JSON import needs `with { type: 'json' }`)
    packages: 'external',
    sourcemap: 'linked',
    tsconfig: 'tsconfig.json',
    logLevel: 'warning',
  })
  await writeFile(infoFile, `${JSON.stringify({ inputs, built: new Date().toISOString() })}\n`)
  say(`compiled in ${Math.round(performance.now() - started)} ms`)
}

const alerts = process.env.ALERTS_DIR ?? join(root, 'alerts')
const stampFile = join(dist, 'catalog-snapshot.stamp')

/**
 * The record files as the file system describes them (names, sizes, change times) and the
 * build they were bundled by. Only a hint that the snapshot is current, which spares reading
 * every record again: the server compares the records' content with the snapshot's anyway.
 */
async function recordsStamp(inputs) {
  const names = (await readdir(alerts).catch(() => [])).filter((n) => /\.ya?ml$/i.test(n)).sort()
  const hash = createHash('sha256').update(`${alerts}\0${inputs}\0`)
  for (const name of names) {
    const { size, mtimeMs } = await stat(join(alerts, name))
    hash.update(`${name}\0${size}\0${mtimeMs}\0`)
  }
  return hash.digest('hex')
}

/** Runs the compiled bundle-records for the Node server; its output, or null if the records are invalid. */
function writeSnapshot() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(dist, 'cli/bundle-records.js'), alerts, dist], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (d) => (output += d))
    child.stderr.on('data', (d) => (output += d))
    child.once('error', reject)
    child.once('exit', (code) => resolve(code === 0 ? output.trim() : null))
  })
}

const inputs = await inputsHash()
if (!ifStale || (await builtFrom()) !== inputs) {
  await withLock(async () => {
    // Another builder may have finished while this one waited.
    const current = await builtFrom()
    if (ifStale && current === inputs) return
    await compile(
      inputs,
      !ifStale
        ? 'npm run build'
        : current
          ? 'a source changed since the last build'
          : 'no build yet',
    )
  })
}
const stamp = await recordsStamp(inputs)
const snapshotMissing = await stat(join(dist, 'catalog-snapshot.bin')).then(
  () => false,
  () => true,
)
if (
  !ifStale ||
  snapshotMissing ||
  (await readFile(stampFile, 'utf8').catch(() => null)) !== stamp
) {
  const snapshot = await writeSnapshot()
  // Invalid records: the server (or the digest) refuses to start and names every problem.
  if (snapshot === null) {
    await rm(stampFile, { force: true })
    if (!ifStale) {
      say(
        'the records are invalid; no catalog snapshot was written (npm run validate names each problem)',
      )
      process.exitCode = 1
    }
  } else {
    await writeFile(stampFile, stamp)
    if (!ifStale || !snapshot.includes('already')) say(snapshot)
  }
}
