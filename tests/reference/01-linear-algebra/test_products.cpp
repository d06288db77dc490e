// Products, reference twin: worked examples, edge cases, bad
// input, and the algebra of matrix operations as RapidCheck properties.
//
// Most properties use matrices whose entries are multiples of 1/4 in
// [-5, 5] and whose sides are at most 6: every product and every sum of
// such numbers is exactly representable in double, so the laws hold
// bit for bit and are checked with ==, not with a tolerance.

#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include <xtensor/xarray.hpp>
#include <xtensor/xbuilder.hpp>
#include <xtensor/xio.hpp>
#include <xtensor/xmath.hpp>
#include <xtensor/xview.hpp>

#include "prelude.hpp"

namespace {

// A matrix of the given shape with entries in {-5, -4.75, ..., 5}.
rc::Gen<Matrix> exact_matrix(std::size_t m, std::size_t n) {
    return rc::gen::map(rc::gen::container<std::vector<int>>(m * n, rc::gen::inRange(-20, 21)),
                        [m, n](const std::vector<int>& v) {
                            Matrix A = Matrix::from_shape({m, n});
                            for (std::size_t k = 0; k < m * n; ++k) A.data()[k] = v[k] / 4.0;
                            return A;
                        });
}

rc::Gen<Tensor3> exact_tensor(std::size_t a, std::size_t b, std::size_t c) {
    return rc::gen::map(rc::gen::container<std::vector<int>>(a * b * c, rc::gen::inRange(-20, 21)),
                        [a, b, c](const std::vector<int>& v) {
                            Tensor3 X = Tensor3::from_shape({a, b, c});
                            for (std::size_t k = 0; k < a * b * c; ++k) X.data()[k] = v[k] / 4.0;
                            return X;
                        });
}

std::size_t side() { return *rc::gen::inRange<std::size_t>(0, 7); }

template <class A, class B>
bool same(const A& a, const B& b) {
    return a.shape() == b.shape() && a == b;
}

}  // namespace

// ---------------------------------------------------------------- worked examples

TEST(WorkedExample, AddThreeByTwo) {
    const Matrix A = {{1, 2}, {3, 4}, {5, 6}};
    const Matrix B = {{-1, 2}, {4, -8}, {-16, 32}};
    const Matrix expected = {{0, 4}, {7, -4}, {-11, 38}};
    EXPECT_EQ(ref::add(A, B), expected);
}

TEST(WorkedExample, AddTwoByThree) {
    const Matrix A = {{1, 3, 1}, {1, 0, 0}};
    const Matrix B = {{0, 0, 5}, {7, 5, 0}};
    const Matrix expected = {{1, 3, 6}, {8, 5, 0}};
    EXPECT_EQ(ref::add(A, B), expected);
}

TEST(WorkedExample, ScaleByTwo) {
    const Matrix A = {{1, 8, -3}, {4, -2, 5}};
    const Matrix expected = {{2, 16, -6}, {8, -4, 10}};
    EXPECT_EQ(ref::scale(2.0, A), expected);
}

// t·[[1,2],[3,4],[5,6]] = [[t,2t],[3t,4t],[5t,6t]] — the second row is
// (3t, 4t); one slide deck prints (3t, 3t), a slip. Each entry is one
// rounded product, so it equals k·t computed the same way, bit for bit.
TEST(WorkedExample, ScaleBySymbolicT) {
    const Matrix A = {{1, 2}, {3, 4}, {5, 6}};
    for (double t : {0.1, -2.5, 1e300, 3.0}) {
        const Matrix expected = {{t, 2 * t}, {3 * t, 4 * t}, {5 * t, 6 * t}};
        const Matrix tA = ref::scale(t, A);
        EXPECT_EQ(tA, expected) << "t = " << t;
        EXPECT_NE(tA(1, 1), 3 * t) << "the slip (3t, 3t) must not be reproduced";
    }
}

TEST(WorkedExample, Transpose) {
    const Matrix A = {{1, 2, 3}, {0, -6, 7}};
    const Matrix expected = {{1, 0}, {2, -6}, {3, 7}};
    EXPECT_EQ(ref::transpose(A), expected);
}

TEST(WorkedExample, MatmulTwoByThreeTimesThreeByTwo) {
    const Matrix A = {{2, 3, 4}, {1, 0, 0}};
    const Matrix B = {{0, 1000}, {1, 100}, {0, 10}};
    const Matrix expected = {{3, 2340}, {0, 1000}};
    EXPECT_EQ(ref::matmul(A, B), expected);
    EXPECT_EQ(ref::einsum("ij,jk->ik", A, B), xt::xarray<double>(expected));
}

// A (4,1) tensor plus a (4,) tensor broadcasts to (4,4), not to (4,): the
// (4,) operand is read as a row (1,4), the (4,1) one as a column.
TEST(WorkedExample, BroadcastingTrap) {
    const xt::xtensor<double, 2> col = {{1}, {2}, {3}, {4}};  // (4, 1)
    const xt::xtensor<double, 1> row = {10, 20, 30, 40};      // (4,)
    const xt::xtensor<double, 2> sum = col + row;
    ASSERT_EQ(sum.shape(0), 4u);
    ASSERT_EQ(sum.shape(1), 4u);
    for (std::size_t i = 0; i < 4; ++i)
        for (std::size_t j = 0; j < 4; ++j) EXPECT_EQ(sum(i, j), col(i, 0) + row(j));
    // what was probably meant: squeeze the column first, then the shape stays (4,)
    const xt::xtensor<double, 1> meant = xt::view(col, xt::all(), 0) + row;
    EXPECT_EQ(meant, (xt::xtensor<double, 1>{11, 22, 33, 44}));
}

// Tr(ABC) = Tr(CAB) = Tr(BCA) for A ~ (2,3), B ~ (3,4), C ~ (4,2): the three
// products even have different sizes (2x2, 4x4, 3x3). Integer arithmetic: exact.
TEST(WorkedExample, TraceIsCyclic) {
    const Matrix A = {{1, 2, 0}, {-1, 3, 4}};
    const Matrix B = {{2, 0, 1, -1}, {0, 1, 3, 2}, {1, -2, 0, 1}};
    const Matrix C = {{1, 0}, {2, -1}, {0, 3}, {-2, 1}};
    EXPECT_EQ(ref::trace(ref::matmul(ref::matmul(A, B), C)), 40.0);
    EXPECT_EQ(ref::trace(ref::matmul(ref::matmul(C, A), B)), 40.0);
    EXPECT_EQ(ref::trace(ref::matmul(ref::matmul(B, C), A)), 40.0);
}

TEST(WorkedExample, EinsumSyllabusSpecs) {
    const Tensor3 A = {{{1, 2}, {3, 4}}, {{5, 6}, {7, 8}}};     // (2, 2, 2)
    const Tensor3 B = {{{1, 0}, {0, 1}}, {{2, 1}, {-1, 0}}};    // (2, 2, 2)
    // "ijz,izk->ijk": batch 0 times the identity, batch 1 by hand
    const Tensor3 bmm_expected = {{{1, 2}, {3, 4}}, {{4, 5}, {6, 7}}};
    EXPECT_EQ(ref::einsum("ijz,izk->ijk", A, B), xt::xarray<double>(bmm_expected));
    EXPECT_EQ(ref::bmm(A, B), bmm_expected);
    // "ijz,ikz->ijk": C_ijk = sum_z A_ijz B_ikz, the second operand transposed
    const Tensor3 bmmt_expected = {{{1, 2}, {3, 4}}, {{16, -5}, {22, -7}}};
    EXPECT_EQ(ref::einsum("ijz,ikz->ijk", A, B), xt::xarray<double>(bmmt_expected));
    // "ijk,ijk->": 1·1 + 4·1 + 5·2 + 6·1 + 7·(-1) = 14 (the other products are 0)
    EXPECT_EQ(ref::einsum("ijk,ijk->", A, B)(), 14.0);
    EXPECT_EQ(ref::gdt(A, B), 14.0);
}

TEST(WorkedExample, EinsumOuterTraceTranspose) {
    const Vector x = {1, 2, 3};
    const Vector y = {10, 20};
    const xt::xarray<double> outer = {{10, 20}, {20, 40}, {30, 60}};
    EXPECT_EQ(ref::einsum("i,j->ij", x, y), outer);
    const Matrix A = {{1, 2}, {3, 4}};
    EXPECT_EQ(ref::einsum("ii->", A)(), 5.0);
    EXPECT_EQ(ref::einsum("ij->ji", A), xt::xarray<double>(Matrix{{1, 3}, {2, 4}}));
    EXPECT_EQ(ref::einsum("ii->i", A), xt::xarray<double>(Vector{1, 4}));  // the diagonal
    EXPECT_EQ(ref::einsum("ij->i", A), xt::xarray<double>(Vector{3, 7}));   // row sums
    EXPECT_EQ(ref::einsum("ij,jk", A, A), xt::xarray<double>(ref::matmul(A, A)));  // implicit output "ik"
}

// ---------------------------------------------------------------- edge cases

TEST(Matmul, InnerDimensionZeroGivesZeros) {
    const Matrix C = ref::matmul(Matrix::from_shape({2, 0}), Matrix::from_shape({0, 3}));
    ASSERT_EQ(C.shape(0), 2u);
    ASSERT_EQ(C.shape(1), 3u);
    for (double c : C) EXPECT_EQ(c, 0.0);
}

TEST(Matmul, EmptyOuterDimensions) {
    EXPECT_EQ(ref::matmul(Matrix::from_shape({0, 3}), Matrix::from_shape({3, 2})).shape(0), 0u);
    EXPECT_EQ(ref::matmul(Matrix::from_shape({2, 3}), Matrix::from_shape({3, 0})).shape(1), 0u);
}

TEST(Matmul, NanAndInfinityFollowIeee) {
    const Matrix A = {{kInf, 1.0}, {kNaN, 0.0}};
    const Matrix B = {{0.0, 1.0}, {1.0, 1.0}};
    const Matrix C = ref::matmul(A, B);
    EXPECT_TRUE(std::isnan(C(0, 0)));  // inf * 0
    EXPECT_EQ(C(0, 1), kInf);
    EXPECT_TRUE(std::isnan(C(1, 0)));
    EXPECT_TRUE(std::isnan(C(1, 1)));
}

TEST(Matvec, MatchesMatmulWithAColumn) {
    const Matrix A = {{2, 3, 4}, {1, 0, 0}};
    EXPECT_EQ(ref::matvec(A, Vector{0, 1, 0}), (Vector{3, 0}));
    EXPECT_EQ(ref::matvec(Matrix::from_shape({3, 0}), Vector{}), (Vector{0, 0, 0}));
}

TEST(Trace, EmptyMatrixHasTraceZero) { EXPECT_EQ(ref::trace(Matrix::from_shape({0, 0})), 0.0); }

TEST(Gram, IsSymmetricAndMatchesXXt) {
    const Matrix X = {{1, 2, 0}, {-1, 3, 4}, {0.5, 0, 2}};
    const Matrix G = ref::gram(X);
    EXPECT_EQ(G, ref::matmul(X, ref::transpose(X)));
    EXPECT_EQ(G, ref::transpose(G));
    EXPECT_EQ(ref::gram(Matrix::from_shape({0, 4})).size(), 0u);
    EXPECT_EQ(ref::gram(Matrix::from_shape({2, 0})), (Matrix{{0, 0}, {0, 0}}));
}

TEST(Gdt, EmptySumIsZero) { EXPECT_EQ(ref::gdt(Tensor3::from_shape({2, 0, 3}), Tensor3::from_shape({2, 0, 3})), 0.0); }

TEST(Bmm, EmptyBatch) {
    const Tensor3 C = ref::bmm(Tensor3::from_shape({0, 2, 3}), Tensor3::from_shape({0, 3, 4}));
    EXPECT_EQ(C.shape(0), 0u);
    EXPECT_EQ(C.shape(2), 4u);
}

TEST(Frobenius, ValuesAndEdgeCases) {
    EXPECT_EQ(ref::frobenius(Matrix{{3, 0}, {0, -4}}), 5.0);
    EXPECT_EQ(ref::frobenius(Matrix::from_shape({0, 3})), 0.0);
    // sqrt(2) * 1e200 although 1e200^2 overflows: a few roundings of the scaled formula
    EXPECT_NEAR(ref::frobenius(Matrix{{1e200, -1e200}}), std::sqrt(2.0) * 1e200, 4 * u * std::sqrt(2.0) * 1e200);
    EXPECT_TRUE(std::isnan(ref::frobenius(Matrix{{kInf, kNaN}})));
    EXPECT_EQ(ref::frobenius(Matrix{{kInf, 1.0}}), kInf);
}

TEST(Einsum, EmptySumsAndScalars) {
    const xt::xarray<double> r = ref::einsum("ij,jk->ik", Matrix::from_shape({2, 0}), Matrix::from_shape({0, 2}));
    EXPECT_EQ(r, xt::xarray<double>(Matrix{{0, 0}, {0, 0}}));
    EXPECT_EQ(ref::einsum("ii->", Matrix::from_shape({0, 0}))(), 0.0);
    EXPECT_EQ(ref::einsum("i,i->", Vector{1, 2}, Vector{3, 4})(), 11.0);
    EXPECT_EQ(ref::einsum("i,i->", Vector{1, 2}, Vector{3, 4}).dimension(), 0u);
}

// ---------------------------------------------------------------- bad input

// Runs f, expects a shape_error whose message contains every piece.
template <class F>
void expect_shape_error(F f, const std::vector<std::string>& pieces) {
    try {
        f();
        ADD_FAILURE() << "no dlmath::shape_error thrown";
    } catch (const dlmath::shape_error& e) {
        for (const auto& p : pieces) EXPECT_NE(std::string(e.what()).find(p), std::string::npos) << e.what();
    }
}

TEST(BadInput, MatmulInnerDimensionsDiffer) {
    const Matrix A = Matrix::from_shape({2, 3}), B = Matrix::from_shape({4, 2});
    EXPECT_THROW(ref::matmul(A, B), dlmath::shape_error);
    EXPECT_EQ(what_of([&] { ref::matmul(A, B); }), "matmul: inner dimensions differ (A is 2x3, B is 4x2)");
}

TEST(BadInput, ElementWiseShapesDiffer) {
    expect_shape_error([] { ref::add(Matrix::from_shape({3, 2}), Matrix::from_shape({2, 3})); },
                       {"add: shapes differ", "3x2", "2x3"});
    expect_shape_error([] { ref::hadamard(Matrix::from_shape({1, 2}), Matrix::from_shape({2, 1})); },
                       {"hadamard: shapes differ", "1x2", "2x1"});
}

TEST(BadInput, TraceOfANonSquareMatrix) {
    expect_shape_error([] { ref::trace(Matrix::from_shape({2, 3})); }, {"trace: A must be square", "2x3"});
}

TEST(BadInput, MatvecLengthDiffers) {
    expect_shape_error([] { ref::matvec(Matrix::from_shape({2, 3}), Vector::from_shape({2})); },
                       {"matvec: inner dimensions differ", "2x3", "2 elements"});
}

TEST(BadInput, BmmBatchOrInnerDimensionsDiffer) {
    expect_shape_error([] { ref::bmm(Tensor3::from_shape({2, 3, 4}), Tensor3::from_shape({3, 4, 5})); },
                       {"bmm: batch sizes differ", "2x3x4", "3x4x5"});
    expect_shape_error([] { ref::bmm(Tensor3::from_shape({2, 3, 4}), Tensor3::from_shape({2, 5, 5})); },
                       {"bmm: inner dimensions differ", "2x3x4", "2x5x5"});
}

TEST(BadInput, GdtShapesDiffer) {
    expect_shape_error([] { ref::gdt(Tensor3::from_shape({2, 3, 4}), Tensor3::from_shape({2, 4, 3})); },
                       {"gdt: shapes differ", "2x3x4", "2x4x3"});
}

// scale, transpose, gram and frobenius accept every matrix: the "bad input"
// they must survive is the degenerate one, and it gives NumPy's answer.
TEST(BadInput, TotalFunctionsAcceptDegenerateShapes) {
    EXPECT_EQ(ref::scale(kNaN, Matrix::from_shape({0, 5})).shape(1), 5u);
    EXPECT_EQ(ref::transpose(Matrix::from_shape({0, 5})).shape(0), 5u);
    EXPECT_EQ(ref::gram(Matrix::from_shape({0, 0})).size(), 0u);
    EXPECT_TRUE(std::isnan(ref::scale(kNaN, Matrix{{1.0}})(0, 0)));
}

TEST(BadInput, EinsumMalformedSpecs) {
    const Matrix A = Matrix::from_shape({2, 3}), B = Matrix::from_shape({3, 4});
    expect_shape_error([&] { ref::einsum("ijk,jk->ik", A, B); }, {"einsum: operand 1 has rank 2", "\"ijk\""});
    expect_shape_error([&] { ref::einsum("ij->ij", A, B); }, {"1 operand term(s) but 2 operand(s)"});
    expect_shape_error([&] { ref::einsum("ij,jk->il", A, B); }, {"output letter 'l' appears in no operand"});
    expect_shape_error([&] { ref::einsum("ij,jk->ii", A, B); }, {"output letter 'i' appears twice"});
    expect_shape_error([&] { ref::einsum("i1,jk->ik", A, B); }, {"'1' is not an index letter"});
    expect_shape_error([&] { ref::einsum("...,jk->ik", A, B); }, {"ellipsis"});
    expect_shape_error([&] { ref::einsum("ij,jk,kl->il", A, B); }, {"3 operand term(s) but 2"});
    expect_shape_error([&] { ref::einsum("ij->", A, B); }, {"1 operand term(s)"});
    expect_shape_error([&] { ref::einsum("ij,jk->ik", A); }, {"2 operand term(s) but 1"});
}

TEST(BadInput, EinsumNamesTheLetterWhoseExtentsDisagree) {
    expect_shape_error([] { ref::einsum("ij,jk->ik", Matrix::from_shape({2, 3}), Matrix::from_shape({4, 2})); },
                       {"einsum: the letter 'j' has extent 3 in operand 1 but 4 in operand 2", "ij,jk->ik"});
    expect_shape_error([] { ref::einsum("ii->", Matrix::from_shape({2, 3})); },
                       {"einsum: the letter 'i' is repeated in operand 1 (a diagonal) over axes of different "
                        "extents: 2 at axis 0 but 3 at axis 1"});
}

// A non-ASCII letter is rejected by its byte position, and every byte outside
// printable ASCII is quoted as \xHH: no lone byte of a UTF-8 character, no
// message cut short at an embedded NUL, no "3 letters" for "éj".
TEST(BadInput, EinsumSpecsOutsidePrintableAscii) {
    const Matrix A = Matrix::from_shape({2, 2});
    EXPECT_EQ(what_of([&] { ref::einsum("\xC3\xA9j", A); }),
              "einsum: the spec must be ASCII: byte 0 ('\\xC3') belongs to a non-ASCII character; index letters are "
              "a-z, A-Z (spec \"\\xC3\\xA9j\")");
    EXPECT_EQ(what_of([&] { ref::einsum("i\xC3\xA9,j->ij", Vector{1.0, 2.0}, Vector{1.0}); }).rfind(
                  "einsum: the spec must be ASCII: byte 1 ('\\xC3')", 0),
              0u);
    EXPECT_EQ(what_of([&] { ref::einsum(std::string_view("ij\0k", 4), A); }),
              "einsum: the spec must be printable ASCII: byte 2 is '\\x00'; index letters are a-z, A-Z (spec "
              "\"ij\\x00k\")");
    EXPECT_THROW(ref::einsum("ij\n->ij", A), dlmath::shape_error);
}

// ---------------------------------------------------------------- oracle

// An independent oracle: the same sums in long double (64-bit significand,
// so each entry carries at most gamma_k of long double's roundoff, about
// 2^-11 times ours). Both then lie within gamma_k (|A||B|)_ij of the exact
// product (Higham, eq. 3.13); the oracle's own error adds at most
// gamma_k/2^11 of the same, covered by using gamma_{k+1}. Normal entries,
// shapes crossing nothing special: this checks indices and sums.
TEST(MatmulOracle, AgreesWithALongDoubleProduct) {
    for (const auto& [m, k, n] : std::vector<std::array<std::size_t, 3>>{{1, 1, 1}, {7, 13, 5}, {31, 64, 17}}) {
        const Matrix A = random<Matrix>({m, k}, 11 + m), B = random<Matrix>({k, n}, 12 + n);
        const Matrix C = ref::matmul(A, B);
        Matrix oracle = Matrix::from_shape({m, n}), bound = Matrix::from_shape({m, n});
        for (std::size_t i = 0; i < m; ++i)
            for (std::size_t j = 0; j < n; ++j) {
                long double s = 0, a = 0;
                for (std::size_t p = 0; p < k; ++p) {
                    s += static_cast<long double>(A(i, p)) * B(p, j);
                    a += std::fabs(static_cast<long double>(A(i, p)) * B(p, j));
                }
                oracle(i, j) = static_cast<double>(s);
                bound(i, j) = 2 * gamma_n(static_cast<double>(k + 1)) * static_cast<double>(a);
            }
        EXPECT_TRUE(dlmath::testing::agree_elementwise(C, oracle, [&](std::size_t q) { return bound.data()[q]; },
                                                       "matmul vs long double"));
    }
}

// ---------------------------------------------------------------- the algebra, as properties

RC_GTEST_PROP(Laws, AdditionIsCommutativeAndAssociative, ()) {
    const std::size_t m = side(), n = side();
    const Matrix A = *exact_matrix(m, n), B = *exact_matrix(m, n), C = *exact_matrix(m, n);
    RC_ASSERT(same(ref::add(A, B), ref::add(B, A)));
    RC_ASSERT(same(ref::add(ref::add(A, B), C), ref::add(A, ref::add(B, C))));
    RC_ASSERT(same(ref::hadamard(A, B), ref::hadamard(B, A)));
}

RC_GTEST_PROP(Laws, ScalarMultipleDistributes, ()) {
    const std::size_t m = side(), n = side();
    const Matrix A = *exact_matrix(m, n), B = *exact_matrix(m, n);
    const double t = *rc::gen::inRange(-8, 9) / 2.0;
    RC_ASSERT(same(ref::scale(t, ref::add(A, B)), ref::add(ref::scale(t, A), ref::scale(t, B))));
}

RC_GTEST_PROP(Laws, MatmulIsAssociativeAndDistributive, ()) {
    const std::size_t m = side(), k = side(), l = side(), n = side();
    const Matrix A = *exact_matrix(m, k), B = *exact_matrix(k, l), C = *exact_matrix(l, n);
    const Matrix B2 = *exact_matrix(k, l);
    RC_ASSERT(same(ref::matmul(ref::matmul(A, B), C), ref::matmul(A, ref::matmul(B, C))));
    RC_ASSERT(same(ref::matmul(A, ref::add(B, B2)), ref::add(ref::matmul(A, B), ref::matmul(A, B2))));
    RC_ASSERT(same(ref::matmul(ref::add(B, B2), C), ref::add(ref::matmul(B, C), ref::matmul(B2, C))));
}

RC_GTEST_PROP(Laws, TransposeLaws, ()) {
    const std::size_t m = side(), k = side(), n = side();
    const Matrix A = *exact_matrix(m, k), A2 = *exact_matrix(m, k), B = *exact_matrix(k, n);
    RC_ASSERT(same(ref::transpose(ref::transpose(A)), A));
    RC_ASSERT(same(ref::transpose(ref::add(A, A2)), ref::add(ref::transpose(A), ref::transpose(A2))));
    RC_ASSERT(same(ref::transpose(ref::matmul(A, B)), ref::matmul(ref::transpose(B), ref::transpose(A))));
}

RC_GTEST_PROP(Laws, IdentityIsNeutral, ()) {
    const std::size_t m = side(), n = side();
    const Matrix A = *exact_matrix(m, n);
    const Matrix Im = xt::eye<double>(m), In = xt::eye<double>(n);
    RC_ASSERT(same(ref::matmul(A, In), A));
    RC_ASSERT(same(ref::matmul(Im, A), A));
}

RC_GTEST_PROP(Laws, TraceIsCyclic, ()) {
    const std::size_t m = side(), k = side(), l = side();
    const Matrix A = *exact_matrix(m, k), B = *exact_matrix(k, l), C = *exact_matrix(l, m);
    const double t = ref::trace(ref::matmul(ref::matmul(A, B), C));
    RC_ASSERT(ref::trace(ref::matmul(ref::matmul(C, A), B)) == t);
    RC_ASSERT(ref::trace(ref::matmul(ref::matmul(B, C), A)) == t);
}

// ||A||_F^2 = Tr(A Aᵀ). The trace is exact for these entries; the scaled
// Frobenius norm carries a relative error below (gamma_{mn} + 4u)/2 + 2u
// (the sum of squares of mn scaled terms, each scaling and square rounded,
// then a square root and a product), so its square is within
// gamma_{mn+8} of Tr(AAᵀ), relatively.
RC_GTEST_PROP(Laws, FrobeniusSquaredIsTraceOfAAt, ()) {
    const std::size_t m = side(), n = side();
    const Matrix A = *exact_matrix(m, n);
    const double f = ref::frobenius(A);
    const double t = ref::trace(ref::matmul(A, ref::transpose(A)));
    RC_ASSERT(std::fabs(f * f - t) <= gamma_n(static_cast<double>(m * n + 8)) * t);
}

RC_GTEST_PROP(Laws, GramIsXXtAndMatvecIsAOneColumnMatmul, ()) {
    const std::size_t m = side(), n = side();
    const Matrix X = *exact_matrix(m, n);
    RC_ASSERT(same(ref::gram(X), ref::matmul(X, ref::transpose(X))));
    const Matrix x = *exact_matrix(n, 1);
    const Vector y = ref::matvec(X, xt::flatten(x));
    RC_ASSERT(same(y, Vector(xt::flatten(ref::matmul(X, x)))));
}

// einsum sums in the same order as the named functions, so they agree bit
// for bit even on non-exact data; exact data keeps shrinking readable.
RC_GTEST_PROP(Einsum, EqualsTheNamedFunctions, ()) {
    const std::size_t nb = side(), a = side(), b = side(), c = side();
    const Matrix A = *exact_matrix(a, b), B = *exact_matrix(b, c);
    RC_ASSERT(same(ref::einsum("ij,jk->ik", A, B), xt::xarray<double>(ref::matmul(A, B))));
    const Tensor3 X = *exact_tensor(nb, a, b), Y = *exact_tensor(nb, b, c), Z = *exact_tensor(nb, a, b);
    RC_ASSERT(same(ref::einsum("ijz,izk->ijk", X, Y), xt::xarray<double>(ref::bmm(X, Y))));
    RC_ASSERT(ref::einsum("ijk,ijk->", X, Z)() == ref::gdt(X, Z));
    // "ijz,ikz->ijk" is BMM against the transposed second operand
    Tensor3 Yt = Tensor3::from_shape({nb, c, b});
    for (std::size_t t = 0; t < nb; ++t)
        for (std::size_t i = 0; i < c; ++i)
            for (std::size_t j = 0; j < b; ++j) Yt(t, i, j) = Y(t, j, i);
    RC_ASSERT(same(ref::einsum("ijz,ikz->ijk", X, Yt), xt::xarray<double>(ref::bmm(X, Y))));
    const Matrix S = *exact_matrix(a, a);
    RC_ASSERT(ref::einsum("ii->", S)() == ref::trace(S));
    RC_ASSERT(same(ref::einsum("ij->ji", A), xt::xarray<double>(ref::transpose(A))));
}

// ---------------------------------------------------------------- the edges of the double range

// 1e200 [[1, 1], [1, -1]] squared is 1e400 [[2, 0], [0, 2]]: the diagonal
// lies beyond the double range (+inf), the off-diagonal is exactly 0. Plain
// arithmetic gives inf - inf = NaN there; the overflowed entries are
// recomputed from operands scaled by powers of two.
TEST(Edges, ProductsOverflowOnlyWhereTheValueDoes) {
    const Matrix H = 1e200 * Matrix{{1.0, 1.0}, {1.0, -1.0}};
    const Matrix expected = {{kInf, 0.0}, {0.0, kInf}};
    EXPECT_EQ(ref::matmul(H, H), expected);
    EXPECT_EQ(ref::gram(H), expected);  // H H^T = H H: H is symmetric
    EXPECT_EQ(ref::einsum("ij,jk->ik", H, H), xt::xarray<double>(expected));
    EXPECT_EQ(ref::einsum("ij,kj->ik", H, H), xt::xarray<double>(expected));
    EXPECT_EQ(ref::matvec(H, Vector{1e200, 1e200}), (Vector{kInf, 0.0}));
    Tensor3 B = Tensor3::from_shape({1, 2, 2});
    std::copy(H.begin(), H.end(), B.begin());
    EXPECT_EQ(Matrix(xt::view(ref::bmm(B, B), 0)), expected);
    // a sum that overflows on the way but not at the end: (1e308 + 1e308) - 1e308
    EXPECT_EQ(ref::matmul(Matrix{{1e308, 1e308, -1e308}}, Matrix{{1.0}, {1.0}, {1.0}})(0, 0), 1e308);
    // non-finite input still follows IEEE: no rescue
    EXPECT_TRUE(std::isnan(ref::matmul(Matrix{{kInf, 1.0}}, Matrix{{0.0}, {1.0}})(0, 0)));
}

// The inner products: (1e200, -1e200) . (1e200, 1e200) = 1e400 - 1e400 = 0
// exactly, where plain arithmetic gives inf - inf = NaN; a value beyond the
// range stays +inf, and a sum that ends in range keeps its value. The dot
// product of 10^5 terms of 1e160 . 1e160 is 1e325: +inf, honestly.
TEST(Edges, InnerProductsOverflowOnlyWhereTheValueDoes) {
    EXPECT_EQ(ref::dot(Vector{1e200, -1e200}, Vector{1e200, 1e200}), 0.0);
    EXPECT_EQ(ref::dot(Vector{1e200, 1e200}, Vector{1e200, 1e200}), kInf);
    EXPECT_EQ(ref::dot(Vector{1e200, -1e200}, Vector{-1e200, -1e200}), 0.0);
    // (1e308 + 1e308) - 1e308 overflows on the way only: 1e308
    EXPECT_EQ(ref::dot(Vector{1e308, 1e308, -1e308}, Vector{1.0, 1.0, 1.0}), 1e308);
    EXPECT_EQ(ref::dot(xt::ones<double>({100000}) * 1e160, xt::ones<double>({100000}) * 1e160), kInf);
    Tensor3 X = Tensor3::from_shape({1, 1, 2}), Y = Tensor3::from_shape({1, 1, 2});
    X(0, 0, 0) = 1e200, X(0, 0, 1) = -1e200, Y(0, 0, 0) = 1e200, Y(0, 0, 1) = 1e200;
    EXPECT_EQ(ref::gdt(X, Y), 0.0);
    // non-finite input still follows IEEE: no rescue
    EXPECT_TRUE(std::isnan(ref::dot(Vector{kInf, 1.0}, Vector{0.0, 1.0})));
}

// The one-operand sums: a running sum that overflows on the way but not at
// the end, (1e308 + 1e308) - 1e308, is recomputed from the operand scaled by
// a power of two and gives 1e308; a sum beyond the range stays +-inf.
TEST(Edges, OneOperandSumsOverflowOnlyWhereTheValueDoes) {
    const xt::xarray<double> v = Vector{1e308, 1e308, -1e308};
    EXPECT_EQ(ref::einsum("a->", v)(), 1e308);
    EXPECT_EQ(ref::einsum("ab->a", xt::xarray<double>(Matrix{{1e308, 1e308, -1e308}, {1.0, 2.0, 3.0}})),
              xt::xarray<double>(Vector{1e308, 6.0}));
    EXPECT_EQ(ref::einsum("ab->b", xt::xarray<double>(Matrix{{1e308, 1.0}, {1e308, 2.0}, {-1e308, 3.0}})),
              xt::xarray<double>(Vector{1e308, 6.0}));
    EXPECT_EQ(ref::einsum("aa->", xt::xarray<double>(Matrix{{1e308, 5.0, 0.0}, {5.0, 1e308, 0.0}, {0.0, 0.0, -1e308}}))(),
              1e308);  // the trace: a repeated letter
    EXPECT_EQ(ref::einsum("a->", xt::xarray<double>(Vector{1e308, 1e308}))(), kInf);  // 2e308: beyond the range
    EXPECT_EQ(ref::einsum("a->", xt::xarray<double>(Vector{-1e308, -1e308}))(), -kInf);
    // a private letter summed out first goes through the same rescue: 1e308 * 2
    EXPECT_EQ(ref::einsum("ab,c->c", xt::xarray<double>(Matrix{{1e308, 1e308, -1e308}}), xt::xarray<double>(Vector{0.5})),
              xt::xarray<double>(Vector{0.5e308}));
    // non-finite input still follows IEEE: no rescue
    EXPECT_TRUE(std::isnan(ref::einsum("a->", xt::xarray<double>(Vector{kInf, -kInf}))()));
}

// A letter that occurs in one operand only and not in the output is summed
// out of that operand first (NumPy's order). Exact integer entries: every
// route gives the same bits, checked against sums written out.
TEST(Einsum, LettersPrivateToOneOperandAreSummedFirst) {
    const std::size_t n = 40;  // the old n^4 loop: 2.6 million terms; now 2 n^2 + 1
    const xt::xarray<double> O = xt::ones<double>({n, n});
    EXPECT_EQ(ref::einsum("ab,cd->", O, O)(), static_cast<double>(n * n * n * n));
    const Matrix A = {{1, 2, 3}, {4, 5, 6}}, B = {{1, -1}, {2, 0}, {0, 3}};
    // "ij,jk->i": k private to B, so B is reduced to its row sums first
    const Vector row_sums_B = {0, 2, 3};
    EXPECT_EQ(ref::einsum("ij,jk->i", A, B), xt::xarray<double>(ref::matvec(A, row_sums_B)));
    // "ij,kl->ik": j private to A and l to B: an outer product of row sums
    EXPECT_EQ(ref::einsum("ij,kl->ik", A, B), xt::xarray<double>(Matrix{{0, 12, 18}, {0, 30, 45}}));
    // "iij,k->j": the diagonal of a repeated letter, then the sum over i
    xt::xarray<double> T = xt::zeros<double>({2, 2, 2});
    T(0, 0, 0) = 1, T(0, 0, 1) = 2, T(1, 1, 0) = 3, T(1, 1, 1) = 4, T(0, 1, 0) = 100;
    EXPECT_EQ(ref::einsum("iij,k->j", T, xt::xarray<double>(Vector{1, 2})), xt::xarray<double>(Vector{12, 18}));
    // every letter private: the product of the two sums
    EXPECT_EQ(ref::einsum("ab,cd->", A, B)(), 21.0 * 5.0);
}
