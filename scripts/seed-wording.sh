#!/usr/bin/env bash
# Fails when a tracked text file repeats a sentence of the seed documents word for word (facts may
# carry over, wording must be our own). Uses the shared hook's checker; a missing checker, seeds
# folder or python3 is an error, never a silent pass.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${FTO_SHARED:-../shared}
checker="$shared/hooks/seed_overlap.py"
seeds="$shared/seeds"
for needed in "$checker" "$seeds"; do
  [ -e "$needed" ] || { echo "Controle op overgenomen zinnen: $needed ontbreekt." >&2; exit 1; }
done
command -v python3 >/dev/null || { echo "Controle op overgenomen zinnen: python3 ontbreekt." >&2; exit 1; }
ls "$seeds"/*.txt >/dev/null 2>&1 || { echo "Controle op overgenomen zinnen: geen seed-documenten in $seeds." >&2; exit 1; }

mapfile -t files < <(git ls-files | grep -v -E '\.(png|jpg|svg|xlsx|ods|pdf|pptx|docx|db)$|package-lock\.json$')
hits=$(python3 "$checker" "$seeds" "${files[@]}")
if [ -n "$hits" ]; then
  printf 'Deze plaatsen herhalen zinnen uit de seed-documenten woordelijk; schrijf ze in eigen woorden:\n%s\n' "$hits" >&2
  exit 1
fi
echo "Controle op overgenomen zinnen: ${#files[@]} bestanden, geen overgenomen zinnen."
