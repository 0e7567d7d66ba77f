// The files of a pull request with their patches (`GET /pulls/{n}/files`), computed from the
// real bare repository as GitHub does: the three-dot diff of base and head. Review tools read
// which lines they may comment on from these patches.

import { notFound } from '../errors.js'
import { pullDiff, type FileDiff } from '../diff.js'
import { paginate } from '../pagination.js'
import { currentShas } from '../pull-shas.js'
import { num, ok, visibleRepo, type Handler } from './context.js'

function patchOf(file: FileDiff): string | undefined {
  if (file.binary) return undefined
  return file.hunks.flatMap((hunk) => hunk.lines.map((line) => line.text)).join('\n')
}

export const pullFileHandlers: Record<string, Handler> = {
  'pulls/list-files': async (ctx) => {
    const repo = visibleRepo(ctx)
    const pr = ctx.state.pull(repo.owner, repo.name, num(ctx, 'pull_number'))
    if (!pr) throw notFound()
    if (!repo.gitDir)
      throw new Error(`emulator: pulls/list-files on ${repo.full_name} needs a gitDir`)
    const shas = await currentShas(ctx.state, pr)
    const files = await pullDiff(repo.gitDir, shas.base, shas.head)
    const page = paginate(files, ctx.query, ctx.url)
    const base = `${ctx.links.web}/${repo.full_name}`
    return ok(
      page.items.map((file) => {
        const additions = file.hunks.flatMap((h) => h.lines).filter((l) => l.kind === 'add').length
        const deletions = file.hunks.flatMap((h) => h.lines).filter((l) => l.kind === 'del').length
        const patch = patchOf(file)
        return {
          sha: '0'.repeat(40),
          filename: file.path,
          status: file.status,
          additions,
          deletions,
          changes: additions + deletions,
          blob_url: `${base}/blob/${shas.head}/${file.path}`,
          raw_url: `${base}/raw/${shas.head}/${file.path}`,
          contents_url: `${ctx.links.api}/repos/${repo.full_name}/contents/${file.path}?ref=${shas.head}`,
          ...(patch === undefined ? {} : { patch }),
          ...(file.oldPath && file.status === 'renamed' ? { previous_filename: file.oldPath } : {}),
        }
      }),
      page.link ? { link: page.link } : undefined,
    )
  },
}
