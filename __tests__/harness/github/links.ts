// The two bases every rendered URL hangs off: the API (this emulator) and the web server that
// html_url links point at.
export interface Links {
  api: string
  web: string
}
