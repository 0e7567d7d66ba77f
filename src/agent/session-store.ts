// A Claude Code session kept between jobs, so that the next one resumes the
// same conversation (`--resume`): the transcript file the CLI writes under its
// config directory (`projects/<escaped cwd>/<session id>.jsonl`), and a little
// about it. It is stored as a git commit under the PR's `session` ref (see
// git/checkpoint.ts), read back with the PAT like the checkpoint. Anyone who
// can read the repository can read it: it holds what the agent read and
// wrote, with the run's own secrets and secret-shaped tokens redacted.

import { mkdir, realpath, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { readEntry, type Write } from '../git/snapshot.js'
import { blobSha } from '../git/snapshot.js'

/** The most of a transcript kept; a longer one is not stored (the next job starts from a handover). */
export const SESSION_LIMIT_BYTES = 20 * 1024 * 1024

export interface SessionMeta {
  v: 1
  sessionId: string
  /** The run that saved it. */
  runUrl: string
  savedAt: string
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** Where the CLI keeps a session's transcript for a working directory. */
export function transcriptPath(configDir: string, cwd: string, sessionId: string): string {
  return path.join(configDir, 'projects', cwd.replace(/[^A-Za-z0-9]/g, '-'), `${sessionId}.jsonl`)
}

function file(name: string, content: Buffer): Write {
  return { path: name, mode: '100644', content, sha: blobSha(content) }
}

/**
 * The session as files for a commit: `session.json` and the transcript,
 * redacted. Undefined when there is none to keep (no transcript, too large).
 * `read` reads the agent's file (as the agent's user when it has one).
 */
export async function sessionFiles(options: {
  configDir: string
  cwd: string
  sessionId: string
  runUrl: string
  read: (file: string, maxBytes: number) => Promise<Buffer | undefined>
  redact: (text: string) => string
}): Promise<Write[] | undefined> {
  if (!UUID.test(options.sessionId)) return undefined
  const content = await options.read(
    transcriptPath(options.configDir, options.cwd, options.sessionId),
    SESSION_LIMIT_BYTES,
  )
  if (!content) return undefined
  const meta: SessionMeta = {
    v: 1,
    sessionId: options.sessionId,
    runUrl: options.runUrl,
    savedAt: new Date().toISOString(),
  }
  const transcript = Buffer.from(options.redact(content.toString('utf8')), 'utf8')
  return [
    file('session.json', Buffer.from(`${JSON.stringify(meta, null, 2)}\n`)),
    file('transcript.jsonl', transcript),
  ]
}

/**
 * Reads an agent's file as data, the way the snapshot reads its tree (no link
 * followed, no FIFO opened): for an agent without a user of its own.
 */
export async function readAgentFile(file: string, maxBytes: number): Promise<Buffer | undefined> {
  const root = path.dirname(file)
  const real = await realpath(root).catch(() => undefined)
  if (!real) return undefined
  const entry = await readEntry(root, real, path.basename(file), maxBytes)
  return entry.kind === 'file' ? entry.content : undefined
}

/** A stored session's meta, checked: its id becomes a path and an argument. */
export function readSessionMeta(text: string | undefined): SessionMeta | undefined {
  if (!text) return undefined
  try {
    const meta = JSON.parse(text) as Partial<SessionMeta>
    if (meta.v !== 1 || typeof meta.sessionId !== 'string' || !UUID.test(meta.sessionId))
      return undefined
    if (typeof meta.runUrl !== 'string' || typeof meta.savedAt !== 'string') return undefined
    return meta as SessionMeta
  } catch {
    return undefined
  }
}

/** Puts a stored transcript where the CLI will find it for `cwd`, before the agent's user gets the directory. */
export async function restoreTranscript(
  configDir: string,
  cwd: string,
  meta: SessionMeta,
  transcript: Buffer,
): Promise<void> {
  const where = transcriptPath(configDir, cwd, meta.sessionId)
  await mkdir(path.dirname(where), { recursive: true })
  await writeFile(where, transcript, { mode: 0o600 })
}
