// Products, fast twin: agree with the reference twin
// within an error bound, are bitwise reproducible, and reject the same bad
// input with the same message.
//
// Shapes cross every path of the blocked GEMM: 0 and 1, primes, sizes that
// are not multiples of the SIMD width W or of the register tile (6 × 2W or
// 12 × 2W), sizes past one cache block of a typical machine (hundreds deep
// and tall), and products of m k n >= gemm_parallel_threshold
// multiply-adds, where OpenMP threads start (the sizes are computed from
// that constant). test_gemm_blocking.cpp crosses the blocks that this
// machine's caches give, whatever they are.

#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include <xtensor/xarray.hpp>
#include <xtensor/xio.hpp>
#include <xtensor/xmath.hpp>
#include <xtensor/xview.hpp>

#include "kernels/linear_algebra/gemm_ladder.hpp"
#include "prelude.hpp"

namespace {

Matrix abs(const Matrix& A) { return xt::abs(A); }

// |x| entry by entry for a dynamic-rank array, as a plain loop so that the
// result is an xarray of the operand's shape whatever the operand's rank.
xt::xarray<double> abs_array(const xt::xarray<double>& x) {
    xt::xarray<double> r = x;
    for (auto& v : r) v = std::fabs(v);
    return r;
}

// Sides that exercise every edge of the GEMM (see the file comment).
rc::Gen<std::size_t> gemm_side() {
    return rc::gen::elementOf(std::vector<std::size_t>{0, 1, 2, 3, 5, 6, 7, 8, 9, 13, 16, 17, 31, 64, 97, 149, 263});
}

// Both twins compute each entry of a product of depth k with an error below
// gamma_k (|A||B|)_ij (Higham, Accuracy and Stability, eq. 3.13: any order
// of summation, FMA or not), so they are within 2 gamma_k (|A||B|)_ij of each
// other. |A||B| is itself computed in floating point, a relative gamma_k
// below its exact value at worst: gamma_{k+1} covers that.
::testing::AssertionResult matmul_agrees(const Matrix& fast_C, const Matrix& A, const Matrix& B,
                                         const std::string& what) {
    const Matrix ref_C = ref::matmul(A, B);
    const Matrix absAB = ref::matmul(abs(A), abs(B));
    const double g = 2 * gamma_n(static_cast<double>(A.shape(1) + 1));
    return agree_elementwise(fast_C, ref_C, [&](std::size_t q) { return g * absAB.data()[q]; }, what);
}

std::string shape_name(std::size_t m, std::size_t k, std::size_t n) {
    return std::to_string(m) + "x" + std::to_string(k) + " · " + std::to_string(k) + "x" + std::to_string(n);
}

}  // namespace

// ---------------------------------------------------------------- agreement

RC_GTEST_PROP(MatmulAgreement, FastMatchesReferenceWithinTwoGammaK, ()) {
    const std::size_t m = *gemm_side(), k = *gemm_side(), n = *gemm_side();
    const auto seed = *rc::gen::arbitrary<std::uint32_t>();
    const Matrix A = random<Matrix>({m, k}, seed), B = random<Matrix>({k, n}, seed + 1, 1e3);
    DLMATH_RC_ASSERT(matmul_agrees(fast::matmul(A, B), A, B, "matmul " + shape_name(m, k, n)));
}

// Every step of the GEMM ladder (the benchmark cases matmul/step<k>/<n>)
// computes the same product: within the same 2 gamma_k bound of the
// reference on every shape the final kernel is tested on (step 3 sums in
// chunks of its own fixed kc), and the last two steps (the final kernel on
// one thread and on the team) are bitwise fast::matmul.
RC_GTEST_PROP(MatmulLadder, EveryStepMatchesTheReferenceWithinTwoGammaK, ()) {
    namespace ladder = dlmath::fast::detail::ladder;
    const std::size_t m = *gemm_side(), k = *gemm_side(), n = *gemm_side();
    const auto seed = *rc::gen::arbitrary<std::uint32_t>();
    const Matrix A = random<Matrix>({m, k}, seed), B = random<Matrix>({k, n}, seed + 1);
    static_assert(ladder::steps == 5, "a new ladder step needs its line here");
    DLMATH_RC_ASSERT(matmul_agrees(ladder::gemm_step1(A, B), A, B, "step 1 " + shape_name(m, k, n)));
    DLMATH_RC_ASSERT(matmul_agrees(ladder::gemm_step2(A, B), A, B, "step 2 " + shape_name(m, k, n)));
    DLMATH_RC_ASSERT(matmul_agrees(ladder::gemm_step3(A, B), A, B, "step 3 " + shape_name(m, k, n)));
    const Matrix C = fast::matmul(A, B);
    RC_ASSERT(ladder::gemm_step4(A, B) == C);
    RC_ASSERT(ladder::gemm_step5(A, B) == C);
}

TEST(MatmulLadder, StepsRejectBadShapesNamingThemselves) {
    namespace ladder = dlmath::fast::detail::ladder;
    const Matrix A = random<Matrix>({2, 3}, 1), B = random<Matrix>({4, 2}, 2);
    const std::vector<std::pair<std::string, Matrix (*)(const Matrix&, const Matrix&)>> steps = {
        {"gemm_step1", ladder::gemm_step1}, {"gemm_step2", ladder::gemm_step2},
        {"gemm_step3", ladder::gemm_step3}, {"gemm_step4", ladder::gemm_step4}, {"gemm_step5", ladder::gemm_step5}};
    for (const auto& [name, step] : steps) {
        EXPECT_THROW(step(A, B), dlmath::shape_error) << name;
        EXPECT_EQ(what_of([&] { step(A, B); }), name + ": inner dimensions differ (A is 2x3, B is 4x2)");
    }
}

// Deep products (several kc panels), tall ones (several mc blocks) and
// products large enough for threads; edges in every direction.
TEST(MatmulAgreement, BlockBoundariesAndThreads) {
    // 300 x 300 x n_threaded: just past the threshold, n not a multiple of anything
    constexpr std::size_t n_threaded = fast::gemm_parallel_threshold / (300 * 300) + 7;
    const std::vector<std::array<std::size_t, 3>> shapes = {
        {1, 1000, 1}, {7, 513, 11}, {145, 3, 9}, {290, 257, 31}, {97, 256, 4097}, {300, 300, n_threaded}, {64, 64, 64}};
    for (const auto& [m, k, n] : shapes) {
        const Matrix A = random<Matrix>({m, k}, m + k), B = random<Matrix>({k, n}, k + n);
        EXPECT_TRUE(matmul_agrees(fast::matmul(A, B), A, B, "matmul " + shape_name(m, k, n)));
    }
}

TEST(MatmulAgreement, EmptyInnerDimensionGivesZeros) {
    const Matrix C = fast::matmul(Matrix::from_shape({5, 0}), Matrix::from_shape({0, 9}));
    ASSERT_EQ(C.shape(0), 5u);
    ASSERT_EQ(C.shape(1), 9u);
    for (double c : C) EXPECT_EQ(c, 0.0);
    EXPECT_EQ(fast::matmul(Matrix::from_shape({0, 4}), Matrix::from_shape({4, 3})).size(), 0u);
}

// NaN and inf reach exactly the entries they reach in the reference twin
// (zero padding at the edges must not leak into valid entries).
TEST(MatmulAgreement, NanAndInfinityPropagateLikeTheReference) {
    Matrix A = random<Matrix>({13, 7}, 1), B = random<Matrix>({7, 11}, 2);
    A(3, 2) = kNaN;
    A(12, 0) = kInf;
    B(0, 5) = 0.0;  // inf * 0 = NaN at (12, 5)
    EXPECT_TRUE(matmul_agrees(fast::matmul(A, B), A, B, "matmul with NaN and inf"));
}

RC_GTEST_PROP(MatvecAgreement, FastMatchesReferenceWithinTwoGammaN, ()) {
    const std::size_t m = *gemm_side();
    const std::size_t n = *rc::gen::elementOf(std::vector<std::size_t>{0, 1, 3, 7, 16, 17, 1021, 4099});
    const auto seed = *rc::gen::arbitrary<std::uint32_t>();
    const Matrix A = random<Matrix>({m, n}, seed);
    const Vector x = random<Vector>({n}, seed + 1);
    // as for matmul, with k = n: 2 gamma_{n+1} (|A||x|)_i
    const Vector absAx = ref::matvec(abs(A), xt::abs(x));
    const double g = 2 * gamma_n(static_cast<double>(n + 1));
    DLMATH_RC_ASSERT(agree_elementwise(fast::matvec(A, x), ref::matvec(A, x),
                                       [&](std::size_t q) { return g * absAx(q); }, "matvec"));
}

TEST(MatvecAgreement, AboveTheThreadingThreshold) {
    // rows run in parallel from m n >= parallel_threshold entries of A
    constexpr std::size_t n = 1009, m = fast::parallel_threshold / n + 7;
    static_assert(m * n >= fast::parallel_threshold);
    const Matrix A = random<Matrix>({m, n}, 3);
    const Vector x = random<Vector>({n}, 4);
    const Vector absAx = ref::matvec(abs(A), xt::abs(x));
    const double g = 2 * gamma_n(static_cast<double>(n + 1));
    EXPECT_TRUE(agree_elementwise(fast::matvec(A, x), ref::matvec(A, x), [&](std::size_t q) { return g * absAx(q); },
                                  "matvec " + std::to_string(m) + "x" + std::to_string(n)));
}

// The rows run in groups of four, the last m mod 4 alone, and the groups are shared among
// threads: each row's entry must come out with the same bits whatever its group and the
// thread count — the bits of that row multiplied alone.
TEST(MatvecAgreement, EachRowTheSameBitsInAnyGroupAndOnAnyThreadCount) {
    constexpr std::size_t n = 1009, m = fast::parallel_threshold / n + 7;  // 71 rows: 3 left over
    static_assert(m * n >= fast::parallel_threshold && m % 4 != 0);
    const Matrix A = random<Matrix>({m, n}, 5);
    const Vector x = random<Vector>({n}, 6);
    Vector one, two;
    {
        const scoped_threads s(1);
        one = fast::matvec(A, x);
    }
    {
        const scoped_threads s(2);
        two = fast::matvec(A, x);
    }
    for (std::size_t r = 0; r < m; ++r) {
        const Matrix row = xt::view(A, xt::range(r, r + 1), xt::all());
        const double alone = fast::matvec(row, x)(0);
        EXPECT_EQ(one(r), alone) << "row " << r;
        EXPECT_EQ(two(r), alone) << "row " << r;
    }
}

// Each batch entry is a matmul: the matmul bound per entry.
RC_GTEST_PROP(BmmAgreement, FastMatchesReferenceWithinTwoGammaB, ()) {
    const std::size_t nb = *rc::gen::elementOf(std::vector<std::size_t>{0, 1, 3, 17});
    // smaller sides than for matmul: the batch multiplies the reference's cost
    const auto bmm_side = rc::gen::elementOf(std::vector<std::size_t>{0, 1, 2, 3, 5, 7, 8, 9, 13, 17, 31, 64});
    const std::size_t a = *bmm_side, b = *bmm_side, c = *bmm_side;
    const auto seed = *rc::gen::arbitrary<std::uint32_t>();
    const Tensor3 A = random<Tensor3>({nb, a, b}, seed), B = random<Tensor3>({nb, b, c}, seed + 1);
    const Tensor3 C = fast::bmm(A, B);
    const Tensor3 R = ref::bmm(A, B);
    const Tensor3 absAB = ref::bmm(xt::abs(A), xt::abs(B));
    const double g = 2 * gamma_n(static_cast<double>(b + 1));
    DLMATH_RC_ASSERT(agree_elementwise(C, R, [&](std::size_t q) { return g * absAB.data()[q]; }, "bmm"));
}

// One large entry (threads inside the GEMM) and five large entries (threads
// share out the batch on a machine with at most two cores).
TEST(BmmAgreement, LargeBatchEntriesBothWays) {
    for (const std::size_t nb : {1, 5}) {
        // each entry just past the threshold of a threaded GEMM
        constexpr std::size_t b = 300, c = 100, a = fast::gemm_parallel_threshold / (b * c) + 1;
        static_assert(a * b * c >= fast::gemm_parallel_threshold);
        const Tensor3 A = random<Tensor3>({nb, a, b}, 5), B = random<Tensor3>({nb, b, c}, 6);
        const Tensor3 absAB = ref::bmm(xt::abs(A), xt::abs(B));
        const double g = 2 * gamma_n(static_cast<double>(b + 1));
        EXPECT_TRUE(agree_elementwise(fast::bmm(A, B), ref::bmm(A, B),
                                      [&](std::size_t q) { return g * absAB.data()[q]; },
                                      "bmm " + std::to_string(nb) + "x" + std::to_string(a) + "x300 · x300x100"));
    }
}

// G = X Xᵀ is a matmul of depth d: the matmul bound with |X||X|ᵀ.
RC_GTEST_PROP(GramAgreement, FastMatchesReferenceAndIsExactlySymmetric, ()) {
    const std::size_t n = *gemm_side(), d = *gemm_side();
    const auto seed = *rc::gen::arbitrary<std::uint32_t>();
    const Matrix X = random<Matrix>({n, d}, seed);
    const Matrix G = fast::gram(X);
    const Matrix absG = ref::gram(abs(X));
    const double g = 2 * gamma_n(static_cast<double>(d + 1));
    DLMATH_RC_ASSERT(agree_elementwise(G, ref::gram(X), [&](std::size_t q) { return g * absG.data()[q]; }, "gram"));
    RC_ASSERT(G == xt::transpose(G));
}

TEST(GramAgreement, SeveralBlocksAndThreads) {
    for (const auto& [n, d] : std::vector<std::array<std::size_t, 2>>{{300, 257}, {149, 600}, {4100, 2}}) {
        const Matrix X = random<Matrix>({n, d}, n + d);
        const Matrix G = fast::gram(X);
        const Matrix absG = ref::gram(abs(X));
        const double g = 2 * gamma_n(static_cast<double>(d + 1));
        EXPECT_TRUE(agree_elementwise(G, ref::gram(X), [&](std::size_t q) { return g * absG.data()[q]; }, "gram"));
        EXPECT_TRUE(G == xt::transpose(G));
    }
}

// A dot product of length N = abc: 2 gamma_N sum |X Y| (as for fast::dot).
RC_GTEST_PROP(GdtAgreement, FastMatchesReferenceWithinTwoGammaN, ()) {
    // up to 17·17·4099 elements: past reduction_block and parallel_threshold
    const std::size_t a = *rc::gen::elementOf(std::vector<std::size_t>{0, 1, 2, 3, 7, 17});
    const std::size_t b = *rc::gen::elementOf(std::vector<std::size_t>{0, 1, 2, 3, 7, 17});
    const std::size_t c = *rc::gen::elementOf(std::vector<std::size_t>{0, 1, 5, 8, 13, 1021, 4099});
    const auto seed = *rc::gen::arbitrary<std::uint32_t>();
    const Tensor3 X = random<Tensor3>({a, b, c}, seed), Y = random<Tensor3>({a, b, c}, seed + 1);
    const double bound = 2 * gamma_n(static_cast<double>(a * b * c)) * ref::gdt(xt::abs(X), xt::abs(Y));
    DLMATH_RC_ASSERT(agree(fast::gdt(X, Y), ref::gdt(X, Y), bound, "gdt"));
}

// The fast einsum sends GEMM-shaped specs to the fast kernels and the rest
// to the reference loops; either way it agrees with the reference einsum
// within the bound of a sum of as many terms as the summed letters span.
TEST(EinsumAgreement, EverySpecFamily) {
    const Tensor3 X = random<Tensor3>({5, 7, 13}, 7), Y = random<Tensor3>({5, 13, 9}, 8);
    const Tensor3 Yt = random<Tensor3>({5, 9, 13}, 9), Z = random<Tensor3>({5, 7, 13}, 10);
    const Matrix A = random<Matrix>({17, 31}, 11), B = random<Matrix>({31, 6}, 12), Bt = random<Matrix>({6, 31}, 13);
    const Vector x = random<Vector>({31}, 14), y = random<Vector>({6}, 15);
    struct Case {
        std::string spec;
        xt::xarray<double> a, b;
        std::size_t depth;  // how many terms each output entry sums
    };
    const std::vector<Case> cases = {
        {"ijz,izk->ijk", X, Y, 13}, {"bmk,bkn->bmn", X, Y, 13}, {"ijz,ikz->ijk", X, Yt, 13},
        {"ijk,ijk->", X, Z, 5 * 7 * 13}, {"ij,jk->ik", A, B, 31}, {"ij,kj->ik", A, Bt, 31},
        {"ij,j->i", A, x, 31}, {"i,i->", x, x, 31}, {"i,j->ij", x, y, 1},  // outer: reference fallback
        {"ijk,ijl->kl", X, Z, 35},                                            // reference fallback
    };
    for (const auto& c : cases) {
        const xt::xarray<double> F = fast::einsum(c.spec, c.a, c.b);
        const xt::xarray<double> R = ref::einsum(c.spec, c.a, c.b);
        const xt::xarray<double> absR = ref::einsum(c.spec, abs_array(c.a), abs_array(c.b));
        const double g = 2 * gamma_n(static_cast<double>(c.depth + 1));
        EXPECT_TRUE(agree_elementwise(F, R, [&](std::size_t q) { return g * absR.data()[q]; }, c.spec));
    }
    const Matrix S = random<Matrix>({9, 9}, 16);
    EXPECT_EQ(fast::einsum("ii->", S)(), ref::trace(S));
    EXPECT_EQ(fast::einsum("ij->ji", A), xt::xarray<double>(ref::transpose(A)));
}

// The one-operand sums whose output is the term's first letters run a SIMD sum per entry
// (a blocked reduction for a full sum); those whose output is its last letters add whole
// rows in the reference's order. Either way an entry summing m terms is within
// 2 gamma_{m-1} of the reference's sum of the |x| (two orders of the same m terms); every
// other one-operand spec is the reference's loops, bitwise.
TEST(EinsumAgreement, OneOperandSumsWithinTheBoundOfTheirLength) {
    const Tensor3 X = random<Tensor3>({5, 7, 13}, 21);
    // 300 x 300 = 90000 entries: past parallel_threshold, rows of 300 with a SIMD tail
    const Matrix big = random<Matrix>({300, 300}, 22);
    static_assert(300 * 300 >= fast::parallel_threshold);
    struct Case {
        std::string spec;
        xt::xarray<double> x;
        std::size_t depth;  // terms per output entry
    };
    const std::vector<Case> cases = {{"abc->ab", X, 13},   {"abc->a", X, 91},      {"abc->", X, 455},
                                     {"abc->abc", X, 1},   {"ab->a", big, 300},   {"ab->", big, 90000},
                                     {"ij->i", big, 300}};
    for (const auto& c : cases) {
        const xt::xarray<double> F = fast::einsum(c.spec, c.x), R = ref::einsum(c.spec, c.x);
        const xt::xarray<double> absR = ref::einsum(c.spec, abs_array(c.x));
        const double g = 2 * gamma_n(static_cast<double>(c.depth));
        EXPECT_TRUE(agree_elementwise(F, R, [&](std::size_t q) { return g * absR.data()[q]; }, c.spec));
    }
    // the trailing sums and the reference fallbacks: the reference's bits
    for (const char* spec : {"abc->bc", "abc->c", "abc->ac", "abc->cb", "abc->ba", "cab->ab"})
        EXPECT_EQ(fast::einsum(spec, X), ref::einsum(spec, X)) << spec;
    for (const char* spec : {"ab->b", "ba->a"}) EXPECT_EQ(fast::einsum(spec, big), ref::einsum(spec, big)) << spec;
}

// Empty extents: empty sums are 0 and empty outputs are empty, as in the reference; NaN and
// inf reach exactly the entries whose runs hold them.
TEST(EinsumAgreement, OneOperandSumsOfEmptyAndNonFiniteOperands) {
    for (const auto& shape : {std::vector<std::size_t>{2, 0, 3}, std::vector<std::size_t>{0, 3, 4}}) {
        const xt::xarray<double> E = xt::zeros<double>(shape);
        for (const char* spec : {"abc->a", "abc->ab", "abc->", "abc->c", "abc->bc"})
            EXPECT_EQ(fast::einsum(spec, E), ref::einsum(spec, E)) << spec;
    }
    xt::xarray<double> X = random<Tensor3>({4, 5, 6}, 23);
    X(1, 2, 3) = kNaN;
    X(2, 0, 5) = kInf;
    X(3, 4, 0) = -kInf;
    for (const char* spec : {"abc->ab", "abc->a", "abc->", "abc->bc", "abc->c"}) {
        const xt::xarray<double> F = fast::einsum(spec, X), R = ref::einsum(spec, X);
        const xt::xarray<double> absR = ref::einsum(spec, abs_array(X));
        const double g = 2 * gamma_n(120.0);
        EXPECT_TRUE(agree_elementwise(F, R, [&](std::size_t q) { return g * absR.data()[q]; }, spec));
    }
}

// The GEMM-shaped specs run the very same kernels as the named functions.
TEST(EinsumAgreement, GemmSpecsAreBitwiseTheNamedFastFunctions) {
    const Tensor3 X = random<Tensor3>({4, 20, 30}, 17), Y = random<Tensor3>({4, 30, 10}, 18);
    const Matrix A = random<Matrix>({40, 50}, 19), B = random<Matrix>({50, 60}, 20);
    EXPECT_EQ(fast::einsum("ijz,izk->ijk", X, Y), xt::xarray<double>(fast::bmm(X, Y)));
    EXPECT_EQ(fast::einsum("ij,jk->ik", A, B), xt::xarray<double>(fast::matmul(A, B)));
    EXPECT_EQ(fast::einsum("ijk,ijk->", X, X)(), fast::gdt(X, X));
}

// ---------------------------------------------------------------- reproducibility

// Every entry is summed in an order fixed by k alone, so the result is the
// same bits run to run and for any number of threads.
TEST(Reproducibility, MatmulGramBmmAreBitwiseIdenticalForOneTwoAndThreeThreads) {
    // depth k chosen so that both A B (m k n multiply-adds) and gram(A)
    // (m^2 k / 2) reach gemm_parallel_threshold, where threads start
    constexpr std::size_t m = 301, n = 203, k = 2 * fast::gemm_parallel_threshold / (m * m) + 7;
    static_assert(m * k * n >= fast::gemm_parallel_threshold && m * m * k / 2 >= fast::gemm_parallel_threshold);
    const Matrix A = random<Matrix>({m, k}, 21), B = random<Matrix>({k, n}, 22);
    // a batch of products each below gemm_parallel_threshold whose total
    // reaches batch_threshold: the threads share out the batch
    constexpr std::size_t nb = 3, bm = 90, bk = 80, bn = 70;
    static_assert(bm * bk * bn < fast::gemm_parallel_threshold && nb * bm * bk * bn >= fast::batch_threshold);
    const Tensor3 X = random<Tensor3>({nb, bm, bk}, 23), Y = random<Tensor3>({nb, bk, bn}, 24);
    Matrix C1, G1, C2, G2, C3, C4, G4;
    Tensor3 Z1, Z2;
    {
        const scoped_threads one(1);
        C1 = fast::matmul(A, B);
        G1 = fast::gram(A);
        Z1 = fast::bmm(X, Y);
    }
    {
        const scoped_threads two(2);
        C2 = fast::matmul(A, B);
        G2 = fast::gram(A);
        Z2 = fast::bmm(X, Y);
        C3 = fast::matmul(A, B);
    }
    {
        const scoped_threads three(3);  // an odd team: tasks are shared out differently
        C4 = fast::matmul(A, B);
        G4 = fast::gram(A);
    }
    EXPECT_TRUE(C1 == C2);
    EXPECT_TRUE(C2 == C3);
    EXPECT_TRUE(C1 == C4);
    EXPECT_TRUE(G1 == G4);
    EXPECT_TRUE(G1 == G2);
    EXPECT_TRUE(Z1 == Z2);
}

// ---------------------------------------------------------------- bad input: same errors as the reference

TEST(BadInput, SameMessagesAsTheReference) {
    const Matrix A23 = Matrix::from_shape({2, 3}), A42 = Matrix::from_shape({4, 2});
    EXPECT_EQ(expect_same_error([&] { fast::matmul(A23, A42); }, [&] { ref::matmul(A23, A42); }),
              "matmul: inner dimensions differ (A is 2x3, B is 4x2)");
    const Vector x4 = Vector::from_shape({4});
    expect_same_error([&] { fast::matvec(A23, x4); }, [&] { ref::matvec(A23, x4); });
    const Tensor3 X234 = Tensor3::from_shape({2, 3, 4}), X345 = Tensor3::from_shape({3, 4, 5});
    const Tensor3 X255 = Tensor3::from_shape({2, 5, 5});
    EXPECT_EQ(expect_same_error([&] { fast::bmm(X234, X345); }, [&] { ref::bmm(X234, X345); }),
              "bmm: batch sizes differ (A is 2x3x4, B is 3x4x5)");
    EXPECT_EQ(expect_same_error([&] { fast::bmm(X234, X255); }, [&] { ref::bmm(X234, X255); }),
              "bmm: inner dimensions differ (A is 2x3x4, B is 2x5x5)");
    const Tensor3 X123 = Tensor3::from_shape({1, 2, 3}), X132 = Tensor3::from_shape({1, 3, 2});
    EXPECT_EQ(expect_same_error([&] { fast::gdt(X123, X132); }, [&] { ref::gdt(X123, X132); }),
              "gdt: shapes differ (X is 1x2x3, Y is 1x3x2)");
}

TEST(BadInput, EinsumRejectsWhatTheReferenceRejects) {
    const xt::xarray<double> A = Matrix::from_shape({2, 3}), B = Matrix::from_shape({4, 2});
    const auto same = [&](const std::string& spec, auto... operands) {
        return expect_same_error([&] { fast::einsum(spec, operands...); }, [&] { ref::einsum(spec, operands...); });
    };
    const std::string msg = same("ij,jk->ik", A, B);
    EXPECT_NE(msg.find("the letter 'j' has extent 3 in operand 1 but 4 in operand 2"), std::string::npos) << msg;
    EXPECT_NE(same("ijz,izk->ijk", A, B).find("operand 1 has rank 2"), std::string::npos);
    EXPECT_NE(same("ij->jj", A).find("'j' appears twice"), std::string::npos);
    EXPECT_NE(same("ii->", A).find("the letter 'i'"), std::string::npos);
    EXPECT_THROW(fast::einsum("ij,jk->ik", A, B), dlmath::shape_error);
}

// gram accepts every matrix: the degenerate ones give NumPy's answer.
TEST(BadInput, GramAcceptsDegenerateShapes) {
    EXPECT_EQ(fast::gram(Matrix::from_shape({0, 3})).size(), 0u);
    EXPECT_EQ(fast::gram(Matrix::from_shape({2, 0})), (Matrix{{0, 0}, {0, 0}}));
}

// ---------------------------------------------------------------- the edges of the double range

// 1e200 [[1, 1], [1, -1]] squared: the reference used to give [inf, NaN, NaN,
// inf] and the fast GEMM (FMA) all +inf; both now give the true [[inf, 0], [0, inf]].
TEST(EdgesAgreement, ProductsOverflowOnlyWhereTheValueDoes) {
    const Matrix H = 1e200 * Matrix{{1.0, 1.0}, {1.0, -1.0}};
    const Matrix expected = {{kInf, 0.0}, {0.0, kInf}};
    EXPECT_EQ(fast::matmul(H, H), expected);
    EXPECT_EQ(fast::matmul(H, H), ref::matmul(H, H));
    EXPECT_EQ(fast::gram(H), ref::gram(H));
    EXPECT_EQ(fast::einsum("ij,jk->ik", H, H), ref::einsum("ij,jk->ik", H, H));
    EXPECT_EQ(fast::einsum("ij,kj->ik", H, H), ref::einsum("ij,kj->ik", H, H));
    EXPECT_EQ(fast::matvec(H, Vector{1e200, 1e200}), ref::matvec(H, Vector{1e200, 1e200}));
    Tensor3 B = Tensor3::from_shape({1, 2, 2});
    std::copy(H.begin(), H.end(), B.begin());
    EXPECT_EQ(fast::bmm(B, B), ref::bmm(B, B));
}

// The inner products agree at the edge too: 1e400 - 1e400 is 0 in both
// twins (the reference used to give NaN, the fast twin +inf), for short
// vectors and for threaded lengths, where the partial sums overflow in
// different blocks. The long case uses powers of two, so that every scaled
// partial sum is exact in any order: with entries like 1e200 the rounding
// of the scaled sum, times 2^1329, is itself beyond the range (the error
// bound gamma_n * sum |x_i y_i| is), and the twins' orders give +-inf.
TEST(EdgesAgreement, InnerProductsOverflowOnlyWhereTheValueDoes) {
    EXPECT_EQ(fast::dot(Vector{1e200, -1e200}, Vector{1e200, 1e200}), 0.0);
    EXPECT_EQ(fast::dot(Vector{1e200, 1e200}, Vector{1e200, 1e200}), kInf);
    const std::size_t n = 4 * dlmath::fast::parallel_threshold;
    Vector x = xt::ones<double>({n}) * 0x1p600, y = xt::ones<double>({n}) * 0x1p600;
    for (std::size_t i = n / 2; i < n; ++i) x(i) = -0x1p600;  // the halves cancel exactly
    EXPECT_EQ(fast::dot(x, y), ref::dot(x, y));
    EXPECT_EQ(fast::dot(x, y), 0.0);
    Tensor3 X = Tensor3::from_shape({1, 1, 2}), Y = Tensor3::from_shape({1, 1, 2});
    X(0, 0, 0) = 1e200, X(0, 0, 1) = -1e200, Y(0, 0, 0) = 1e200, Y(0, 0, 1) = 1e200;
    EXPECT_EQ(fast::gdt(X, Y), ref::gdt(X, Y));
    EXPECT_EQ(fast::gdt(X, Y), 0.0);
}

// The one-operand sums at the edge: the twins add in different orders (SIMD
// lanes and blocks against one running sum), so an operand could overflow on
// the way in one and not in the other; both recompute such entries from the
// scaled operand. The long cases use powers of two, so that every scaled sum
// is exact in any order (as in the inner products above), and are past
// parallel_threshold, so that the fast blocks overflow apart.
TEST(EdgesAgreement, OneOperandSumsOverflowOnlyWhereTheValueDoes) {
    const xt::xarray<double> v = Vector{1e308, 1e308, -1e308};
    EXPECT_EQ(fast::einsum("a->", v)(), ref::einsum("a->", v)());
    EXPECT_EQ(fast::einsum("a->", v)(), 1e308);
    const xt::xarray<double> two = Vector{1e308, 1e308};
    EXPECT_EQ(fast::einsum("a->", two)(), kInf);
    const std::size_t n = 300;
    static_assert(300 * 300 >= fast::parallel_threshold);
    xt::xarray<double> M = xt::ones<double>({n, n}) * 0x1p1020;
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = n / 2; j < n; ++j) M(i, j) = -0x1p1020;  // each row: halves that cancel exactly
    for (const char* spec : {"ab->a", "ab->", "ab->b", "ba->a", "aa->"})
        EXPECT_EQ(fast::einsum(spec, M), ref::einsum(spec, M)) << spec;
    // the row sums, the full sum and the trace are 0; a column sums 300 * 2^1020 > 2^1024: +-inf, honestly
    EXPECT_EQ(fast::einsum("ab->a", M), xt::xarray<double>(xt::zeros<double>({n})));
    EXPECT_EQ(fast::einsum("ab->", M)(), 0.0);
    EXPECT_EQ(fast::einsum("aa->", M)(), 0.0);
    EXPECT_EQ(fast::einsum("ab->b", M)(0), kInf);
    EXPECT_EQ(fast::einsum("ab->b", M)(n - 1), -kInf);
    // a private letter summed out first goes through the same rescue
    EXPECT_EQ(fast::einsum("ab,c->c", M, xt::xarray<double>(Vector{0.5})),
              ref::einsum("ab,c->c", M, xt::xarray<double>(Vector{0.5})));
    EXPECT_TRUE(std::isnan(fast::einsum("a->", xt::xarray<double>(Vector{kInf, -kInf}))()));
}

// Letters private to one operand are summed out first in both twins (the
// fast one then sends what remains to its kernels). Exact integers: equal bits.
TEST(EinsumAgreement, PrivateLettersAreSummedFirst) {
    const std::size_t n = 120;  // once 9 s in the n^4 loop
    const xt::xarray<double> O = xt::ones<double>({n, n});
    EXPECT_EQ(fast::einsum("ab,cd->", O, O)(), static_cast<double>(n * n * n * n));
    xt::xarray<double> A = xt::zeros<double>({3, 4, 5}), B = xt::zeros<double>({5, 6});
    for (std::size_t k = 0; k < A.size(); ++k) A.data()[k] = static_cast<double>(k % 7) - 3.0;
    for (std::size_t k = 0; k < B.size(); ++k) B.data()[k] = static_cast<double>(k % 5) - 2.0;
    for (const char* spec : {"abc,cd->ad", "abc,cd->bd", "abc,de->a", "abc,cd->", "abc,cd"}) {
        EXPECT_EQ(fast::einsum(spec, A, B), ref::einsum(spec, A, B)) << spec;
    }
}

TEST(BadInput, EinsumSpecsOutsidePrintableAsciiSameAsTheReference) {
    const Matrix A = Matrix::from_shape({2, 2});
    expect_same_error([&] { fast::einsum("\xC3\xA9j", A, A); }, [&] { ref::einsum("\xC3\xA9j", A, A); });
    expect_same_error([&] { fast::einsum(std::string_view("i\0,j", 4), A, A); },
                      [&] { ref::einsum(std::string_view("i\0,j", 4), A, A); });
    expect_same_error([&] { fast::einsum("ii,jk->", Matrix::from_shape({2, 3}), A); },
                      [&] { ref::einsum("ii,jk->", Matrix::from_shape({2, 3}), A); });
}

// ---------------------------------------------------------------- the element-wise twins

// add, scale, hadamard and transpose are xtensor's expressions; trace and
// frobenius forward. Each entry is one correctly rounded operation, so the
// twins agree bitwise; the errors are the reference's.
TEST(ElementWiseTwins, AgreeBitwiseWithTheReference) {
    const Matrix A = random<Matrix>({5, 7}, 11), B = random<Matrix>({5, 7}, 12), Q = random<Matrix>({6, 6}, 13);
    EXPECT_EQ(fast::add(A, B), ref::add(A, B));
    EXPECT_EQ(fast::scale(-2.5, A), ref::scale(-2.5, A));
    EXPECT_EQ(fast::hadamard(A, B), ref::hadamard(A, B));
    EXPECT_EQ(fast::transpose(A), ref::transpose(A));
    EXPECT_EQ(fast::trace(Q), ref::trace(Q));
    EXPECT_EQ(fast::frobenius(A), ref::frobenius(A));
    EXPECT_EQ(fast::frobenius(Matrix{{1e300, 1e300}}), ref::frobenius(Matrix{{1e300, 1e300}}));  // no overflow
    EXPECT_EQ(fast::transpose(Matrix::from_shape({0, 3})).shape(), ref::transpose(Matrix::from_shape({0, 3})).shape());
    expect_same_error([&] { fast::add(A, Q); }, [&] { ref::add(A, Q); });
    expect_same_error([&] { fast::hadamard(A, Q); }, [&] { ref::hadamard(A, Q); });
    expect_same_error([&] { fast::trace(A); }, [&] { ref::trace(A); });
}
