// The optimisation tests' random problem: a quadratic ½xᵀAx − bᵀx with a
// symmetric positive definite A of dimension 2..6 and condition number up to
// 10³ (geometric spectrum), drawn inside a RapidCheck property, with b and a
// start x0 of scale 10.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>

#include <rapidcheck.h>

#include "generators.hpp"

namespace dlmath::testing {

struct RandomQuadratic {
    Matrix A;
    Vector b, x0;
};

inline RandomQuadratic random_quadratic() {
    const std::size_t n = static_cast<std::size_t>(*rc::gen::inRange(2, 7));
    const auto seed = *rc::gen::arbitrary<std::uint32_t>();
    const double kappa = std::pow(10.0, *rc::gen::inRange(0, 4));
    return {spd_matrix(geometric_spectrum(n, kappa), seed), random<Vector>({n}, seed + 1),
            random<Vector>({n}, seed + 2, 10.0)};
}

}  // namespace dlmath::testing
