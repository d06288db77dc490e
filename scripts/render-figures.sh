#!/usr/bin/env bash
# render-figures.sh CHAPTER_DIR DATA_DIR
#
# Renders a chapter's figures: every CHAPTER_DIR/figures/<name>.gp is run by
# gnuplot with datadir and outdir set to DATA_DIR, where the chapter program
# wrote its CSV data (--figures DATA_DIR), and must write DATA_DIR/<name>.svg.
# The one rendering path of the course: ./course run and the notes build
# (docs/CMakeLists.txt) both call it. GNUPLOT names the program (default
# gnuplot).
set -euo pipefail

if [ $# -ne 2 ]; then
  echo "usage: render-figures.sh CHAPTER_DIR DATA_DIR" >&2
  exit 2
fi
chapter=$1 data=$2
gnuplot=${GNUPLOT:-gnuplot}
command -v "$gnuplot" >/dev/null || { echo "render-figures: gnuplot is missing (run scripts/install-deps.sh)" >&2; exit 1; }
[ -d "$data" ] || { echo "render-figures: no figure data in $data (run the chapter program with --figures $data)" >&2; exit 1; }

shopt -s nullglob
for gp in "$chapter"/figures/*.gp; do
  svg="$data/$(basename "$gp" .gp).svg"
  echo "rendering $gp -> $svg"
  rm -f "$svg"
  "$gnuplot" -e "datadir='$data'; outdir='$data'" "$gp" || { echo "render-figures: gnuplot failed on $gp" >&2; exit 1; }
  [ -s "$svg" ] || { echo "render-figures: $gp did not write $svg" >&2; exit 1; }
done
