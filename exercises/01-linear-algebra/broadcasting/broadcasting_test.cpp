// Visible tests of the broadcasting exercise. Sums of small integers are
// exact, so the values are compared exactly.
#include "broadcasting.hpp"

#include <cstddef>
#include <vector>

#include <gtest/gtest.h>

#include <dlmath/errors.hpp>

using dlmath::exercises::broadcast_add;
using dlmath::exercises::broadcast_shape;
using dlmath::exercises::broadcast_strides;
using Shape = std::vector<std::size_t>;

TEST(Broadcasting, ABiasIsAddedToEveryRow) {
    // a batch of 3 outputs of width 2, plus a bias of width 2
    const xt::xarray<double> batch = {{1.0, 2.0}, {3.0, 4.0}, {5.0, 6.0}};
    const xt::xarray<double> bias = {10.0, 20.0};
    EXPECT_EQ(broadcast_shape({3, 2}, {2}), (Shape{3, 2}));
    const xt::xarray<double> c = broadcast_add(batch, bias);
    ASSERT_EQ(c.dimension(), 2u);
    ASSERT_EQ(c.shape()[0], 3u);
    ASSERT_EQ(c.shape()[1], 2u);
    EXPECT_EQ(c(0, 0), 11.0);
    EXPECT_EQ(c(1, 1), 24.0);
    EXPECT_EQ(c(2, 0), 15.0);
}

TEST(Broadcasting, ShapesAlignFromTheRight) {
    EXPECT_EQ(broadcast_shape({5, 3}, {3}), (Shape{5, 3}));
    EXPECT_EQ(broadcast_shape({3}, {5, 3}), (Shape{5, 3}));
    EXPECT_EQ(broadcast_shape({2, 3}, {2, 3}), (Shape{2, 3}));
}

TEST(Broadcasting, AVectorReadAsRowsHasStrideZeroDownTheRows) {
    EXPECT_EQ(broadcast_strides({3}, {2, 3}), (Shape{0, 1}));
    EXPECT_EQ(broadcast_strides({2, 3}, {2, 3}), (Shape{3, 1}));
}

TEST(Broadcasting, MismatchedExtentsAreShapeErrors) {
    EXPECT_THROW(broadcast_shape({3}, {4}), dlmath::shape_error);
    EXPECT_THROW(broadcast_strides({3}, {2, 4}), dlmath::shape_error);
    EXPECT_THROW(broadcast_add(xt::xarray<double>{1.0, 2.0, 3.0}, xt::xarray<double>{1.0, 2.0}),
                 dlmath::shape_error);
}
