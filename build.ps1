# Bootstraps Cake and runs a target: ./build.ps1 [build|test|demo|bench|bench-quick|clean] [cake options]
param([string]$Target = "build", [Parameter(ValueFromRemainingArguments = $true)][string[]]$Rest)
$ErrorActionPreference = "Stop"
Set-Location $PSScriptRoot
$env:DOTNET_CLI_TELEMETRY_OPTOUT = "1"; $env:DOTNET_NOLOGO = "1"
dotnet tool restore | Out-Null
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
dotnet cake build.cake --target=$Target @Rest
exit $LASTEXITCODE
