// Chapter 1, objects and notation: shapes, slices, broadcasting.

#include <xtensor/xbuilder.hpp>
#include <xtensor/xview.hpp>

#include "dlmath/tensor.hpp"
#include "tour.hpp"

namespace {

using dlmath::Matrix;
using dlmath::Tensor3;
using dlmath::Vector;

void run(dlmath::tour::Checks& c, const dlmath::tour::Options&) {
    //! [slices]
    const Tensor3 X = xt::zeros<double>({4, 5, 6});                // X ~ (a, b, c) = (4, 5, 6)
    const auto Xi = xt::view(X, 2);                                // X_i        ~ (b, c)
    const auto Xijk = xt::view(X, 2, xt::all(), xt::range(1, 4));  // X_{i,:,j:k} ~ (b, k - j)
    //! [slices]
    dlmath::tour::check_that(c, "X ~ (4,5,6): X_i ~ (5,6)", dlmath::shape_string(Xi) == "5x6");
    dlmath::tour::check_that(c, "X ~ (4,5,6): X_{i,:,1:4} ~ (5,3)", dlmath::shape_string(Xijk) == "5x3");

    //! [broadcast_trap]
    const Matrix column = {{1.0}, {2.0}, {3.0}, {4.0}};  // (4, 1)
    const Vector v = {10.0, 20.0, 30.0, 40.0};           // (4,)
    const Matrix sum = column + v;                        // (4, 4) — not (4,)!
    //! [broadcast_trap]
    dlmath::tour::check_that(c, "(4,1) + (4,) broadcasts to (4,4), not (4,): got (" +
                                    std::to_string(sum.shape(0)) + "," + std::to_string(sum.shape(1)) + ")",
                             dlmath::shape_string(sum) == "4x4");
    dlmath::tour::check(c, "  its entry (0,3) = 1 + 40", sum(0, 3), 41.0);
}

const dlmath::tour::Register section{"objects", run};

}  // namespace
