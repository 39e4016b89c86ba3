import { readdir, readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import type { RecordFile } from '../../core/records'

/** Reads every *.yaml / *.yml file of the alerts folder, named relative to the working directory. */
export async function readRecordFiles(dir: string): Promise<RecordFile[]> {
  const names = (await readdir(dir)).filter((n) => /\.ya?ml$/i.test(n)).sort()
  return Promise.all(
    names.map(async (name) => {
      const path = join(dir, name)
      return { name: relative(process.cwd(), path) || path, text: await readFile(path, 'utf8') }
    }),
  )
}
