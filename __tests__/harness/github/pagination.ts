// Page slicing and the `Link` header, in GitHub's format, so Octokit's paginate() walks the
// emulator exactly as it walks GitHub.

export interface Page<T> {
  items: T[]
  link?: string
}

export function paginate<T>(all: T[], query: Record<string, unknown>, requestUrl: URL): Page<T> {
  const perPage = Math.min(Math.max(Number(query.per_page ?? 30) || 30, 1), 100)
  const page = Math.max(Number(query.page ?? 1) || 1, 1)
  const lastPage = Math.max(Math.ceil(all.length / perPage), 1)
  const items = all.slice((page - 1) * perPage, page * perPage)
  const urlFor = (n: number) => {
    const url = new URL(requestUrl)
    url.searchParams.set('page', String(n))
    return url.toString()
  }
  const rels: string[] = []
  if (page > 1) rels.push(`<${urlFor(Math.min(page - 1, lastPage))}>; rel="prev"`)
  if (page < lastPage)
    rels.push(`<${urlFor(page + 1)}>; rel="next"`, `<${urlFor(lastPage)}>; rel="last"`)
  if (page > 1) rels.push(`<${urlFor(1)}>; rel="first"`)
  return { items, link: rels.length ? rels.join(', ') : undefined }
}
