#!/usr/bin/env bash
# Installs what marketdb needs on a Debian 12 host, idempotently: the Debian packages
# (sqitch, psql, pg_prove, debootstrap) and a virtualenv with the Python package.
# apt runs only when something is missing; pip only when pyproject.toml changed.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(sqitch libdbd-pg-perl postgresql-client libtap-parser-sourcehandler-pgtap-perl debootstrap)
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
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.marketdb-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/pip install -q --disable-pip-version-check -e '.[dev]' 2> >(grep -v "^WARNING: Location 'file:" >&2)
  touch "$stamp"
fi
