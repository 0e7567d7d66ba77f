#!/usr/bin/env bash
# GitHub-hosted runners run the action as `runner`, a user with passwordless
# sudo, not as root: then async-pr creates the agent's user, hands it the
# working tree and cleans up through sudo. This runs the end-to-end tests that
# matter for that path as such a user. It needs root to set the user up
# (CI here runs as root); elsewhere it says why it did nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" != 0 ]; then
  echo "hosted-runner path: not run (setting up a sudo user needs root)"
  exit 0
fi
if ! command -v sudo >/dev/null; then
  apt-get install -y -qq sudo >/dev/null 2>&1 || { apt-get update -qq >/dev/null && apt-get install -y -qq sudo >/dev/null; }
fi
id runner >/dev/null 2>&1 || useradd --create-home --shell /bin/bash runner
echo 'runner ALL=(ALL) NOPASSWD:ALL' > /etc/sudoers.d/async-pr-runner
chmod 440 /etc/sudoers.d/async-pr-runner
if ! su runner -c "test -r '$PWD/package.json'"; then
  echo "hosted-runner path: not run ($PWD is not readable by an unprivileged user)"
  exit 0
fi

# The killed-CLI test signals the agent's process from the test itself; it runs in the main suite.
cache=$(mktemp -d)
chmod 777 "$cache"
su runner -c "cd '$PWD' && PATH='$PWD/node_modules/.bin:/usr/bin:/bin' HOME=/home/runner \
  NODE_OPTIONS='--experimental-vm-modules --disable-warning=ExperimentalWarning' \
  node_modules/.bin/jest --cacheDirectory '$cache' --testNamePattern '^((?!killed).)*\$' \
  __tests__/e2e/spine __tests__/e2e/security __tests__/e2e/guards __tests__/e2e/limits __tests__/e2e/review-ready __tests__/e2e/nothing-lost"
