// Hands the PAT to one git command at a time.
//
// The token never goes into a URL, an argument or a config file: git reads it
// from GIT_CONFIG_* variables in the environment of that one fetch or push.
// The empty values first reset any extraheader inherited from config files
// (actions/checkout persists one, URL-specific, through an included file), so
// exactly one Authorization header is sent.

export function remoteUrl(serverUrl: string, owner: string, repo: string): string {
  return `${serverUrl}/${owner}/${repo}.git`
}

export function authEnv(serverUrl: string, token: string): Record<string, string> {
  const basic = Buffer.from(`x-access-token:${token}`, 'utf8').toString('base64')
  const urlKey = `http.${serverUrl}/.extraheader`
  const entries: Array<[string, string]> = [
    ['http.extraheader', ''],
    [urlKey, ''],
    [urlKey, `AUTHORIZATION: basic ${basic}`],
  ]
  const env: Record<string, string> = { GIT_CONFIG_COUNT: String(entries.length) }
  entries.forEach(([key, value], index) => {
    env[`GIT_CONFIG_KEY_${index}`] = key
    env[`GIT_CONFIG_VALUE_${index}`] = value
  })
  return env
}
