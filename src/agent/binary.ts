// Where the agent's CLI binary runs from: a place the agent can reach while
// RUNNER_TEMP stays closed to it, and that it cannot change.

import { constants } from 'node:fs'
import { chmod, copyFile, link, mkdir, realpath } from 'node:fs/promises'
import path from 'node:path'

function isInside(file: string, dir: string): boolean {
  const relative = path.relative(dir, file)
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)
}

/**
 * The CLI, from a place the agent can reach while RUNNER_TEMP stays closed to
 * it and that it cannot change: a binary under RUNNER_TEMP is linked into the
 * run's own directory, one inside the workspace (which the agent owns while
 * it works) is copied there.
 */
export async function stageBinary(
  binary: string,
  dir: string,
  roots: { runnerTemp: string; workspace: string },
  log: (line: string) => void,
): Promise<string> {
  const real = await realpath(binary)
  const [inTemp, inWorkspace] = [roots.runnerTemp, roots.workspace].map((root) =>
    isInside(real, root),
  )
  // A link under RUNNER_TEMP to a binary elsewhere: run the binary where it is.
  if (!inTemp && !inWorkspace) return real
  await mkdir(dir, { recursive: true, mode: 0o755 })
  const staged = path.join(dir, path.basename(real))
  const linked = inWorkspace
    ? false
    : await link(real, staged).then(
        () => true,
        () => false,
      )
  if (!linked) {
    await copyFile(real, staged, constants.COPYFILE_FICLONE)
    await chmod(staged, 0o755)
  }
  log(
    `Claude Code (${binary}) is inside ${inWorkspace ? 'the workspace' : 'RUNNER_TEMP'}; the agent runs ${linked ? 'a link to it' : 'a copy of it'} at ${staged}, so RUNNER_TEMP stays closed to the agent and the binary cannot be changed by it.`,
  )
  return staged
}
