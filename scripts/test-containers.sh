#!/usr/bin/env bash
# The container deployment test (apps/deploy-e2e): builds the images in docker/ and runs api × 2 and
# worker × 2 against the machine's PostgreSQL and Redis. Starts a local Docker engine with local base
# images first when none answers (../shared/tools/container-base-images.sh, root only).
# Extra arguments go to jest.
set -u
cd "$(dirname "$0")/.."
export NODE_OPTIONS="--experimental-vm-modules --no-warnings=ExperimentalWarning ${NODE_OPTIONS:-}"
if ! docker info >/dev/null 2>&1 || ! docker image inspect node:24-bookworm-slim >/dev/null 2>&1; then
  base="${CONTAINER_BASE_IMAGES:-}"
  for candidate in ../shared/tools/container-base-images.sh /work/shared/tools/container-base-images.sh; do
    [ -z "$base" ] && [ -f "$candidate" ] && base=$candidate
  done
  [ -n "$base" ] || { echo "no Docker engine, and no container-base-images.sh to start one"; exit 1; }
  bash "$base" || exit 1
fi
exec node node_modules/jest/bin/jest.js --selectProjects deploy-e2e --runInBand "$@"
