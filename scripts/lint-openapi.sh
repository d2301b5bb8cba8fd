#!/usr/bin/env bash
# Lints an OpenAPI document with Redocly's recommended rules (@redocly/cli, pinned; scripts/redocly.yaml turns two off,
# each with its reason). The package is installed once into a cache folder; after that this runs offline. Exit status:
# 1 when the lint reports an error.
set -euo pipefail
REDOCLY_VERSION=2.77.0
doc=${1:?usage: lint-openapi.sh openapi.json}
tools="${XDG_CACHE_HOME:-$HOME/.cache}/openets/redocly-$REDOCLY_VERSION"
if [ ! -x "$tools/node_modules/.bin/redocly" ]; then
  mkdir -p "$tools"
  npm install --prefix "$tools" --no-audit --no-fund --loglevel=error "@redocly/cli@$REDOCLY_VERSION" >/dev/null
fi
# No telemetry or update check: the lint must work without the internet once installed.
REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true "$tools/node_modules/.bin/redocly" lint --config "$(dirname "$0")/redocly.yaml" "$doc"
