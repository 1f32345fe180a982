#!/usr/bin/env bash
# Build the stand-ins for the third-party images docker/compose.yml names, from Debian's packages, on a
# machine that reaches no image registry (run ../shared/tools/container-base-images.sh first for the
# local/debian:bookworm and node:24 bases). With a registry, skip this: compose pulls the real images.
set -euo pipefail
cd "$(dirname "$0")"
export PATH=/usr/bin:$PATH DOCKER_BUILDKIT=1
BASE=${DEBIAN_IMAGE:-local/debian:bookworm}
build() { docker image inspect "$1" >/dev/null 2>&1 || docker build -q --build-arg DEBIAN_IMAGE="$BASE" -t "$1" -f "$2" . >/dev/null; }
build postgres:15-bookworm postgres.Dockerfile
build redis:7-bookworm redis.Dockerfile
build nginx:1.22 nginx.Dockerfile
docker images --format '{{.Repository}}:{{.Tag}} {{.Size}}' | grep -E '^(postgres|redis|nginx):'
