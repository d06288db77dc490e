// Chapter 1, operations and products — reference twin.
//
// Rules of this file: each function reads like its formula, with the
// textbook's index names; plain loops; no intrinsics, no OpenMP.

#include "dlmath/reference/linear_algebra/products.hpp"

#include <cmath>
#include <cstddef>
#include <limits>
#include <vector>

#include "dlmath/detail/checks/linear_algebra.hpp"
#include "dlmath/detail/scaling.hpp"

namespace dlmath::reference {

//! [add]
Matrix add(const Matrix& A, const Matrix& B) {
    // A ~ (m, n), B ~ (m, n), returns C ~ (m, n)
    detail::check_add(A, B);
    const std::size_t m = A.shape(0), n = A.shape(1);

    Matrix C = Matrix::from_shape({m, n});
    for (std::size_t i = 0; i < m; ++i) {
        for (std::size_t j = 0; j < n; ++j) {
            C(i, j) = A(i, j) + B(i, j);
        }
    }
    return C;
}
//! [add]

//! [scale]
Matrix scale(double t, const Matrix& A) {
    // A ~ (m, n), returns tA ~ (m, n)
    const std::size_t m = A.shape(0), n = A.shape(1);

    Matrix C = Matrix::from_shape({m, n});
    for (std::size_t i = 0; i < m; ++i) {
        for (std::size_t j = 0; j < n; ++j) {
            C(i, j) = t * A(i, j);
        }
    }
    return C;
}
//! [scale]

//! [hadamard]
Matrix hadamard(const Matrix& A, const Matrix& B) {
    // A ~ (m, n), B ~ (m, n), returns A ⊙ B ~ (m, n)
    detail::check_hadamard(A, B);
    const std::size_t m = A.shape(0), n = A.shape(1);

    Matrix C = Matrix::from_shape({m, n});
    for (std::size_t i = 0; i < m; ++i) {
        for (std::size_t j = 0; j < n; ++j) {
            C(i, j) = A(i, j) * B(i, j);
        }
    }
    return C;
}
//! [hadamard]

//! [transpose]
Matrix transpose(const Matrix& A) {
    // A ~ (m, n), returns Aᵀ ~ (n, m)
    const std::size_t m = A.shape(0), n = A.shape(1);

    Matrix T = Matrix::from_shape({n, m});
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < m; ++j) {
            T(i, j) = A(j, i);
        }
    }
    return T;
}
//! [transpose]

//! [trace]
double trace(const Matrix& A) {
    // A ~ (n, n)
    detail::check_trace(A);
    const std::size_t n = A.shape(0);

    double s = 0.0;  // the empty sum is 0
    for (std::size_t i = 0; i < n; ++i) {
        s += A(i, i);
    }
    return s;
}
//! [trace]

//! [frobenius]
double frobenius(const Matrix& A) {
    // A ~ (m, n)
    const std::size_t m = A.shape(0), n = A.shape(1);

    // s = max |A_ij|; NaN anywhere makes the norm NaN.
    double s = 0.0;
    bool has_nan = false;
    for (std::size_t i = 0; i < m; ++i) {
        for (std::size_t j = 0; j < n; ++j) {
            const double a = std::fabs(A(i, j));
            if (std::isnan(a)) has_nan = true;
            else if (a > s) s = a;
        }
    }
    if (has_nan) return std::numeric_limits<double>::quiet_NaN();
    if (s == 0.0 || std::isinf(s)) return s;

    // ||A||_F = s * sqrt( sum_ij (A_ij / s)^2 ), every term in [0, 1]
    double sum = 0.0;
    for (std::size_t i = 0; i < m; ++i) {
        for (std::size_t j = 0; j < n; ++j) {
            const double w = A(i, j) / s;
            sum += w * w;
        }
    }
    return s * std::sqrt(sum);
}
//! [frobenius]

//! [matmul]
Matrix matmul(const Matrix& A, const Matrix& B) {
    // A ~ (m, k), B ~ (k, n), returns C ~ (m, n)
    detail::check_matmul(A, B);
    const std::size_t m = A.shape(0), k = A.shape(1), n = B.shape(1);

    Matrix C = Matrix::from_shape({m, n});
    for (std::size_t i = 0; i < m; ++i) {
        for (std::size_t j = 0; j < n; ++j) {
            // C_ij = sum_p A_ip B_pj: row i of A dotted with column j of B
            double s = 0.0;
            for (std::size_t p = 0; p < k; ++p) {
                s += A(i, p) * B(p, j);
            }
            C(i, j) = s;
        }
    }
    // an entry that overflowed on the way (1e400 - 1e400 is NaN in doubles, not 0)
    // is recomputed from operands scaled by powers of two (detail/scaling.hpp)
    detail::recompute_overflowed(A, B, C, matmul);
    return C;
}
//! [matmul]

//! [matvec]
Vector matvec(const Matrix& A, const Vector& x) {
    // A ~ (m, n), x ~ (n), returns y ~ (m)
    detail::check_matvec(A, x);
    const std::size_t m = A.shape(0), n = A.shape(1);

    Vector y = Vector::from_shape({m});
    for (std::size_t i = 0; i < m; ++i) {
        double s = 0.0;  // y_i = sum_j A_ij x_j
        for (std::size_t j = 0; j < n; ++j) {
            s += A(i, j) * x(j);
        }
        y(i) = s;
    }
    detail::recompute_overflowed(A, x, y, matvec);  // as in matmul
    return y;
}
//! [matvec]

//! [bmm]
Tensor3 bmm(const Tensor3& A, const Tensor3& B) {
    // A ~ (nb, a, b), B ~ (nb, b, c), returns C ~ (nb, a, c)
    detail::check_bmm(A, B);
    const std::size_t nb = A.shape(0), a = A.shape(1), b = A.shape(2), c = B.shape(2);

    Tensor3 C = Tensor3::from_shape({nb, a, c});
    for (std::size_t t = 0; t < nb; ++t) {  // one matrix product per batch entry
        for (std::size_t i = 0; i < a; ++i) {
            for (std::size_t j = 0; j < c; ++j) {
                double s = 0.0;  // C_tij = sum_p A_tip B_tpj
                for (std::size_t p = 0; p < b; ++p) {
                    s += A(t, i, p) * B(t, p, j);
                }
                C(t, i, j) = s;
            }
        }
    }
    detail::recompute_overflowed(A, B, C, bmm);  // as in matmul
    return C;
}
//! [bmm]

//! [gram]
Matrix gram(const Matrix& X) {
    // X ~ (n, d), returns G = X Xᵀ ~ (n, n)
    const std::size_t n = X.shape(0), d = X.shape(1);

    Matrix G = Matrix::from_shape({n, n});
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j <= i; ++j) {  // lower triangle only
            double s = 0.0;  // G_ij = <row i, row j>
            for (std::size_t p = 0; p < d; ++p) {
                s += X(i, p) * X(j, p);
            }
            G(i, j) = s;
            G(j, i) = s;  // symmetry: G_ji = G_ij
        }
    }
    // as in matmul; both operands are X, scaled alike
    detail::recompute_overflowed(X, X, G, [](const Matrix& Xs, const Matrix&) { return gram(Xs); });
    return G;
}
//! [gram]

//! [gdt]
double gdt(const Tensor3& X, const Tensor3& Y) {
    // X ~ (a, b, c), Y ~ (a, b, c)
    detail::check_gdt(X, Y);
    const std::size_t a = X.shape(0), b = X.shape(1), c = X.shape(2);

    double s = 0.0;  // the empty sum is 0
    for (std::size_t i = 0; i < a; ++i) {
        for (std::size_t j = 0; j < b; ++j) {
            for (std::size_t k = 0; k < c; ++k) {
                s += X(i, j, k) * Y(i, j, k);
            }
        }
    }
    return detail::recompute_overflowed_sum(X, Y, s, gdt);  // as in dot
}
//! [gdt]

namespace {

// Where one letter moves an operand: the sum of the row-major strides of the
// axes it names (a letter repeated in one term walks the diagonal).
std::vector<std::size_t> letter_strides(const std::string& term, const xt::xarray<double>& x,
                                        const std::string& letters) {
    std::vector<std::size_t> axis_stride(term.size());
    std::size_t stride = 1;
    for (std::size_t axis = term.size(); axis-- > 0;) {
        axis_stride[axis] = stride;
        stride *= x.shape()[axis];
    }
    std::vector<std::size_t> s(letters.size(), 0);
    for (std::size_t l = 0; l < letters.size(); ++l)
        for (std::size_t axis = 0; axis < term.size(); ++axis)
            if (term[axis] == letters[l]) s[l] += axis_stride[axis];
    return s;
}

// Advances the multi-index `idx` (extents `ext`) like an odometer, last
// letter fastest; returns false after the last index.
bool next_index(std::vector<std::size_t>& idx, const std::vector<std::size_t>& ext) {
    for (std::size_t l = idx.size(); l-- > 0;) {
        if (++idx[l] < ext[l]) return true;
        idx[l] = 0;
    }
    return false;
}

//! [einsum]
// R[out] = sum over the summed letters of  prod_t X_t[its letters]
xt::xarray<double> einsum_loops(const detail::EinsumSpec& s, const std::vector<const xt::xarray<double>*>& X) {
    // letters: first those of the output, then the summed ones
    const std::string letters = s.output + s.summed;
    const std::size_t n_out = s.output.size(), n_sum = s.summed.size();
    std::vector<std::size_t> ext(letters.size());
    for (std::size_t l = 0; l < letters.size(); ++l) ext[l] = s.extent[static_cast<unsigned char>(letters[l])];

    std::vector<std::size_t> out_shape(ext.begin(), ext.begin() + static_cast<std::ptrdiff_t>(n_out));
    xt::xarray<double> R = xt::zeros<double>(out_shape);  // empty sums stay 0
    if (R.size() == 0) return R;
    std::size_t sum_terms = 1;
    for (std::size_t l = n_out; l < letters.size(); ++l) sum_terms *= ext[l];
    if (sum_terms == 0) return R;

    std::vector<std::vector<std::size_t>> stride;  // stride[t][l]: operand t, letter l
    for (std::size_t t = 0; t < X.size(); ++t) stride.push_back(letter_strides(s.inputs[t], *X[t], letters));

    std::vector<std::size_t> out(n_out, 0), ext_out(ext.begin(), ext.begin() + static_cast<std::ptrdiff_t>(n_out));
    std::vector<std::size_t> sum(n_sum, 0), ext_sum(ext.begin() + static_cast<std::ptrdiff_t>(n_out), ext.end());
    std::size_t r = 0;  // flat index into R, row-major over the output letters
    do {
        double acc = 0.0;
        do {
            double term = 1.0;
            for (std::size_t t = 0; t < X.size(); ++t) {
                std::size_t offset = 0;
                for (std::size_t l = 0; l < n_out; ++l) offset += out[l] * stride[t][l];
                for (std::size_t l = 0; l < n_sum; ++l) offset += sum[l] * stride[t][n_out + l];
                term = (t == 0) ? X[t]->data()[offset] : term * X[t]->data()[offset];
            }
            acc += term;
        } while (next_index(sum, ext_sum));
        R.data()[r++] = acc;
    } while (next_index(out, ext_out));
    return R;
}
//! [einsum]

std::vector<std::size_t> shape_of(const xt::xarray<double>& x) { return {x.shape().begin(), x.shape().end()}; }

}  // namespace

xt::xarray<double> einsum(std::string_view spec, const xt::xarray<double>& a, const xt::xarray<double>& b) {
    const detail::EinsumSpec s = detail::check_einsum(spec, {shape_of(a), shape_of(b)});
    // letters private to one operand are summed out first (NumPy's order),
    // then the loops; overflowed entries are recomputed scaled (detail/einsum_spec.hpp)
    return detail::einsum_two_operands(
        detail::fn::einsum, s, a, b,
        [](const detail::EinsumSpec& r, const xt::xarray<double>& x, const xt::xarray<double>& y) {
            return einsum_loops(r, {&x, &y});
        },
        [](const std::string& spec1, const xt::xarray<double>& x) { return einsum(spec1, x); });
}

xt::xarray<double> einsum(std::string_view spec, const xt::xarray<double>& a) {
    const detail::EinsumSpec s = detail::check_einsum(spec, {shape_of(a)});
    // the loops; entries that overflowed on the way are recomputed scaled (detail/einsum_spec.hpp)
    return detail::einsum_one_operand(a, [&s](const xt::xarray<double>& x) { return einsum_loops(s, {&x}); });
}

}  // namespace dlmath::reference
