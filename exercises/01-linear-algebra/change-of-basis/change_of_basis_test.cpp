// Visible tests of the change-of-basis exercise: the chapter's worked
// example. Every number in it is a dyadic fraction (2, 1/2, 1/4, 3/2, 11/4,
// 7/4, ...) and det F = 1, so every operation is exact: results match exactly.
#include "change_of_basis.hpp"

#include <gtest/gtest.h>

#include <dlmath/errors.hpp>

using dlmath::Matrix;
using dlmath::Vector;
using namespace dlmath::exercises;

namespace {
// new basis: e~1 = 2 e1 + 1 e2, e~2 = -1/2 e1 + 1/4 e2 (as columns)
const Matrix F = {{2.0, -0.5}, {1.0, 0.25}};
}  // namespace

TEST(ChangeOfBasis, BackwardMatrixIsTheInverse) {
    const Matrix B = backward_matrix(F);
    EXPECT_EQ(B, (Matrix{{0.25, 0.5}, {-1.0, 2.0}}));  // e1 = 1/4 e~1 - e~2, e2 = 1/2 e~1 + 2 e~2
}

TEST(ChangeOfBasis, VectorInTheNewBasis) {
    EXPECT_EQ(to_new_basis(F, Vector{1.0, 1.5}), (Vector{1.0, 2.0}));
}

TEST(ChangeOfBasis, SingularForwardMatrixIsADomainError) {
    EXPECT_THROW(backward_matrix(Matrix{{1.0, 2.0}, {2.0, 4.0}}), dlmath::domain_error);
}
