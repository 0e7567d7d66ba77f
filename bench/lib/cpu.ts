// CPU time of this process's finished children, from /proc/self/stat (cutime + cstime): the
// action and everything it waited for (the CLI, git, useradd...), plus the git server's
// http-backend runs, which are children of the bench. Read before and after a run.

import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

let ticksPerSecond: number | undefined

function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100
    } catch {
      ticksPerSecond = 100
    }
  }
  return ticksPerSecond
}

/** Milliseconds of CPU used by waited-for children so far, or NaN off Linux. */
export function childrenCpuMs(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8')
    // Fields after the command name (which may hold spaces) start at field 3, "state".
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const cutime = Number(fields[13])
    const cstime = Number(fields[14])
    return ((cutime + cstime) * 1000) / clockTicks()
  } catch {
    return NaN
  }
}
