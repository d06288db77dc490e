/// \file
/// \brief Chapter 1, operations and products — reference twin.
///
/// Every function has a fast twin of the same signature in
/// dlmath/fast/linear_algebra/products.hpp. For the element-wise operations
/// (add, scale, hadamard) and transpose the fast twin is xtensor's own
/// expression (`A + B`, `t * A`, `A * B`, `xt::transpose(A)`), already one
/// vectorised, memory-bound pass; trace and the Frobenius norm forward to
/// this twin. The products (matmul, matvec, bmm, gram, gdt, einsum) have
/// kernels of their own.
#pragma once

#include <string_view>

#include <xtensor/xarray.hpp>

#include "dlmath/tensor.hpp"

namespace dlmath::reference {

/// \ingroup chapter1
/// \brief Sum of two matrices of the same shape.
///
/// \f[ (A + B)_{ij} = A_{ij} + B_{ij} \f]
///
/// Shapes: `A ~ (m, n)`, `B ~ (m, n)`; returns `(m, n)`. No broadcasting:
/// use an xtensor expression for that (and mind its broadcasting trap, explained with the notation).
/// \throws dlmath::shape_error if the shapes differ.
/// Accuracy: each entry is correctly rounded. Complexity: \f$ O(mn) \f$.
/// \sa dlmath::fast::add (the xtensor expression `A + B`)
Matrix add(const Matrix& A, const Matrix& B);

/// \ingroup chapter1
/// \brief Scalar multiple of a matrix.
///
/// \f[ (tA)_{ij} = t\, A_{ij} \f]
///
/// Shapes: `A ~ (m, n)`; returns `(m, n)`. Never throws: every shape is valid.
/// Accuracy: each entry is correctly rounded. Complexity: \f$ O(mn) \f$.
/// \sa dlmath::fast::scale (the xtensor expression `t * A`)
Matrix scale(double t, const Matrix& A);

/// \ingroup chapter1
/// \brief Hadamard (element-wise) product of two matrices of the same shape.
///
/// \f[ (A \odot B)_{ij} = A_{ij}\, B_{ij} \f]
///
/// Shapes: `A ~ (m, n)`, `B ~ (m, n)`; returns `(m, n)`.
/// \throws dlmath::shape_error if the shapes differ.
/// Accuracy: each entry is correctly rounded. Complexity: \f$ O(mn) \f$.
/// \sa dlmath::fast::hadamard (the xtensor expression `A * B`)
Matrix hadamard(const Matrix& A, const Matrix& B);

/// \ingroup chapter1
/// \brief Transpose of a matrix.
///
/// \f[ (A^\top)_{ij} = A_{ji} \f]
///
/// Shapes: `A ~ (m, n)`; returns `(n, m)`. Never throws.
/// Accuracy: exact (a copy). Complexity: \f$ O(mn) \f$ memory traffic.
/// \sa dlmath::fast::transpose (`xt::transpose(A)` is a free view, and the products below
/// read a transposed operand through strides instead of copying it)
Matrix transpose(const Matrix& A);

/// \ingroup chapter1
/// \brief Trace of a square matrix, the sum of its diagonal.
///
/// \f[ \operatorname{Tr}(A) = \sum_{i=1}^{n} A_{ii} \f]
///
/// Shapes: `A ~ (n, n)`; returns a scalar. The trace of a 0×0 matrix is 0
/// (the empty sum). \throws dlmath::shape_error if `A` is not square.
/// Accuracy: recursive summation, \f$ \gamma_{n-1} \sum_i |A_{ii}| \f$.
/// Complexity: \f$ O(n) \f$. \sa dlmath::fast::trace (forwards here: n additions are not worth threads)
double trace(const Matrix& A);

/// \ingroup chapter1
/// \brief Frobenius norm of a matrix.
///
/// \f[ \|A\|_F = \sqrt{\sum_{i,j} A_{ij}^2} = \sqrt{\operatorname{Tr}(A A^\top)} \f]
///
/// Shapes: `A ~ (m, n)`; returns a scalar, 0 for an empty matrix. Evaluated
/// as \f$ s \sqrt{\sum (A_{ij}/s)^2} \f$ with \f$ s = \max |A_{ij}| \f$, so it
/// neither overflows nor underflows where the norm is a normal number; NaN
/// anywhere gives NaN, otherwise an infinite entry gives +inf.
/// Never throws. Accuracy: relative error of a few \f$ mn\,u \f$.
/// Complexity: \f$ O(mn) \f$. \sa dlmath::fast::frobenius (forwards here)
double frobenius(const Matrix& A);

/// \ingroup chapter1
/// \brief Matrix product: every entry is a row of A dotted with a column of B.
///
/// \f[ C = AB, \qquad C_{ij} = \sum_{p=1}^{k} A_{ip}\, B_{pj} \f]
///
/// Shapes: `A ~ (m, k)`, `B ~ (k, n)`; returns `C ~ (m, n)`. With k = 0 the
/// result is an m×n matrix of zeros (empty sums), as NumPy gives.
/// \throws dlmath::shape_error if the inner dimensions differ, e.g.
/// `matmul: inner dimensions differ (A is 2x3, B is 4x2)`.
/// Accuracy: \f$ |\hat C - C| \le \gamma_k |A||B| \f$ entry-wise.
/// Overflow: an entry is ±inf only when its value lies beyond the double
/// range. Plain arithmetic gives NaN for \f$ 10^{400} - 10^{400} \f$ (and an FMA
/// gives +inf), so the entries that came out inf or NaN from finite A and B
/// are recomputed from \f$ 2^a A \f$ and \f$ 2^b B \f$ (entries below 2) and scaled back:
/// matmul(1e200·[[1,1],[1,-1]], itself) is [[inf, 0], [0, inf]] in both twins
/// (error there: \f$ \gamma_k |A||B| \f$ plus \f$ k\,2^{-1073} \max|A| \max|B| \f$ from the
/// scaled operands). matvec, bmm, gram and einsum do the same.
/// Complexity: \f$ O(mkn) \f$, 2mkn flops.
/// \sa dlmath::fast::matmul
Matrix matmul(const Matrix& A, const Matrix& B);

/// \ingroup chapter1
/// \brief Matrix–vector product.
///
/// \f[ y = Ax, \qquad y_i = \sum_{j=1}^{n} A_{ij}\, x_j \f]
///
/// Shapes: `A ~ (m, n)`, `x ~ (n)`; returns `y ~ (m)` (zeros when n = 0).
/// \throws dlmath::shape_error if `x` does not have n elements.
/// Accuracy: \f$ |\hat y - y| \le \gamma_n |A||x| \f$. Complexity: 2mn flops.
/// \sa dlmath::fast::matvec
Vector matvec(const Matrix& A, const Vector& x);

/// \ingroup chapter1
/// \brief Batched matrix multiplication (BMM): one matrix product per batch entry.
///
/// \f[ C_{tij} = \sum_{p=1}^{b} A_{tip}\, B_{tpj} \f]
///
/// Shapes: `A ~ (n, a, b)`, `B ~ (n, b, c)`; returns `C ~ (n, a, c)`.
/// \throws dlmath::shape_error if the batch sizes or the inner dimensions differ.
/// Accuracy: as matmul, \f$ \gamma_b |A_t||B_t| \f$ per batch entry.
/// Complexity: \f$ O(nabc) \f$, 2nabc flops.
/// \sa dlmath::fast::bmm
Tensor3 bmm(const Tensor3& A, const Tensor3& B);

/// \ingroup chapter1
/// \brief Gram matrix of the rows of X: all pairwise inner products.
///
/// \f[ G = X X^\top, \qquad G_{ij} = \sum_{p=1}^{d} X_{ip}\, X_{jp} = G_{ji} \f]
///
/// Shapes: `X ~ (n, d)`; returns `G ~ (n, n)`, symmetric. Only the lower
/// triangle \f$ j \le i \f$ is computed; the upper one is its mirror, so the
/// result is exactly symmetric and costs half a matmul. Never throws.
/// Accuracy: \f$ \gamma_d |X||X|^\top \f$ entry-wise.
/// Complexity: \f$ n(n+1)d \f$ flops.
/// \sa dlmath::fast::gram
Matrix gram(const Matrix& X);

/// \ingroup chapter1
/// \brief Generalised dot product (GDT) of two rank-3 tensors: \f$ \sum X \odot Y \f$.
///
/// \f[ \langle X, Y \rangle = \sum_{i,j,k} X_{ijk}\, Y_{ijk} \f]
///
/// Shapes: `X ~ (a, b, c)`, `Y ~ (a, b, c)`; returns a scalar (0 if empty).
/// \throws dlmath::shape_error if the shapes differ.
/// Accuracy: \f$ \gamma_{abc} \sum |X_{ijk} Y_{ijk}| \f$. Complexity: 2abc flops.
/// Overflow of finite inputs on the way is handled as in dot().
/// \sa dlmath::fast::gdt
double gdt(const Tensor3& X, const Tensor3& Y);

/// \ingroup chapter1
/// \brief Einstein summation over two operands of any rank.
///
/// The spec names each axis with a letter, e.g. `"ijz,izk->ijk"`: letters
/// that appear in the output (after `->`) index the result, all others are
/// summed over; a letter repeated inside one operand takes its diagonal.
/// \f[ \texttt{"ijz,izk->ijk"}: \quad C_{ijk} = \sum_z A_{ijz} B_{izk} \f]
/// Examples: `"ij,jk->ik"` (matmul), `"ijz,izk->ijk"` (BMM), `"ijk,ijk->"`
/// (GDT), `"ijz,ikz->ijk"` (BMM with the second operand transposed),
/// `"i,j->ij"` (outer product). Without `->` the output is NumPy's implicit
/// one: the letters that appear once, in alphabetical order.
///
/// Operands and result are `xt::xarray<double>` (dynamic rank), so one
/// function serves every rank; a `Vector`, `Matrix` or `Tensor3` converts to
/// it implicitly (by copy). A scalar result is a rank-0 array: read it as
/// `r()`. Empty sums give 0, as NumPy does.
/// \throws dlmath::shape_error for a malformed spec (not a letter, wrong
/// number of terms or letters, unknown or repeated output letter, `...`) or a
/// letter whose extents disagree, naming that letter.
/// A spec with a byte outside printable ASCII (e.g. `"éj"`, an embedded NUL)
/// is rejected by its position; messages quote such bytes as `\xHH`.
/// Accuracy: each output entry is one recursive sum over the summed letters
/// (in order of first appearance), \f$ \gamma_s \sum |a\,b| \f$ for s terms.
/// Overflow: as matmul, an entry is ±inf only beyond the double range.
/// Complexity: as NumPy, a letter that occurs in one operand only and not in
/// the output is summed out of that operand first, so `"ab,cd->"` costs
/// \f$ O(n^2) \f$, not \f$ O(n^4) \f$; then the product of the extents of the
/// remaining distinct letters.
/// \sa dlmath::fast::einsum
xt::xarray<double> einsum(std::string_view spec, const xt::xarray<double>& a, const xt::xarray<double>& b);

/// \ingroup chapter1
/// \brief Einstein summation over one operand: `"ii->"` (trace),
/// `"ij->ji"` (transpose), `"ij->i"` (row sums), `"ii->i"` (diagonal).
///
/// \f[ \texttt{"ii->"}: \quad r = \sum_i A_{ii} \f]
///
/// Same rules, result type and errors as the two-operand einsum.
/// \sa dlmath::fast::einsum
xt::xarray<double> einsum(std::string_view spec, const xt::xarray<double>& a);

}  // namespace dlmath::reference
