// The action declares `runs.using: node24`, so tests and the demo run on Node 24.
// `npm ci` installs it from the npm registry (the `node` dev dependency) and npm
// scripts put node_modules/.bin first on PATH; this guard makes a wrong runtime loud.
const major = Number(process.versions.node.split('.')[0])
if (major < 24) {
  console.error(
    `async-pr: tests and the demo need Node 24 (found ${process.version}).\n` +
      'Run them through npm (`npm test`, `npm run demo`) after `npm ci`, which installs Node 24 into node_modules/.bin.',
  )
  process.exit(1)
}
