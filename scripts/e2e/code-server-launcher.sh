#!/bin/sh
# What @vscode/test-electron starts as "VS Code" where VS Code cannot be downloaded: the in-host
# suite runs in code-server's Extension Development Host instead (test/e2e/lib/launcher.ts).
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root" && exec node --import tsx test/e2e/lib/launcher.ts "$@"
