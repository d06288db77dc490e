// Hidden tests of the change-of-basis exercise (dyadic numbers: exact).
#include "change_of_basis.hpp"

#include <gtest/gtest.h>

#include <dlmath/errors.hpp>

using dlmath::Matrix;
using dlmath::Vector;
using namespace dlmath::exercises;

namespace {
const Matrix F = {{2.0, -0.5}, {1.0, 0.25}};
const Matrix M = {{5.0, -1.0}, {3.0, 4.0}};  // L(e1) = [5, 3], L(e2) = [-1, 4]
}  // namespace

TEST(ChangeOfBasisHidden, ImagesOfTheOldBasisInNewCoordinates) {
    // B M = [[2.75, 1.75], [1, 9]]: L(e1) = [2.75, 1] and L(e2) = [1.75, 9] in the new basis
    EXPECT_EQ(to_new_basis(F, Vector{5.0, 3.0}), (Vector{2.75, 1.0}));
    EXPECT_EQ(to_new_basis(F, Vector{-1.0, 4.0}), (Vector{1.75, 9.0}));
}

TEST(ChangeOfBasisHidden, MapInTheNewBasis) {
    // B M F = [[2.75, 1.75], [1, 9]] . [[2, -1/2], [1, 1/4]]
    const Matrix Mt = map_in_new_basis(F, M);
    EXPECT_EQ(Mt, (Matrix{{7.25, -0.9375}, {11.0, 1.75}}));
    // a change of basis keeps the trace and the determinant of the map
    EXPECT_EQ(Mt(0, 0) + Mt(1, 1), 9.0);
    EXPECT_EQ(Mt(0, 0) * Mt(1, 1) - Mt(0, 1) * Mt(1, 0), 23.0);
}

TEST(ChangeOfBasisHidden, NewBasisVectorsHaveUnitCoordinates) {
    EXPECT_EQ(to_new_basis(F, Vector{2.0, 1.0}), (Vector{1.0, 0.0}));    // e~1
    EXPECT_EQ(to_new_basis(F, Vector{-0.5, 0.25}), (Vector{0.0, 1.0}));  // e~2
}

TEST(ChangeOfBasisHidden, BadShapesAreShapeErrors) {
    EXPECT_THROW(backward_matrix(Matrix::from_shape({3, 3})), dlmath::shape_error);
    EXPECT_THROW(to_new_basis(F, Vector{1.0, 2.0, 3.0}), dlmath::shape_error);
    EXPECT_THROW(map_in_new_basis(F, Matrix::from_shape({2, 3})), dlmath::shape_error);
}
