// Fails when dist/ is not the fresh bundle of src/: rebuilds, then asks git
// whether anything under dist/ changed or appeared (porcelain sees new files).
import { execFileSync } from 'node:child_process'

execFileSync(process.execPath, ['scripts/bundle.mjs'], { stdio: 'inherit' })
const changed = execFileSync('git', ['status', '--porcelain', '--', 'dist'], { encoding: 'utf8' })
if (changed.trim()) {
  console.error(
    'dist/ is not the fresh bundle of src/. Run `npm run bundle` and commit dist/:\n' + changed,
  )
  process.exit(1)
}
console.log('dist/ is the fresh bundle of src/.')
