#!/usr/bin/env bash
# Installs every Debian package dlmath uses. Idempotent and non-interactive:
# when every package is already present it does nothing (and runs no apt-get).
# Uses sudo when not root; exits 1 with a clear message when it cannot install.
set -euo pipefail

PACKAGES=(
  # toolchain
  g++ cmake ninja-build ccache pkg-config zip unzip python3
  # numerics
  xtensor-dev xtl-dev libxsimd-dev libxtensor-blas-dev
  libopenblas-dev liblapack-dev libboost-math-dev
  # command line, data files
  libcli11-dev nlohmann-json3-dev
  # tests and benchmarks
  libgtest-dev libgmock-dev librapidcheck-dev libbenchmark-dev
  # notes and figures
  doxygen graphviz libjs-mathjax gnuplot-nox
  # grading: student code runs in a sandbox (namespaces, read-only file system)
  bubblewrap
  # the compiler of Gradescope's Ubuntu 22.04 image: the autograder bundle is
  # tested with it (tests/tools/grading/release_roundtrip.sh)
  g++-11
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages are present"
  exit 0
fi

# What apt-get and dpkg print goes to a log, named when something fails.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
log="${DLMATH_LOGS:-$root/build/logs}/install-deps.log"
if ! mkdir -p "$(dirname "$log")" 2>/dev/null || ! : >"$log" 2>/dev/null; then
  log="${TMPDIR:-/tmp}/dlmath-install-deps-$(id -u).log"
  : >"$log"
fi
failed() {
  echo "install-deps: error: $*" >&2
  echo "install-deps: the last lines of the package manager's log ($log):" >&2
  tail -n 15 "$log" | sed 's/^/  /' >&2
  exit 1
}

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO=(sudo -n)
  else
    echo "install-deps: error: need root (or password-less sudo) to install: ${missing[*]}" >&2
    echo "install-deps: ask an administrator to run: apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-deps: error: apt-get not found; dlmath expects Debian 12. Install by hand: ${missing[*]}" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
echo "install-deps: updating the package lists (apt-get update; log: $log)"
"${SUDO[@]}" apt-get update -q >>"$log" 2>&1 ||
  failed "apt-get update failed (is the package mirror reachable?)"
echo "install-deps: installing ${#missing[@]} package(s): ${missing[*]}"
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
  -o Dpkg::Use-Pty=0 "${missing[@]}" >>"$log" 2>&1 ||
  failed "apt-get install failed for: ${missing[*]}"
echo "install-deps: done (${#missing[@]} package(s) installed; log: $log)"
