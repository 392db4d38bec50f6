#!/usr/bin/env bash
# List every page with curl: page 1, then pages 2..N with `curl --parallel --parallel-max C` over one
# config file (curl reuses connections within the run). Bodies are kept as they come (no CSV conversion).
#   curl_list.sh BASE_URL CONCURRENCY PAGES PER_PAGE OUTFILE
set -euo pipefail
base=$1 conc=$2 pages=$3 per=$4 out=$5
cfg=$(mktemp)
trap 'rm -f "$cfg"' EXIT
for ((n = 1; n <= pages; n++)); do
    printf 'url = "%s/users?page=%d&per_page=%d"\n' "$base" "$n" "$per" >>"$cfg"
done
curl -sS --fail -o "$out" "$base/users?page=1&per_page=$per"
sed 1d "$cfg" | curl -sS --fail --parallel --parallel-max "$conc" -K - >>"$out"
