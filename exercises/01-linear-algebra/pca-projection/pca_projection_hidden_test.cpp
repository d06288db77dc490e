// Hidden tests of the PCA projection exercise (bounds as in the visible tests).
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
// an orthonormal basis of R^3 as rows
const Matrix Q = {{0.6, 0.8, 0.0}, {0.0, 0.0, 1.0}, {0.8, -0.6, 0.0}};
const Matrix X = {{1.0, 2.0, 3.0}, {-2.0, 0.0, 1.0}, {4.0, -1.0, 2.0}, {0.0, 3.0, -2.0}};
}  // namespace

TEST(PcaProjectionHidden, AllDirectionsReconstructExactly) {
    const Vector mu = column_mean(X);
    const Matrix Xh = pca_reconstruct(pca_project(X, mu, Q), mu, Q);
    for (std::size_t k = 0; k < X.size(); ++k) EXPECT_NEAR(Xh.data()[k], X.data()[k], bound);
}

TEST(PcaProjectionHidden, ReconstructionErrorIsTheEnergyOfTheDroppedCodes) {
    // Pythagoras in the orthonormal basis Q: ||X - X^_k||_F^2 = sum of the
    // squared codes on the directions that were dropped.
    const Vector mu = column_mean(X);
    const Matrix Zall = pca_project(X, mu, Q);
    const Matrix W2 = {{0.6, 0.8, 0.0}, {0.0, 0.0, 1.0}};  // keep two, drop the third
    const Matrix Xh = pca_reconstruct(pca_project(X, mu, W2), mu, W2);
    double err = 0.0, dropped = 0.0;
    for (std::size_t k = 0; k < X.size(); ++k) err += (X.data()[k] - Xh.data()[k]) * (X.data()[k] - Xh.data()[k]);
    for (std::size_t i = 0; i < X.shape(0); ++i) dropped += Zall(i, 2) * Zall(i, 2);
    EXPECT_GT(dropped, 1.0);  // the dropped direction carries real variance here
    EXPECT_NEAR(err, dropped, 16 * bound * 10.0);
}

TEST(PcaProjectionHidden, CodesOfCentredDataHaveZeroMean) {
    const Vector mu = column_mean(X);
    const Matrix Z = pca_project(X, mu, Q);
    for (std::size_t l = 0; l < 3; ++l) {
        double s = 0.0;
        for (std::size_t i = 0; i < X.shape(0); ++i) s += Z(i, l);
        EXPECT_NEAR(s, 0.0, 4 * bound);
    }
}

TEST(PcaProjectionHidden, ReconstructShapeMismatchIsAShapeError) {
    EXPECT_THROW(pca_reconstruct(Matrix::from_shape({4, 2}), Vector{0.0, 0.0, 0.0}, Q), dlmath::shape_error);
    EXPECT_THROW(pca_reconstruct(Matrix::from_shape({4, 3}), Vector{0.0, 0.0}, Q), dlmath::shape_error);
}
