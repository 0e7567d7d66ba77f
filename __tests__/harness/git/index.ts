// Real git over smart HTTP on loopback: the server, repository seeding, and a simulated
// actions/checkout workspace.

export { startGitServer, repoPathInfo } from './server.js'
export type { GitRequestRecord, GitServer, GitServerOptions } from './server.js'
export { TOKEN_AS_USER } from './auth.js'
export {
  HARNESS_USER,
  SOMEONE_ELSE,
  advanceBranch,
  branchSha,
  commitFiles,
  commitInfo,
  createBareRepo,
  createBranch,
  deleteBranch,
  fileAt,
  installRejectHook,
  removeRejectHook,
  repoGitDir,
} from './seed.js'
export type {
  AdvanceBranchOptions,
  CommitInfo,
  CreateBareRepoOptions,
  CreateBranchOptions,
  Identity,
  RejectHookOptions,
  RepoFiles,
} from './seed.js'
export {
  extraHeaderConfig,
  publishPullRefs,
  simulateActionsCheckout,
  tokenEnv,
} from './checkout.js'
export type { SimulateCheckoutOptions, SimulatedCheckout } from './checkout.js'
export { git, isolatedGitEnv, tryGit } from './exec.js'
export type { GitRunOptions, GitRunResult } from './exec.js'
