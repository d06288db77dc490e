// Visible tests of the PCA projection exercise.
//
// Bounds: the data have integer entries and the directions are
// (0.6, 0.8)-type unit vectors. Every code is a sum of d products of
// rounded factors, every reconstruction adds k more: with d, k <= 3 and
// entries below 10, 64 u * 10 bounds all rounding errors below.
#include "pca_projection.hpp"

#include <limits>

#include <gtest/gtest.h>

#include <dlmath/errors.hpp>

using dlmath::Matrix;
using dlmath::Vector;
using namespace dlmath::exercises;

namespace {
constexpr double u = std::numeric_limits<double>::epsilon() / 2;
constexpr double bound = 64 * u * 10.0;
}  // namespace

TEST(PcaProjection, MeanOfTheRows) {
    const Matrix X = {{1.0, 2.0}, {3.0, 6.0}, {5.0, 10.0}};
    EXPECT_EQ(column_mean(X), (Vector{3.0, 6.0}));
}

TEST(PcaProjection, CodesAreCoordinatesAlongTheDirections) {
    // points on the line through the mean (1, 1) along w = (0.6, 0.8)
    const Matrix X = {{1.0 + 0.6 * 5, 1.0 + 0.8 * 5}, {1.0 - 0.6 * 5, 1.0 - 0.8 * 5}};
    const Vector mu = column_mean(X);
    const Matrix W = {{0.6, 0.8}};
    const Matrix Z = pca_project(X, mu, W);
    ASSERT_EQ(Z.shape(0), 2u);
    ASSERT_EQ(Z.shape(1), 1u);
    EXPECT_NEAR(Z(0, 0), 5.0, bound);
    EXPECT_NEAR(Z(1, 0), -5.0, bound);
    // one direction suffices for data on a line: the reconstruction is exact up to rounding
    const Matrix Xh = pca_reconstruct(Z, mu, W);
    for (std::size_t k = 0; k < X.size(); ++k) EXPECT_NEAR(Xh.data()[k], X.data()[k], bound);
}

TEST(PcaProjection, ShapeMismatchIsAShapeError) {
    const Matrix X = {{1.0, 2.0}, {3.0, 4.0}};
    EXPECT_THROW(pca_project(X, Vector{0.0, 0.0, 0.0}, Matrix{{1.0, 0.0}}), dlmath::shape_error);
    EXPECT_THROW(pca_project(X, Vector{0.0, 0.0}, Matrix{{1.0, 0.0, 0.0}}), dlmath::shape_error);
    EXPECT_THROW(column_mean(Matrix::from_shape({0, 2})), dlmath::shape_error);
}
