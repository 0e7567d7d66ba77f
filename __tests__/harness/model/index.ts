// The scripted model server and the helpers that drive the real Claude Code CLI against it.

export * from './script.js'
export { startModelServer } from './server.js'
export type {
  ModelServer,
  ModelServerOptions,
  RecordedModelRequest,
  RequestKind,
} from './server.js'
export { allToolResults, contentText, lastToolResults } from './tool-results.js'
export {
  DEFAULT_TEST_MODEL,
  claudeArgs,
  defaultClaudePath,
  runClaudeForTest,
} from './run-claude.js'
export type { RunClaudeOptions, RunClaudeResult } from './run-claude.js'
export { byRole, isReviewer, promptOf } from './roles.js'
