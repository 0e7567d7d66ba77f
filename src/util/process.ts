// Runs a program with an argument array (never a shell) and collects its output.
// The one place where short-lived child processes are started.

import { spawn } from 'node:child_process'

export interface ProcessResult {
  exitCode: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

export interface RunOptions {
  cwd?: string
  /** The child's whole environment: nothing is inherited unless passed here. */
  env: Record<string, string | undefined>
  /** Written to stdin, which is then closed. */
  input?: string
  /** Kill the process (SIGKILL) after this long. */
  timeoutMs?: number
  /** Run as this user and group (the caller must be root). */
  uid?: number
  gid?: number
}

export function runProcess(
  command: string,
  args: string[],
  options: RunOptions,
): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env as NodeJS.ProcessEnv,
      stdio: ['pipe', 'pipe', 'pipe'],
      uid: options.uid,
      gid: options.gid,
      // Its own process group, so a timeout ends its helpers too (git-remote-https).
      detached: true,
    })
    const stdout: Buffer[] = []
    const stderr: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk))
    const killGroup = () => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL')
      } catch {
        // Gone already.
      }
    }
    const timer =
      options.timeoutMs === undefined ? undefined : setTimeout(killGroup, options.timeoutMs)
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    const finish = (exitCode: number | null, signal: NodeJS.Signals | null) => {
      clearTimeout(timer)
      resolve({
        exitCode,
        signal,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      })
    }
    // 'exit', then a short wait for the pipes: a helper that inherited them must not hold us.
    child.on('exit', (exitCode, signal) => {
      let done = false
      const settle = () => {
        if (done) return
        done = true
        finish(exitCode, signal)
      }
      child.on('close', settle)
      setTimeout(() => {
        if (done) return
        killGroup()
        settle()
      }, 2_000).unref()
    })
    // A child that exits before reading its input closes the pipe; that is its business.
    child.stdin.on('error', () => undefined)
    child.stdin.end(options.input ?? '')
  })
}
