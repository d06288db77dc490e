// Objects and notation: shapes of tensors, of their
// slices, and of broadcast sums, as xtensor (and NumPy) define them.

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <xtensor/xbuilder.hpp>
#include <xtensor/xmanipulation.hpp>
#include <xtensor/xview.hpp>

#include "dlmath/tensor.hpp"

using dlmath::Matrix;
using dlmath::Tensor3;
using dlmath::Vector;

namespace {
template <class E>
std::vector<std::size_t> shape_of(const E& e) {
    return {e.shape().begin(), e.shape().end()};
}
}  // namespace

// ▶ For X ~ (a, b, c): X_i ~ (b, c) and X_{i,:,j:k} ~ (b, k - j).
TEST(WorkedExample, SliceShapesOfARankThreeTensor) {
    const Tensor3 X = xt::zeros<double>({4, 5, 6});  // a = 4, b = 5, c = 6
    EXPECT_EQ(dlmath::shape_string(X), "4x5x6");
    EXPECT_EQ(shape_of(xt::view(X, 2)), (std::vector<std::size_t>{5, 6}));
    EXPECT_EQ(shape_of(xt::view(X, 2, xt::all(), xt::range(1, 4))), (std::vector<std::size_t>{5, 3}));
}

// ▶ The broadcasting trap: a (4,1) tensor plus a (4,) tensor is (4,4), not (4,).
TEST(WorkedExample, ColumnPlusVectorBroadcastsToASquare) {
    const Matrix column = {{1.0}, {2.0}, {3.0}, {4.0}};  // (4, 1)
    const Vector v = {10.0, 20.0, 30.0, 40.0};           // (4,)
    const Matrix sum = column + v;                        // the shapes align from the right
    EXPECT_EQ(shape_of(sum), (std::vector<std::size_t>{4, 4}));
    EXPECT_EQ(sum(0, 0), 11.0);
    EXPECT_EQ(sum(0, 3), 41.0);  // not 11 + nothing: every row meets every entry of v
    EXPECT_EQ(sum(3, 0), 14.0);
    // What was meant — element by element — needs the column flattened first.
    const Vector flat = xt::flatten(column) + v;
    EXPECT_EQ(shape_of(flat), (std::vector<std::size_t>{4}));
    EXPECT_EQ(flat(3), 44.0);
}

// Formulas count from 1, code from 0: X_{1,1,1} in the text is X(0, 0, 0).
TEST(Notation, OneBasedFormulaIndexIsZeroBasedInCode) {
    Tensor3 X = xt::zeros<double>({2, 3, 4});
    X(0, 0, 0) = 7.0;   // X_{1,1,1}
    X(1, 2, 3) = 9.0;   // X_{2,3,4}, the last entry
    EXPECT_EQ(X.data()[0], 7.0);
    EXPECT_EQ(X.data()[X.size() - 1], 9.0);  // row-major: the last index moves fastest
}

// A Vector has no orientation; as a matrix it is a column (n,1) or a row (1,n).
TEST(Notation, RowAndColumnVectorsAreMatricesOfDifferentShape) {
    const Vector x = {1.0, 2.0, 3.0};
    const Matrix column = xt::reshape_view(x, {3, 1});
    const Matrix row = xt::reshape_view(x, {1, 3});
    EXPECT_EQ(dlmath::shape_string(column), "3x1");
    EXPECT_EQ(dlmath::shape_string(row), "1x3");
    // column + row broadcasts to the (3,3) table x_i + x_j
    const Matrix table = column + row;
    EXPECT_EQ(dlmath::shape_string(table), "3x3");
    EXPECT_EQ(table(2, 0), 4.0);
}

// For any (a, b, c) and any valid i and 0 <= j <= k <= c the slice rules hold.
RC_GTEST_PROP(SliceShapes, FollowTheRule, ()) {
    const auto a = *rc::gen::inRange<std::size_t>(1, 6);
    const auto b = *rc::gen::inRange<std::size_t>(0, 6);
    const auto c = *rc::gen::inRange<std::size_t>(0, 6);
    const auto i = *rc::gen::inRange<std::size_t>(0, a);
    const auto j = *rc::gen::inRange<std::size_t>(0, c + 1);
    const auto k = *rc::gen::inRange<std::size_t>(j, c + 1);
    const Tensor3 X = xt::zeros<double>({a, b, c});
    RC_ASSERT(shape_of(xt::view(X, i)) == (std::vector<std::size_t>{b, c}));
    RC_ASSERT(shape_of(xt::view(X, i, xt::all(), xt::range(j, k))) == (std::vector<std::size_t>{b, k - j}));
}

// Broadcasting aligns shapes from the right; a dimension of 1 stretches.
RC_GTEST_PROP(Broadcasting, ColumnPlusVectorIsAnOuterSumTable, ()) {
    const auto n = *rc::gen::inRange<std::size_t>(1, 9);
    const auto m = *rc::gen::inRange<std::size_t>(1, 9);
    Matrix column = Matrix::from_shape({n, 1});
    for (std::size_t r = 0; r < n; ++r) column(r, 0) = static_cast<double>(r);
    Vector v = Vector::from_shape({m});
    for (std::size_t s = 0; s < m; ++s) v(s) = 100.0 * static_cast<double>(s);
    const Matrix sum = column + v;
    RC_ASSERT(shape_of(sum) == (std::vector<std::size_t>{n, m}));
    for (std::size_t r = 0; r < n; ++r)
        for (std::size_t s = 0; s < m; ++s) RC_ASSERT(sum(r, s) == static_cast<double>(r) + 100.0 * static_cast<double>(s));
}
