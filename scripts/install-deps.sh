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

echo "install-deps: installing ${#missing[@]} missing package(s): ${missing[*]}"

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
if ! "${SUDO[@]}" apt-get update -qq; then
  echo "install-deps: error: apt-get update failed (is the package mirror reachable?)" >&2
  exit 1
fi
if ! "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"; then
  echo "install-deps: error: apt-get install failed for: ${missing[*]}" >&2
  exit 1
fi
echo "install-deps: done"
