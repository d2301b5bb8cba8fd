#!/usr/bin/env bash
# After an API change: rewrites the OpenAPI snapshot (tests/OpenEts.Server.Tests/Api/Client/openapi.json) from the live
# document (ApiDocumentTests fails until this is done), lints it, and regenerates the C# client the tests call the API through
# (tests/OpenEts.Server.ApiClient/Generated) with Microsoft Kiota. Needs the NuGet and npm registries once (the tools
# are cached under ~/.cache/openets). Review the diff, then commit.
set -euo pipefail
cd "$(dirname "$0")/.."

KIOTA_VERSION=1.38.0
tools="${XDG_CACHE_HOME:-$HOME/.cache}/openets"
client=tests/OpenEts.Server.Tests/Api/Client

# The document from the server itself (not from the test project, which may not compile until the client is
# regenerated): a demo server on a throwaway database and a free local port.
dotnet build src/OpenEts.Server -nologo -v q
work=$(mktemp -d /tmp/openets-api-client.XXXXXX)
port=$(( 20000 + RANDOM % 20000 ))
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$(( port + 1 )); done
(cd "$work" && exec dotnet "$OLDPWD/artifacts/bin/OpenEts.Server/debug/OpenEts.Server.dll" \
  --db "$work/openets.db" --urls "http://127.0.0.1:$port" --demo >"$work/server.log" 2>&1) &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$port/openapi/v1.json" -o "$client/openapi.json" && break
  sleep 0.5
done
[ -s "$client/openapi.json" ] || { cat "$work/server.log"; echo "api-client.sh: the server did not serve the document" >&2; exit 1; }

scripts/lint-openapi.sh "$client/openapi.json"

if [ ! -x "$tools/kiota/kiota" ] || ! "$tools/kiota/kiota" --version 2>/dev/null | grep -q "^$KIOTA_VERSION"; then
  dotnet tool install Microsoft.OpenApi.Kiota --version "$KIOTA_VERSION" --tool-path "$tools/kiota"
fi
# No update check against GitHub: the machines may be offline.
KIOTA_OFFLINE_ENABLED=true "$tools/kiota/kiota" generate -l CSharp -d "$client/openapi.json" -o tests/OpenEts.Server.ApiClient/Generated \
  -n OpenEts.Server.Tests.Api.Client.Generated -c OpenEtsClient --clean-output --exclude-backward-compatible --log-level Warning
rm -f tests/OpenEts.Server.ApiClient/Generated/.kiota.log
git status --short -- "$client" tests/OpenEts.Server.ApiClient
