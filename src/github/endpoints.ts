// Where GitHub is: the REST API, the server (git and links), and GraphQL.
// The inputs `api_url` and `server_url` win over the runner's GITHUB_API_URL
// and GITHUB_SERVER_URL: a workflow cannot overwrite those (GitHub ignores a
// step's `env:` for GITHUB_*), so an input is the only way to point the
// action at a proxy or at a test server. Pure.

export interface GitHubEndpoints {
  apiUrl: string
  serverUrl: string
  graphqlUrl: string
}

/** Thrown for a value that is not an http(s) URL; the message names where it came from. */
export class EndpointError extends Error {
  override name = 'EndpointError'
}

function endpoint(value: string, source: string, example: string): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new EndpointError(`${source} must be an http(s) URL such as ${example}, got "${value}".`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new EndpointError(`${source} must be an http(s) URL such as ${example}, got "${value}".`)
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new EndpointError(
      `${source} must be a plain URL without credentials, query or fragment, such as ${example}.`,
    )
  }
  return value.replace(/\/+$/, '')
}

/**
 * GraphQL lives beside REST: `https://api.github.com/graphql` on github.com and
 * `https://HOST/api/graphql` on GitHub Enterprise Server, whose REST API is
 * `https://HOST/api/v3`.
 */
export function graphqlUrlFor(apiUrl: string): string {
  const enterprise = /^(.*\/api)\/v3$/.exec(apiUrl)
  return enterprise ? `${enterprise[1]}/graphql` : `${apiUrl}/graphql`
}

export function resolveEndpoints(given: {
  apiUrlInput: string
  serverUrlInput: string
  apiUrlEnv?: string
  serverUrlEnv?: string
}): GitHubEndpoints {
  const apiUrl = given.apiUrlInput
    ? endpoint(given.apiUrlInput, 'Input api_url', 'https://api.github.com')
    : endpoint(
        given.apiUrlEnv || 'https://api.github.com',
        'GITHUB_API_URL',
        'https://api.github.com',
      )
  const serverUrl = given.serverUrlInput
    ? endpoint(given.serverUrlInput, 'Input server_url', 'https://github.com')
    : endpoint(
        given.serverUrlEnv || 'https://github.com',
        'GITHUB_SERVER_URL',
        'https://github.com',
      )
  return { apiUrl, serverUrl, graphqlUrl: graphqlUrlFor(apiUrl) }
}
