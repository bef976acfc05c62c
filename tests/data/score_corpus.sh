#!/usr/bin/env bash
# Build and score every story of a set (default: the development corpus, tests/data);
# prints each story's headline line.   bash tests/data/score_corpus.sh [tests/heldout5]
set -u
cd "$(dirname "$0")/../.."
scorer=../shared/eval/score.py; [ -f "$scorer" ] || scorer=tests/scoring/score.py
tmp=$(mktemp -d)
set_dir=${1:-tests/data}
for d in "${set_dir%/}"/*/; do
  [ -f "$d/gold.json" ] || continue
  s=$(basename "$d")
  .venv/bin/casefile build "$d" -o "$tmp/$s.db" -q 2>/dev/null || { echo "$s: build failed"; continue; }
  .venv/bin/casefile export --case "$tmp/$s.db" -o "$tmp/$s.json"
  printf '%-28s ' "$s"; python3 "$scorer" "$tmp/$s.json" "$d/gold.json" --docs "$d" ${VERBOSE:+--verbose} | tail -n ${VERBOSE:++1}${VERBOSE:-1}
done
rm -rf "$tmp"
