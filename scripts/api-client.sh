#!/usr/bin/env bash
# After an API change: rewrites the OpenAPI snapshot (tests/OpenEts.Server.Tests/Api/Client/openapi.json) from the live
# document, lints it, and regenerates the C# client the tests call the API through (Api/Client/Generated) with Microsoft
# Kiota. Needs the NuGet and npm registries once (the tools are cached under ~/.cache/openets). Review the diff, then commit.
set -euo pipefail
cd "$(dirname "$0")/.."

KIOTA_VERSION=1.38.0
tools="${XDG_CACHE_HOME:-$HOME/.cache}/openets"
client=tests/OpenEts.Server.Tests/Api/Client

dotnet build tests/OpenEts.Server.Tests -nologo -v q
OPENETS_UPDATE_API_SNAPSHOT=1 dotnet test tests/OpenEts.Server.Tests --no-build -nologo \
  --filter "FullyQualifiedName~ApiDocumentTests.Issue_8_Document_MatchesTheSnapshotTheClientWasGeneratedFrom"

scripts/lint-openapi.sh "$client/openapi.json"

if [ ! -x "$tools/kiota/kiota" ] || ! "$tools/kiota/kiota" --version 2>/dev/null | grep -q "^$KIOTA_VERSION"; then
  dotnet tool install Microsoft.OpenApi.Kiota --version "$KIOTA_VERSION" --tool-path "$tools/kiota"
fi
# No update check against GitHub: the machines may be offline.
KIOTA_OFFLINE_ENABLED=true "$tools/kiota/kiota" generate -l CSharp -d "$client/openapi.json" -o "$client/Generated" \
  -n OpenEts.Server.Tests.Api.Client.Generated -c OpenEtsClient --clean-output --exclude-backward-compatible --log-level Warning
git status --short -- "$client"
