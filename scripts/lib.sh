# Common functions of ./course and its helper scripts (sourced, not run).
# Every stage says what it does; a failure names the stage and its log.

DLMATH_ROOT=${DLMATH_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
DLMATH_LOGS=${DLMATH_LOGS:-$DLMATH_ROOT/build/logs}

if [ -t 1 ]; then
  _bold=$'\033[1m'; _red=$'\033[31m'; _green=$'\033[32m'; _off=$'\033[0m'
else
  _bold=""; _red=""; _green=""; _off=""
fi

stage() { printf '%s==> %s%s\n' "$_bold" "$*" "$_off"; }
ok()    { printf '%s%s%s\n' "$_green" "$*" "$_off"; }
die()   { printf '%serror: %s%s\n' "$_red" "$*" "$_off" >&2; exit 1; }

# run_logged STAGE LOGFILE CMD...: runs CMD, keeps its output in LOGFILE, and
# on failure prints the tail of the log and names the stage and the log.
run_logged() {
  local what=$1 log=$2; shift 2
  mkdir -p "$(dirname "$log")"
  if ! "$@" >"$log" 2>&1; then
    tail -n 40 "$log" >&2
    die "$what failed; the full log is $log"
  fi
}

ensure_deps() {
  stage "checking dependencies (scripts/install-deps.sh)"
  "$DLMATH_ROOT/scripts/install-deps.sh" || die "installing dependencies failed (see the message above)"
}

# configure PRESET: configures the preset's build directory when needed.
configure() {
  local preset=${1:-release}
  local dir; dir=$(preset_dir "$preset")
  if [ ! -f "$dir/build.ninja" ] || [ "$DLMATH_ROOT/CMakeLists.txt" -nt "$dir/CMakeCache.txt" ]; then
    stage "configuring ($preset preset, Ninja) into ${dir#$DLMATH_ROOT/}"
    (cd "$DLMATH_ROOT" && run_logged "configuring" "$DLMATH_LOGS/configure-$preset.log" cmake --preset "$preset")
  fi
}

# build PRESET [TARGET...]: builds with Ninja, showing its progress.
build() {
  local preset=${1:-release}; shift || true
  local dir; dir=$(preset_dir "$preset")
  configure "$preset"
  stage "building ($preset) with Ninja${*:+: $*}"
  mkdir -p "$DLMATH_LOGS"
  local log="$DLMATH_LOGS/build-$preset.log"
  local targets=()
  for t in "$@"; do targets+=(--target "$t"); done
  # Paths under the tree reach the compiler cache relative to the build
  # directory, so a copy of the tree (a student edition, a grading's scratch
  # copy) built the same way reuses these objects.
  export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$DLMATH_ROOT}
  local rc
  set +e
  cmake --build "$dir" "${targets[@]}" 2>&1 | tee "$log" | grep --line-buffered -E '^\[[0-9]+/[0-9]+\]|error|FAILED'
  rc=${PIPESTATUS[0]}
  set -e
  if [ "$rc" -ne 0 ]; then
    grep -E -A5 'error|FAILED' "$log" | head -n 60 >&2
    die "building failed; the full log is $log"
  fi
}

preset_dir() {
  case "$1" in
    release) echo "$DLMATH_ROOT/build" ;;
    *) echo "$DLMATH_ROOT/build-$1" ;;
  esac
}
