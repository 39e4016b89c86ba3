import { createHash } from 'node:crypto'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { basename, join, relative } from 'node:path'
import type { Catalog } from '../../core/catalog'
import {
  openSnapshot,
  type Snapshot,
  SnapshotError,
  writeSnapshot,
} from '../../core/catalog-snapshot'
import type { RecordFile } from '../../core/records'

/** The snapshot's file name, in src/generated/ for the Worker and in dist/ for Node. */
export const SNAPSHOT_FILE = 'catalog-snapshot.bin'

/**
 * A hash of the record files as read (names and bytes, in name order): the same records
 * give the same hash wherever the folder is.
 */
export function recordsHash(files: readonly RecordFile[]): string {
  const hash = createHash('sha256')
  for (const file of [...files].sort((a, b) => (basename(a.name) < basename(b.name) ? -1 : 1))) {
    hash.update(`${basename(file.name)}\0${file.text}\0`)
  }
  return hash.digest('hex').slice(0, 32)
}

/** Writes the snapshot of `catalog` into `dir` whole or not at all; false when it was already there. */
export async function writeSnapshotFile(
  catalog: Catalog,
  files: readonly RecordFile[],
  dir: string,
): Promise<boolean> {
  const bytes = writeSnapshot(catalog, recordsHash(files))
  const path = join(dir, SNAPSHOT_FILE)
  const current = await readFile(path).catch(() => null)
  if (current?.equals(bytes)) return false
  // Several builds may run at once (tests start wrangler and servers side by side).
  await mkdir(dir, { recursive: true })
  const temporary = `${path}.${process.pid}.tmp`
  await writeFile(temporary, bytes)
  await rename(temporary, path)
  return true
}

/** Why a snapshot file was not used, for the log; or the snapshot. */
export type SnapshotFileResult = { snapshot: Snapshot } | { snapshot: null; why: string }

/**
 * The snapshot at `path` if it was made from exactly these record files by this code;
 * otherwise null and why (missing, other records, older code or format).
 */
export async function readSnapshotFile(
  path: string,
  files: readonly RecordFile[],
): Promise<SnapshotFileResult> {
  const bytes = await readFile(path).catch(() => null)
  const shown = relative(process.cwd(), path) || path
  if (!bytes) return { snapshot: null, why: `there is no ${shown}` }
  try {
    const snapshot = openSnapshot(new Uint8Array(bytes), { records: recordsHash(files) })
    return { snapshot }
  } catch (error) {
    if (!(error instanceof SnapshotError)) throw error
    return { snapshot: null, why: `${shown} is stale: ${error.message}` }
  }
}
