#!/usr/bin/env bash
# Bootstraps Cake and runs a target: ./build.sh [build|test|demo|bench|bench-quick|clean] [cake options]
set -euo pipefail
cd "$(dirname "$0")"
target="${1:-build}"
[ $# -gt 0 ] && shift
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
dotnet tool restore >/dev/null
exec dotnet cake build.cake --target="$target" "$@"
