// Visible tests of the einsum exercise. Entries are small integers, whose
// sums and products are exact: the values are compared exactly.
#include "einsum.hpp"

#include <gtest/gtest.h>

#include <dlmath/errors.hpp>

using dlmath::exercises::einsum;
using Array = xt::xarray<double>;

namespace {
Array matrix23() {  // [[1, 2, 3], [4, 5, 6]]
    Array a = Array::from_shape({2, 3});
    for (std::size_t i = 0; i < 6; ++i) a.data()[i] = static_cast<double>(i + 1);
    return a;
}
}  // namespace

TEST(Einsum, MatrixProduct) {
    // [[1,2,3],[4,5,6]] [[1,4],[2,5],[3,6]] = [[14, 32], [32, 77]]
    const Array A = matrix23();
    const Array B = xt::transpose(A);
    const Array C = einsum("ij,jk->ik", {A, B});
    ASSERT_EQ(C.dimension(), 2u);
    ASSERT_EQ(C.shape()[0], 2u);
    ASSERT_EQ(C.shape()[1], 2u);
    EXPECT_EQ(C(0, 0), 14.0);
    EXPECT_EQ(C(0, 1), 32.0);
    EXPECT_EQ(C(1, 1), 77.0);
}

TEST(Einsum, RowSumsAndTheTotal) {
    const Array r = einsum("ij->i", {matrix23()});
    ASSERT_EQ(r.dimension(), 1u);
    EXPECT_EQ(r(0), 6.0);
    EXPECT_EQ(r(1), 15.0);
    const Array total = einsum("ij->", {matrix23()});
    EXPECT_EQ(total.dimension(), 0u);
    EXPECT_EQ(total(), 21.0);
}

TEST(Einsum, OuterProduct) {
    const Array x = {1.0, 2.0}, y = {3.0, 4.0, 5.0};
    const Array P = einsum("i,j->ij", {x, y});
    ASSERT_EQ(P.dimension(), 2u);
    EXPECT_EQ(P(1, 2), 10.0);
    EXPECT_EQ(P(0, 0), 3.0);
}

TEST(Einsum, ExtentsThatDisagreeAreShapeErrors) {
    EXPECT_THROW(einsum("ij,jk->ik", {matrix23(), matrix23()}), dlmath::shape_error);
    EXPECT_THROW(einsum("ij->i", {matrix23(), matrix23()}), dlmath::shape_error);
}
