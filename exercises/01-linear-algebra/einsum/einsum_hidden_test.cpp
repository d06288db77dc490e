// Hidden tests of the einsum exercise: letters shared by operands and kept
// in the output, diagonals, the implicit output, three operands, the errors,
// the cost of letters that only one operand has, and RapidCheck properties.
// Entries are small integers, whose sums and products are exact (every
// value below stays far under 2^53): the comparisons are exact.
#include "einsum.hpp"

#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <dlmath/errors.hpp>

using dlmath::exercises::einsum;
using Array = xt::xarray<double>;
using Shape = std::vector<std::size_t>;

namespace {
// entries 1 - (k mod 5), k = 0, 1, 2, ... in row-major order: small, signed
Array numbered(const Shape& s, int start = 0) {
    Array a = Array::from_shape(s);
    for (std::size_t k = 0; k < a.size(); ++k) a.data()[k] = static_cast<double>(1 - (static_cast<int>(k) + start) % 5);
    return a;
}
Shape shape_of(const Array& a) { return Shape(a.shape().begin(), a.shape().end()); }
void expect_equal(const Array& got, const Array& want, const std::string& what) {
    ASSERT_EQ(shape_of(got), shape_of(want)) << what;
    for (std::size_t k = 0; k < want.size(); ++k) EXPECT_EQ(got.data()[k], want.data()[k]) << what << ", entry " << k;
}
Array from_ints(const Shape& s, const std::vector<int>& v) {
    Array a = Array::from_shape(s);
    for (std::size_t k = 0; k < a.size(); ++k) a.data()[k] = v[k];
    return a;
}
}  // namespace

TEST(EinsumHidden, LettersKeptInTheOutputAreNotSummed) {
    // Hadamard product: i occurs in both operands and in the output
    const Array x = {1.0, -2.0, 3.0}, y = {4.0, 5.0, -6.0};
    expect_equal(einsum("i,i->i", {x, y}), Array{4.0, -10.0, -18.0}, "i,i->i");
    // batched matrix product: b is shared and kept
    const Array A = numbered({2, 2, 3}), B = numbered({2, 3, 2}, 3);
    Array want = xt::zeros<double>({2, 2, 2});
    for (std::size_t b = 0; b < 2; ++b)
        for (std::size_t i = 0; i < 2; ++i)
            for (std::size_t k = 0; k < 2; ++k)
                for (std::size_t j = 0; j < 3; ++j) want(b, i, k) += A(b, i, j) * B(b, j, k);
    expect_equal(einsum("bij,bjk->bik", {A, B}), want, "bij,bjk->bik");
    // row-wise inner products: i kept, j summed
    const Array X = numbered({3, 4}), Y = numbered({3, 4}, 2);
    Array rows = xt::zeros<double>({3});
    for (std::size_t i = 0; i < 3; ++i)
        for (std::size_t j = 0; j < 4; ++j) rows(i) += X(i, j) * Y(i, j);
    expect_equal(einsum("ij,ij->i", {X, Y}), rows, "ij,ij->i");
}

TEST(EinsumHidden, AttentionScores) {
    // "ijz,ikz->ijk": for each batch i, Q_i K_i^T
    const Array Q = numbered({2, 3, 4}), K = numbered({2, 2, 4}, 1);
    Array want = xt::zeros<double>({2, 3, 2});
    for (std::size_t i = 0; i < 2; ++i)
        for (std::size_t j = 0; j < 3; ++j)
            for (std::size_t k = 0; k < 2; ++k)
                for (std::size_t z = 0; z < 4; ++z) want(i, j, k) += Q(i, j, z) * K(i, k, z);
    expect_equal(einsum("ijz,ikz->ijk", {Q, K}), want, "ijz,ikz->ijk");
}

TEST(EinsumHidden, RepeatedLettersReadTheDiagonal) {
    const Array A = from_ints({3, 3}, {1, 2, 3, 4, 5, 6, 7, 8, 9});
    expect_equal(einsum("ii->i", {A}), Array{1.0, 5.0, 9.0}, "ii->i");
    expect_equal(einsum("ii->", {A}), Array(15.0), "ii->");
    expect_equal(einsum("ij->ji", {A}), Array(xt::transpose(A)), "ij->ji");
    // a letter repeated in one operand and shared with another: sum_i A_ii x_i
    const Array x = {1.0, 10.0, 100.0};
    expect_equal(einsum("ii,i->", {A, x}), Array(1.0 + 50.0 + 900.0), "ii,i->");
}

TEST(EinsumHidden, TheImplicitOutputIsTheLettersSeenOnceInOrder) {
    const Array A = numbered({2, 3}), B = numbered({3, 4}, 1);
    expect_equal(einsum("ij,jk", {A, B}), einsum("ij,jk->ik", {A, B}), "ij,jk");
    // "ji" has output "ij": the transpose
    expect_equal(einsum("ji", {A}), Array(xt::transpose(A)), "ji");
    expect_equal(einsum("ij", {A}), A, "ij");
    const Array S = from_ints({2, 2}, {3, 1, 4, 1});
    expect_equal(einsum("ii", {S}), Array(4.0), "ii");
    const Array x = {1.0, 2.0, 3.0};
    expect_equal(einsum("i,i", {x, x}), Array(14.0), "i,i");
    // "kj,ji": output "ik", the letters in alphabetical order
    const Array K = numbered({4, 3}), J = numbered({3, 2}, 1);
    expect_equal(einsum("kj,ji", {K, J}), einsum("kj,ji->ik", {K, J}), "kj,ji");
}

TEST(EinsumHidden, ThreeOperandsAndScalars) {
    const Array A = numbered({2, 3}), B = numbered({3, 2}, 1), C = numbered({2, 4}, 2);
    Array want = xt::zeros<double>({2, 4});
    for (std::size_t i = 0; i < 2; ++i)
        for (std::size_t l = 0; l < 4; ++l)
            for (std::size_t j = 0; j < 3; ++j)
                for (std::size_t k = 0; k < 2; ++k) want(i, l) += A(i, j) * B(j, k) * C(k, l);
    expect_equal(einsum("ij,jk,kl->il", {A, B, C}), want, "ij,jk,kl->il");
    const Array two = 2.0;
    expect_equal(einsum(",ij->ij", {two, A}), Array(2.0 * A), ",ij->ij");
    // an empty extent: empty sums are 0
    expect_equal(einsum("ij,jk->ik", {numbered({2, 0}), numbered({0, 3})}), Array(xt::zeros<double>({2, 3})),
                 "ij,jk->ik with j of extent 0");
}

TEST(EinsumHidden, MalformedSpecsAreShapeErrors) {
    const Array A = numbered({2, 3});
    EXPECT_THROW(einsum("ij->ii", {A}), dlmath::shape_error);   // an output letter twice
    EXPECT_THROW(einsum("ij->k", {A}), dlmath::shape_error);    // in no operand
    EXPECT_THROW(einsum("i1->i", {A}), dlmath::shape_error);    // not a letter
    EXPECT_THROW(einsum("ijk->i", {A}), dlmath::shape_error);   // rank 2, three letters
    EXPECT_THROW(einsum("ij,jk->ik", {A}), dlmath::shape_error);
    EXPECT_THROW(einsum("ii->i", {A}), dlmath::shape_error);    // a diagonal of a 2 x 3 matrix
    try {
        (void)einsum("ij,jk->ik", {A, numbered({4, 2})});
        ADD_FAILURE() << "no shape_error for j of extents 3 and 4";
    } catch (const dlmath::shape_error& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("einsum"), std::string::npos) << what;
        EXPECT_NE(what.find("'j'"), std::string::npos) << what;
    }
}

TEST(EinsumHidden, LettersOfOneOperandAreSummedOutFirst) {
    // "ab,cd->" is (sum of A)(sum of B): about 2 n^2 additions. Walking all
    // four letters together would take n^4 = 8.1e9 steps, minutes instead of
    // milliseconds, and the test times out.
    const std::size_t n = 300;
    const Array A = xt::ones<double>({n, n}), B = xt::ones<double>({n, n});
    const Array r = einsum("ab,cd->", {A, B});
    expect_equal(r, Array(static_cast<double>(n * n) * static_cast<double>(n * n)), "ab,cd->");
    const Array s = einsum("ab,bc->", {A, B});  // sum_b (column sums of A)_b (row sums of B)_b
    expect_equal(s, Array(static_cast<double>(n * n * n)), "ab,bc->");
}

// Every reduction and permutation of one rank-3 operand: the output letters
// index the result, the others are summed. A failure is shrunk to a
// smallest shape and spec.
RC_GTEST_PROP(EinsumHidden, SumsOverExactlyTheLettersNotInTheOutput, ()) {
    const auto a = *rc::gen::inRange<std::size_t>(0, 4);
    const auto b = *rc::gen::inRange<std::size_t>(0, 4);
    const auto c = *rc::gen::inRange<std::size_t>(0, 4);
    const auto keep = *rc::gen::container<std::vector<bool>>(3, rc::gen::arbitrary<bool>());
    const auto order = *rc::gen::inRange(0, 6);  // one of the 3! orders of the kept letters
    std::string out;
    for (int k = 0; k < 3; ++k)
        if (keep[k]) out += "ijk"[k];
    for (int r = 0; r < order; ++r) std::next_permutation(out.begin(), out.end());
    const std::string spec = "ijk->" + out;
    RC_LOG() << "spec " << spec << ", shape (" << a << ", " << b << ", " << c << ")\n";
    const Array X = numbered({a, b, c});
    const Array got = einsum(spec, {X});
    Shape want_shape;
    const std::size_t ext[3] = {a, b, c};
    for (char ch : out) want_shape.push_back(ext[ch - 'i']);
    RC_ASSERT(shape_of(got) == want_shape);
    Array want = xt::zeros<double>(want_shape);
    for (std::size_t i = 0; i < a; ++i)
        for (std::size_t j = 0; j < b; ++j)
            for (std::size_t k = 0; k < c; ++k) {
                const std::size_t v[3] = {i, j, k};
                std::size_t off = 0;
                for (char ch : out) off = off * ext[ch - 'i'] + v[ch - 'i'];
                want.data()[off] += X(i, j, k);
            }
    for (std::size_t k = 0; k < want.size(); ++k) RC_ASSERT(got.data()[k] == want.data()[k]);
}

// Batched products with random extents (0 included), the batch letter kept.
RC_GTEST_PROP(EinsumHidden, BatchedProductsOfRandomShapes, ()) {
    const auto nb = *rc::gen::inRange<std::size_t>(0, 4);
    const auto m = *rc::gen::inRange<std::size_t>(0, 4);
    const auto k = *rc::gen::inRange<std::size_t>(0, 4);
    const auto n = *rc::gen::inRange<std::size_t>(0, 4);
    const Array A = numbered({nb, m, k}), B = numbered({nb, k, n}, 2);
    Array want = xt::zeros<double>({nb, m, n});
    for (std::size_t b = 0; b < nb; ++b)
        for (std::size_t i = 0; i < m; ++i)
            for (std::size_t j = 0; j < n; ++j)
                for (std::size_t p = 0; p < k; ++p) want(b, i, j) += A(b, i, p) * B(b, p, j);
    const Array got = einsum("bip,bpj->bij", {A, B});
    RC_ASSERT(shape_of(got) == shape_of(want));
    for (std::size_t q = 0; q < want.size(); ++q) RC_ASSERT(got.data()[q] == want.data()[q]);
}
