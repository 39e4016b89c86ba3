import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  readDraftFiles,
  readRecordFiles,
  readRecordSet,
} from '../../../src/adapters/node/record-files'

const dirs: string[] = []
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })))
})

async function alertsFolder(files: string[], drafts: string[] | null) {
  const dir = await mkdtemp(join(tmpdir(), 'records-'))
  dirs.push(dir)
  for (const name of files) await writeFile(join(dir, name), `# ${name}\n`)
  if (drafts) {
    await mkdir(join(dir, 'drafts'))
    for (const name of drafts) await writeFile(join(dir, 'drafts', name), `# ${name}\n`)
  }
  return dir
}

const names = (files: readonly { name: string }[]) =>
  files.map((f) => f.name.split('/').slice(-2).join('/'))

describe('record files', () => {
  it('reads the alerts folder without its drafts (what npm start and the Worker build read)', async () => {
    const dir = await alertsFolder(['b.yaml', 'a.yml', 'notes.txt'], ['c.yaml'])
    expect(names(await readRecordFiles(dir))).toEqual([
      expect.stringMatching(/a\.yml$/),
      expect.stringMatching(/b\.yaml$/),
    ])
  })

  it('reads the drafts folder apart, leaving out the .bak copies the draft tool keeps', async () => {
    const dir = await alertsFolder(['a.yaml'], ['c.yaml', 'c.yaml.bak', 'c.yaml.123.tmp'])
    expect(names(await readDraftFiles(dir))).toEqual(['drafts/c.yaml'])
    const set = await readRecordSet(dir)
    expect([names(set.published).length, names(set.drafts)]).toEqual([1, ['drafts/c.yaml']])
  })

  it('reads no drafts when there is no drafts folder', async () => {
    expect(await readDraftFiles(await alertsFolder(['a.yaml'], null))).toEqual([])
  })
})
