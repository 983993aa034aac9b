#!/usr/bin/env bash
# Installs what marketdb needs on a Debian 12 or 13 host, idempotently: the Debian packages
# (sqitch, psql, pg_prove; on Debian 13 the server's packages from
# scripts/server-packages.txt, on Debian 12 debootstrap to build a Debian 13 root for them)
# and a virtualenv with the Python package. apt runs only when something is missing; pip
# only when pyproject.toml changed.
set -euo pipefail
cd "$(dirname "$0")/.."

. /etc/os-release
major=${VERSION_ID%%.*}
case "${VERSION_CODENAME:-}" in trixie|forky|sid) major=${major:-13} ;; esac

packages=(sqitch libdbd-pg-perl postgresql-client libtap-parser-sourcehandler-pgtap-perl)
if [ "${major:-0}" -ge 13 ] 2>/dev/null && [ "${MARKETDB_SERVER_ROOT:-}" != debootstrap ]; then
  # Debian 13: the host's own PostgreSQL 17 + TimescaleDB (localdb_root.py uses_host_packages).
  mapfile -t server < <(grep -v '^#' scripts/server-packages.txt | sed '/^\s*$/d')
  packages+=("${server[@]}")
else
  packages+=(debootstrap)
fi
PYTHON=${PYTHON:-python3}
# Debian's python3 has no ensurepip without python3-venv; other Pythons bring their own.
if ! "$PYTHON" -c 'import ensurepip' 2>/dev/null; then
  packages+=("python3-venv")
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "bootstrap: missing Debian packages: ${missing[*]}; run as root or: sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
  echo "bootstrap: installing ${missing[*]}" >&2
  # postgresql-common must not create and start a cluster of its own on 5432: marketdb's
  # server is made by localdb.py on its own port.
  if [ ! -e /etc/postgresql-common/createcluster.conf ]; then
    mkdir -p /etc/postgresql-common
    echo "create_main_cluster = false" > /etc/postgresql-common/createcluster.conf
  elif ! grep -q '^\s*create_main_cluster\s*=\s*false' /etc/postgresql-common/createcluster.conf; then
    echo "create_main_cluster = false" >> /etc/postgresql-common/createcluster.conf
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # confold: keep the createcluster.conf written above over the package's own.
  apt-get install -y -qq --no-install-recommends -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
    "${missing[@]}" >/dev/null
fi

# The virtualenv: built by pip once per pyproject.toml and Python into the machine's cache,
# then copied into a fresh clone's .venv with its paths rewritten (pip takes about 20 s of
# every fresh clone's `make test` otherwise, mostly unpacking matplotlib and numpy).
cache_root=${MARKETDB_CACHE:-/var/cache/marketdb}
# The key leaves out pytest's options, which change what runs, not what is installed.
key=$( { awk '/^\[tool\.pytest/ {skip = 1; next} /^\[/ {skip = 0} !skip' pyproject.toml
         "$PYTHON" -c 'import sys; print(sys.executable, sys.version)'; } | sha256sum | cut -c1-16)
cached=$cache_root/venv-$key
here=$(pwd)
if [ ! -x .venv/bin/python ] && [ -f "$cached/.marketdb-installed" ] && [ -w "$cache_root" ]; then
  from=$(cat "$cached/.marketdb-root")
  "$PYTHON" -m venv --without-pip .venv
  cp -a "$cached/lib/." .venv/lib/
  for f in "$cached"/bin/*; do
    name=$(basename "$f")
    [ -e ".venv/bin/$name" ] && continue  # python and its links, made by venv
    if grep -Iq . "$f" 2>/dev/null; then
      sed "s#$from#$here#g" "$f" > ".venv/bin/$name" && chmod --reference="$f" ".venv/bin/$name"
    else
      cp -a "$f" ".venv/bin/$name"
    fi
  done
  for f in .venv/lib/python*/site-packages/__editable__*.pth .venv/lib/python*/site-packages/marketdb-*.dist-info/*; do
    if [ -f "$f" ]; then sed -i "s#$from#$here#g" "$f"; fi
  done
  cp "$cached/.marketdb-installed" .venv/.marketdb-installed
  touch .venv/.marketdb-installed
fi
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.marketdb-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/pip install -q --disable-pip-version-check -e '.[dev]' 2> >(grep -v "^WARNING: Location 'file:" >&2)
  touch "$stamp"
  if [ -w "$cache_root" ] || mkdir -p "$cache_root" 2>/dev/null; then
    rm -rf "$cached.tmp" && mkdir -p "$cached.tmp"
    cp -a .venv/bin .venv/lib "$cached.tmp/" && echo "$here" > "$cached.tmp/.marketdb-root" \
      && touch "$cached.tmp/.marketdb-installed" && rm -rf "$cached" && mv "$cached.tmp" "$cached" || rm -rf "$cached.tmp"
  fi
fi
