// A runner lost mid-run, as the end-to-end tests need it: the whole process
// tree of the action SIGKILLed at once (the action, git, the CLI, whatever the
// agent started), the way a runner's shutdown or an out-of-memory kill ends
// it — no signal handler runs, nothing reports. And a record of every ref
// update the bare repository accepts, to see checkpoints come and go.

import { spawnSync } from 'node:child_process'
import { chmod, readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'

async function processTable(): Promise<Array<{ pid: number; ppid: number; uid: number }>> {
  const rows: Array<{ pid: number; ppid: number; uid: number }> = []
  for (const name of (await readdir('/proc')).filter((entry) => /^\d+$/.test(entry))) {
    const status = await readFile(`/proc/${name}/status`, 'utf8').catch(() => '')
    const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1])
    const uid = Number(/^Uid:\s+(\d+)/m.exec(status)?.[1])
    if (Number.isInteger(ppid) && Number.isInteger(uid)) rows.push({ pid: Number(name), ppid, uid })
  }
  return rows
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig)
  } catch {
    spawnSync('sudo', ['-n', 'kill', `-${sig.replace(/^SIG/, '')}`, String(pid)], {
      stdio: 'ignore',
    })
  }
}

/**
 * SIGKILLs `root` and every process below it, and every process of the
 * agent's own user among them (its daemons have left the tree). Frozen first
 * (SIGSTOP), so nothing starts a child or cleans up in between. Then removes
 * that user, as a new machine would not have it.
 */
export async function killRunTree(root: number): Promise<{ killed: number }> {
  const table = await processTable()
  const tree = new Set([root])
  for (let grew = true; grew;) {
    grew = false
    for (const row of table) {
      if (!tree.has(row.pid) && tree.has(row.ppid)) {
        tree.add(row.pid)
        grew = true
      }
    }
  }
  const me = process.getuid?.() ?? 0
  const agentUids = new Set(
    table.filter((row) => tree.has(row.pid) && row.uid !== me && row.uid !== 0).map((r) => r.uid),
  )
  for (const row of table) if (agentUids.has(row.uid)) tree.add(row.pid)
  for (const pid of tree) signal(pid, 'SIGSTOP')
  for (const pid of tree) signal(pid, 'SIGKILL')
  const deadline = Date.now() + 10_000
  while (Date.now() < deadline) {
    const alive = (await processTable()).filter((row) => tree.has(row.pid))
    if (alive.length === 0) break
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  for (const uid of agentUids) {
    const name = spawnSync('id', ['-nu', String(uid)], { encoding: 'utf8' }).stdout.trim()
    if (/^async-pr-[0-9a-f]+$/.test(name)) {
      const sudo = me === 0 ? [] : ['sudo', '-n']
      const [command, ...args] = [...sudo, 'userdel', name]
      spawnSync(command as string, args, { stdio: 'ignore' })
    }
  }
  return { killed: tree.size }
}

export interface RefUpdate {
  ref: string
  old: string
  new: string
}

/**
 * Records every ref update the bare repository takes (a post-receive hook
 * appending to a log), deletions included; returns the reader.
 */
export async function recordRefUpdates(gitDir: string): Promise<() => Promise<RefUpdate[]>> {
  const log = path.join(gitDir, 'ref-updates.log')
  const hook = path.join(gitDir, 'hooks', 'post-receive')
  await writeFile(log, '')
  await writeFile(hook, `#!/bin/sh\ncat >> '${log}'\n`)
  await chmod(hook, 0o755)
  return async () =>
    (await readFile(log, 'utf8'))
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [old = '', next = '', ref = ''] = line.split(' ')
        return { ref, old, new: next }
      })
}

/** Polls `check` every 50 ms until it holds or `ms` pass; says whether it held. */
export async function waitFor(check: () => Promise<boolean>, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms
  while (Date.now() < deadline) {
    if (await check()) return true
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return false
}
