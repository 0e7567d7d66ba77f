// Settings as the action reads them, from a test's own environment: the inputs
// from `env`, and the run's context from a fresh reading of the same variables by
// @actions/github's Context class (the real one), with process.env set to `env`
// for that moment only.

import { mkdtempSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { context } from '@actions/github'
import type { RunContext } from '../../src/github/run-context.js'
import { readSettings, type Settings } from '../../src/settings.js'

type Env = Record<string, string | undefined>

let emptyEvent: string | undefined

/** A fresh reading of process.env by the toolkit's own Context class (its `context` was read at import). */
function readRunContext(): RunContext {
  const Context = context.constructor as new () => typeof context
  return new Context()
}

/** An event file holding `{}`, for tests that name a path only to have one. */
function anEventFile(): string {
  if (!emptyEvent) {
    emptyEvent = path.join(mkdtempSync(path.join(tmpdir(), 'async-pr-event-')), 'event.json')
    writeFileSync(emptyEvent, '{}')
  }
  return emptyEvent
}

/** `readSettings` with the context the toolkit reads from `env`; a named event file that does not exist becomes `{}` unless `keepEventPath`. */
export function settingsFor(env: Env, options: { keepEventPath?: boolean } = {}): Settings {
  const given = { ...env }
  if (!options.keepEventPath && given.GITHUB_EVENT_PATH && !existsSync(given.GITHUB_EVENT_PATH)) {
    given.GITHUB_EVENT_PATH = anEventFile()
  }
  const saved = process.env
  process.env = { ...given } as NodeJS.ProcessEnv
  try {
    return readSettings(given, readRunContext())
  } finally {
    process.env = saved
  }
}
