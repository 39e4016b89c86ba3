import { execFile } from 'node:child_process'
import { cp, mkdir, symlink } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

/**
 * A copy of the project's files as a clone of this tree would have them (tracked files and
 * new ones git does not ignore, uncommitted edits included) in `into`, with node_modules
 * linked: for builds that write into the tree (the Worker's src/generated/, the Node
 * server's dist/) without touching the tree other tests use.
 */
export async function copyProject(into: string): Promise<string> {
  const root = resolve('.')
  const { stdout } = await run(
    'git',
    ['ls-files', '--cached', '--others', '--exclude-standard', '-z'],
    {
      cwd: root,
      maxBuffer: 16 * 1024 * 1024,
    },
  )
  const files = stdout.split('\0').filter(Boolean)
  await mkdir(into, { recursive: true })
  await Promise.all(
    files.map(async (file) => {
      await mkdir(dirname(join(into, file)), { recursive: true })
      await cp(join(root, file), join(into, file)).catch((error: NodeJS.ErrnoException) => {
        // A tracked file deleted in the working tree is not part of the copy.
        if (error.code !== 'ENOENT') throw error
      })
    }),
  )
  await symlink(join(root, 'node_modules'), join(into, 'node_modules'), 'dir')
  return into
}
