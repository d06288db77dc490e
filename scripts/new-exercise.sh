#!/usr/bin/env bash
# ./course new-exercise NN-chapter/name — scaffolds a new exercise.
#
#   ./course new-exercise 01-linear-algebra/outer-product
#   ./course new-exercise 02-probability-information/softmax
#
# The chapter folders: 01-linear-algebra, 02-probability-information,
# 03-numerical-computation, 04-optimization. The folder names the exercise
# (outer-product is the exercise outer_product of chapter 1).
# Writes exercises/NN-chapter/name/ with a statement (README.md), a header, a
# source whose solution region still throws not_implemented, visible and
# hidden tests, and the dlmath_add_exercise call (CMakeLists.txt). The scaffold
# builds, and its tests fail until you write the solution and the tests.
set -euo pipefail
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

usage() { sed -n '2,/^[^#]/{/^#/p}' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
[ $# -eq 1 ] && [ "$1" != -h ] && [ "$1" != --help ] || { usage; [ $# -eq 1 ] && exit 0; exit 2; }
spec=${1%/}
[[ "$spec" =~ ^(([0-9][0-9])-[a-z0-9-]+)/([a-z][a-z0-9-]*)$ ]] ||
  die "new-exercise: '$1' is not NN-chapter/name (e.g. 01-linear-algebra/outer-product)"
chapter_dir=${BASH_REMATCH[1]}
chapter=$((10#${BASH_REMATCH[2]}))
folder=${BASH_REMATCH[3]}
name=${folder//-/_}
# The chapter keys: the course's four, and any chapter folder the tree has.
known=(01-linear-algebra 02-probability-information 03-numerical-computation 04-optimization)
for d in "$DLMATH_ROOT"/chapters/[0-9][0-9]-*/ "$DLMATH_ROOT"/exercises/[0-9][0-9]-*/; do
  [ -d "$d" ] && known+=("$(basename "$d")")
done
for k in "${known[@]}"; do
  if [ "${k:0:2}" = "${chapter_dir:0:2}" ] && [ "$k" != "$chapter_dir" ]; then
    die "new-exercise: chapter $chapter's folder is $k, not $chapter_dir (e.g. $k/$folder)"
  fi
done
dir="$DLMATH_ROOT/exercises/$spec"
[ ! -e "$dir" ] || die "new-exercise: $dir already exists"
for d in "$DLMATH_ROOT"/exercises/*/*/; do
  [ -d "$d" ] || continue
  other=$(basename "$d")
  [ "${other//-/_}" != "$name" ] || die "new-exercise: an exercise named $name already exists (${d#$DLMATH_ROOT/})"
done
suite=$(echo "$name" | sed -E 's/(^|_)([a-z])/\U\2/g')
title=${name//_/ }
mkdir -p "$dir"

cat >"$dir/CMakeLists.txt" <<EOT
# The exercise $name of chapter $chapter (both from the folder).
dlmath_add_exercise(POINTS 10
  SOURCES $name.cpp
  TESTS ${name}_test.cpp
  HIDDEN_TESTS ${name}_hidden_test.cpp)
EOT

cat >"$dir/README.md" <<EOT
# Exercise: $title {#exercise_$name}

*Chapter $chapter — 10 points, about 30 minutes. Read first: \\ref chapter${chapter}
(point this at the section the exercise practises, e.g. \\ref ch${chapter}_vectors).*

State the mathematics here: the definition, with its formula, e.g.

\\f[
  f(x) = \\sum_{i=1}^{n} x_i ,
\\f]

why it matters for deep learning, and what the student's function must do,
including the exceptions it throws (\`dlmath::shape_error\`,
\`dlmath::domain_error\`) and the messages they carry.

## Your task

Write \`dlmath::exercises::$name\` in \`$name.cpp\` (declared in \`$name.hpp\`).

**Hint.** Name the step where students go wrong, and a small input to try
on paper that shows it.

## What the hidden tests check

Say what they check without giving them: the edge cases (empty input, the
extremes of the double range, NaN), the properties tried on random inputs,
and the plausible wrong answers that lose points.

## Run its tests

\`\`\`
./course grade --exercise $name
\`\`\`

The visible tests are in \`${name}_test.cpp\`; the grader also runs tests you
do not see. See \\ref student for how grading works.
EOT

cat >"$dir/$name.hpp" <<EOT
/// \\file
/// \\brief Exercise (chapter $chapter): $title.
#pragma once

#include <dlmath/tensor.hpp>

namespace dlmath::exercises {

/// $title (see \\ref exercise_$name): state the formula here, e.g.
/// \\f[ f(x) = \\textstyle\\sum_i x_i \\f]
///
/// \\param x a vector \\f\$ x \\sim (n) \\f\$
/// \\returns the value of \\f\$ f(x) \\f\$
double $name(const Vector& x);

}  // namespace dlmath::exercises
EOT

cat >"$dir/$name.cpp" <<EOT
#include "$name.hpp"

#include <dlmath/errors.hpp>

namespace dlmath::exercises {

double $name(const Vector& x) {
    // BEGIN SOLUTION
    // The solution goes here; the student edition replaces this region by
    // throw dlmath::not_implemented("$name");
    static_cast<void>(x);
    throw dlmath::not_implemented("$name");
    // END SOLUTION
}

}  // namespace dlmath::exercises
EOT

cat >"$dir/${name}_test.cpp" <<EOT
// Visible tests of the $title exercise: each must fail on the stub and pass
// on the solution.
#include "$name.hpp"

#include <gtest/gtest.h>

using dlmath::Vector;
using dlmath::exercises::$name;

TEST($suite, WorkedExample) {
    const Vector x = {1.0, 2.0, 3.0};
    EXPECT_DOUBLE_EQ($name(x), 6.0);
}
EOT

cat >"$dir/${name}_hidden_test.cpp" <<EOT
// Hidden tests of the $title exercise (instructor only: they are left out of
// the student edition and run by the autograder).
#include "$name.hpp"

#include <gtest/gtest.h>

using dlmath::Vector;
using dlmath::exercises::$name;

TEST(${suite}Hidden, EmptyVector) {
    const Vector x = Vector::from_shape({0});
    EXPECT_EQ($name(x), 0.0);
}
EOT

ok "new exercise in exercises/$spec (chapter $chapter, 10 points):"
ls "$dir" | sed 's/^/  /'
echo "next: write the statement, the solution between the markers and the tests, then"
echo "  ./course grade --exercise $name"
