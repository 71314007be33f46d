#!/usr/bin/env bash
# Vendor the page's JavaScript from pinned npm packages into the Python package, so the
# web page works offline and loads nothing from a CDN. Run by `make` (the install stamp);
# idempotent: files whose SHA-256 already matches the pin are left alone.
#
#   cytoscape@3.34.4        dist/cytoscape.min.js          the network graph (MIT)
#   swagger-ui-dist@5.35.0  swagger-ui-bundle.js, .css     the /docs page (Apache-2.0)
set -euo pipefail
dest="src/sanctrace/web/static/vendor"
mkdir -p "$dest"

# package@version  file-in-package  sha256 of that file
PINS=(
  "cytoscape@3.34.4 dist/cytoscape.min.js 081591ab735b2b6a3b31a3c60f8f3a3e2fee8c92939e0c7820ad1208571b6cd8"
  "cytoscape@3.34.4 LICENSE -"
  "swagger-ui-dist@5.35.0 swagger-ui-bundle.js e6a898692f2d768e807c3ba4626068a69a2c5dd960dd6c76f3e4d3a3de180af2"
  "swagger-ui-dist@5.35.0 swagger-ui.css 5ed08757e53da3e026d6cbecc61fe5d43585c9560b302d534ad56692519a273d"
  "swagger-ui-dist@5.35.0 LICENSE -"
  "swagger-ui-dist@5.35.0 swagger-ui-bundle.js.LICENSE.txt -"
)

have() {  # have FILE SHA: the vendored file exists and matches its pin
  [ -f "$1" ] && { [ "$2" = "-" ] || [ "$(sha256sum "$1" | cut -d' ' -f1)" = "$2" ]; }
}

target_of() {  # where a package file lands: cytoscape.min.js, cytoscape.LICENSE, ...
  local pkg="${1%@*}" file="$2" base
  base="$(basename "$file")"
  if [ "$base" = "LICENSE" ]; then echo "$dest/$pkg.LICENSE"; else echo "$dest/$base"; fi
}

missing=0
for pin in "${PINS[@]}"; do
  read -r spec file sha <<<"$pin"
  have "$(target_of "$spec" "$file")" "$sha" || missing=1
done
[ "$missing" = 0 ] && exit 0

if ! command -v npm >/dev/null 2>&1; then
  echo "vendor-js: npm is needed once to vendor the page's JavaScript (apt-get install npm)" >&2
  exit 1
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
declare -A unpacked=()
for pin in "${PINS[@]}"; do
  read -r spec file sha <<<"$pin"
  if [ -z "${unpacked[$spec]:-}" ]; then
    # npm pack checks the tarball against the registry's integrity hash.
    tarball="$(cd "$work" && npm pack --silent "$spec" 2>/dev/null | tail -1)"
    mkdir -p "$work/$spec"
    tar -xzf "$work/$tarball" -C "$work/$spec"
    unpacked[$spec]=1
  fi
  src="$work/$spec/package/$file"
  if ! have "$src" "$sha"; then
    echo "vendor-js: $spec $file does not match its pinned SHA-256" >&2
    exit 1
  fi
  cp "$src" "$(target_of "$spec" "$file")"
done
echo "vendor-js: vendored cytoscape and swagger-ui into $dest" >&2
