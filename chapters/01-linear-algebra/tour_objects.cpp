// Chapter 1, objects and notation: shapes, slices, broadcasting, a design
// matrix with integer labels, and x_{-i}.

#include <string>
#include <vector>

#include <xtensor/xbuilder.hpp>
#include <xtensor/xoperation.hpp>
#include <xtensor/xreducer.hpp>
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

    //! [design_matrix]
    const Matrix X_data = {{5.1, 3.5}, {4.9, 3.0}, {6.3, 2.9}, {5.8, 2.7}};  // N = 4 samples (rows), d = 2 features
    const xt::xtensor<int, 1> y = {0, 0, 2, 1};                             // a class index per sample
    const std::vector<std::string> classes = {"setosa", "versicolor", "virginica"};
    const xt::xtensor<int, 2> one_hot =                                      // (4, 1) == (3,) broadcasts to (4, 3)
        xt::cast<int>(xt::equal(xt::view(y, xt::all(), xt::newaxis()), xt::arange<int>(3)));
    //! [design_matrix]
    dlmath::tour::check_that(c, "design matrix X ~ (N, d) = (" + dlmath::shape_string(X_data) + "), labels y ~ (" +
                                    dlmath::shape_string(y) + ") of type int",
                             dlmath::shape_string(X_data) == "4x2" && dlmath::shape_string(y) == "4");
    dlmath::tour::check_that(c, "  sample 3 is a " + classes[static_cast<std::size_t>(y(2))] +
                                    ": its one-hot row is (0, 0, 1)",
                             one_hot(2, 0) == 0 && one_hot(2, 1) == 0 && one_hot(2, 2) == 1);
    dlmath::tour::check_that(c, "  every one-hot row sums to 1", xt::all(xt::equal(xt::sum(one_hot, {1}), 1)));

    //! [all_but_one]
    const Vector x = {4.0, -1.0, 7.0, 2.0};
    const Vector x_minus_2 = xt::view(x, xt::drop(1));  // x_{-2}: every entry but the 2nd (index 1 in code)
    //! [all_but_one]
    dlmath::tour::check_that(c, "x_{-2} of [4, -1, 7, 2] = [4, 7, 2]", x_minus_2 == Vector{4.0, 7.0, 2.0});
}

const dlmath::tour::Register section{"objects", run};

}  // namespace
