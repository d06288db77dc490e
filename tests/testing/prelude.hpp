// What every test file of both twins starts from: GoogleTest and
// RapidCheck, both twins, the kits (agreement bounds, generators, twin
// helpers), the short names the tests use, and the IEEE special values.
#pragma once

#include <limits>

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "agreement.hpp"
#include "dlmath/errors.hpp"
#include "dlmath/fast/linear_algebra.hpp"
#include "dlmath/reference/linear_algebra.hpp"
#include "generators.hpp"
#include "twins.hpp"

namespace dlmath::testing {
inline constexpr double kInf = std::numeric_limits<double>::infinity();
inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}  // namespace dlmath::testing

namespace ref = dlmath::reference;
namespace fast = dlmath::fast;
using dlmath::Matrix;
using dlmath::Tensor3;
using dlmath::Vector;
using dlmath::testing::agree;
using dlmath::testing::agree_elementwise;
using dlmath::testing::expect_same_error;
using dlmath::testing::fro;
using dlmath::testing::gamma_n;
using dlmath::testing::ill_conditioned;
using dlmath::testing::jacobi_bound;
using dlmath::testing::kInf;
using dlmath::testing::kNaN;
using dlmath::testing::max_abs;
using dlmath::testing::random;
using dlmath::testing::rank_deficient;
using dlmath::testing::scoped_threads;
using dlmath::testing::tr;
using dlmath::testing::u;
using dlmath::testing::what_of;
