// Chapter 3, section 3.2: stable formulas — reference twin.
//
// Rules of this file: each function reads like its formula; plain loops;
// no intrinsics, no OpenMP. The vector forms are templates, instantiated
// for float and double at the end of the file.

#include "dlmath/reference/numerical/stable.hpp"

#include <cmath>
#include <cstddef>
#include <limits>
#include <numbers>

#include "dlmath/detail/checks/numerical.hpp"
#include "dlmath/detail/composites/stable.hpp"

namespace dlmath::reference {
namespace {

// Index of the largest entry of x, or of its first NaN; n = 0 gives 0.
template <class T>
std::size_t argmax_or_nan(const xt::xtensor<T, 1>& x) {
    std::size_t k = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        if (std::isnan(x(i))) return i;
        if (x(i) > x(k)) k = i;
    }
    return k;
}

// Copies row i (axis 1) or column i (axis 0) of X into a vector.
Vector line(const Matrix& X, int axis, std::size_t i) {
    const std::size_t n = axis == 1 ? X.shape(1) : X.shape(0);
    Vector v = Vector::from_shape({n});
    for (std::size_t j = 0; j < n; ++j) v(j) = axis == 1 ? X(i, j) : X(j, i);
    return v;
}

// Y = f applied to each row (axis 1) or column (axis 0) of X.
template <class F>
Matrix along(const Matrix& X, int axis, F f) {
    Matrix Y = Matrix::from_shape(X.shape());
    const std::size_t lines = axis == 1 ? X.shape(0) : X.shape(1);
    for (std::size_t i = 0; i < lines; ++i) {
        const Vector y = f(line(X, axis, i));
        for (std::size_t j = 0; j < y.size(); ++j) (axis == 1 ? Y(i, j) : Y(j, i)) = y(j);
    }
    return Y;
}

Vector flat(const Matrix& X) {
    Vector v = Vector::from_shape({X.size()});
    for (std::size_t k = 0; k < X.size(); ++k) v(k) = X.data()[k];
    return v;
}

Matrix unflat(const Vector& v, const Matrix& like) {
    Matrix Y = Matrix::from_shape(like.shape());
    for (std::size_t k = 0; k < v.size(); ++k) Y.data()[k] = v(k);
    return Y;
}

}  // namespace

template <class T>
T logsumexp_naive(const xt::xtensor<T, 1>& a) {
    // log sum_i e^(a_i), as written: e^(a_i) overflows for a_i > log(max)
    T s = 0;
    for (std::size_t i = 0; i < a.size(); ++i) s += std::exp(a(i));
    return std::log(s);
}

//! [logsumexp]
template <class T>
T logsumexp(const xt::xtensor<T, 1>& a) {
    // LSE(a) = m + log1p(sum_{i != k} e^(a_i - m)),  m = a_k = max_i a_i
    if (a.size() == 0) return -std::numeric_limits<T>::infinity();  // log of an empty sum
    const std::size_t k = argmax_or_nan(a);
    const T m = a(k);
    if (!std::isfinite(m)) return m;  // NaN; all -inf gives -inf; any +inf gives +inf
    T r = 0;                          // the other terms, each e^(a_i - m) in [0, 1]
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (i != k) r += std::exp(a(i) - m);
    }
    return m + std::log1p(r);  // the maximum's term, exactly 1, is the "1 +"
}
//! [logsumexp]

template <class T>
SignedLog<T> logsumexp_signed(const xt::xtensor<T, 1>& a, const xt::xtensor<T, 1>& b) {
    detail::check_logsumexp_weights(detail::fn::logsumexp_signed, a.size(), b.size());
    constexpr T inf = std::numeric_limits<T>::infinity(), nan = std::numeric_limits<T>::quiet_NaN();
    // m = a_k, the largest a_i of nonzero weight: a zero weight removes its term
    std::size_t k = a.size();
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (b(i) == T(0)) continue;
        if (std::isnan(a(i)) || std::isnan(b(i))) return {nan, nan};
        if (k == a.size() || a(i) > a(k)) k = i;
    }
    if (k == a.size() || a(k) == -inf) return {-inf, T(0)};  // nothing left: an empty sum
    const T m = a(k);
    // sum_i b_i e^(a_i) = e^m (b_k + r), r = sum_{i != k} b_i e^(a_i - m); for m = +inf the
    // terms at +inf count with their weights (e^(a_i - m) = 1 there), the others vanish
    T r = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (i == k || b(i) == T(0)) continue;
        r += b(i) * (a(i) == m ? T(1) : std::exp(a(i) - m));
    }
    const T total = b(k) + r;
    if (total == T(0)) return {-inf, T(0)};
    const T sign = total > T(0) ? T(1) : T(-1);
    if (m == inf) return {inf, sign};
    if (b(k) > T(0) && total > T(0)) return {m + std::log(b(k)) + std::log1p(r / b(k)), sign};
    return {m + std::log(std::fabs(total)), sign};
}

template <class T>
T logsumexp(const xt::xtensor<T, 1>& a, const xt::xtensor<T, 1>& b) {
    detail::check_logsumexp_weights(detail::fn::logsumexp, a.size(), b.size());
    const SignedLog<T> s = logsumexp_signed(a, b);
    // a negative total has no real logarithm: NaN, as SciPy
    return s.sign < T(0) ? std::numeric_limits<T>::quiet_NaN() : s.value;
}

double logsumexp(const Matrix& A) { return logsumexp(flat(A)); }

Vector logsumexp(const Matrix& A, int axis) {
    detail::check_axis(detail::fn::logsumexp, shape_string(A), axis);
    // axis 1: one value per row; axis 0: one per column
    const std::size_t lines = axis == 1 ? A.shape(0) : A.shape(1);
    Vector y = Vector::from_shape({lines});
    for (std::size_t i = 0; i < lines; ++i) y(i) = logsumexp(line(A, axis, i));
    return y;
}

template <class T>
T logaddexp(T x, T y) {
    // log(e^x + e^y) = max(x, y) + log1p(e^-|x - y|)
    if (std::isnan(x) || std::isnan(y)) return x + y;
    if (x == y) return x + std::numbers::ln2_v<T>;  // also +-inf with itself (inf - inf is NaN)
    return std::fmax(x, y) + std::log1p(std::exp(-std::fabs(x - y)));
}

template <class T>
xt::xtensor<T, 1> softmax_naive(const xt::xtensor<T, 1>& x) {
    // e^(x_i) / sum_j e^(x_j), as written
    xt::xtensor<T, 1> y = xt::xtensor<T, 1>::from_shape({x.size()});
    T s = 0;
    for (std::size_t i = 0; i < x.size(); ++i) s += (y(i) = std::exp(x(i)));
    for (std::size_t i = 0; i < x.size(); ++i) y(i) /= s;
    return y;
}

//! [softmax]
template <class T>
xt::xtensor<T, 1> softmax(const xt::xtensor<T, 1>& x) {
    // softmax(x)_i = e^(x_i - m) / sum_j e^(x_j - m),  m = max_j x_j
    xt::xtensor<T, 1> y = xt::xtensor<T, 1>::from_shape({x.size()});
    if (x.size() == 0) return y;
    const T m = x(argmax_or_nan(x));
    T s = 0;  // in [1, n]: the maximum's term is e^0 = 1
    for (std::size_t i = 0; i < x.size(); ++i) s += (y(i) = std::exp(x(i) - m));
    for (std::size_t i = 0; i < x.size(); ++i) y(i) /= s;
    return y;
}
//! [softmax]

Matrix softmax(const Matrix& X) { return unflat(softmax(flat(X)), X); }

Matrix softmax(const Matrix& X, int axis) {
    detail::check_axis(detail::fn::softmax, shape_string(X), axis);
    return along(X, axis, [](const Vector& v) { return softmax(v); });
}

//! [log_softmax]
template <class T>
xt::xtensor<T, 1> log_softmax(const xt::xtensor<T, 1>& x) {
    // log softmax(x)_i = x_i - LSE(x), never log(softmax(x)_i)
    const T lse = logsumexp(x);
    xt::xtensor<T, 1> y = xt::xtensor<T, 1>::from_shape({x.size()});
    for (std::size_t i = 0; i < x.size(); ++i) y(i) = x(i) - lse;
    return y;
}
//! [log_softmax]

Matrix log_softmax(const Matrix& X) { return unflat(log_softmax(flat(X)), X); }

Matrix log_softmax(const Matrix& X, int axis) {
    detail::check_axis(detail::fn::log_softmax, shape_string(X), axis);
    return along(X, axis, [](const Vector& v) { return log_softmax(v); });
}

//! [log_sigmoid]
template <class T>
T log_sigmoid(T x) {
    // log sigma(x) = -log1p(e^-x) for x >= 0, x - log1p(e^x) for x < 0: e^(-|x|) <= 1
    if (x >= T(0)) return -std::log1p(std::exp(-x));
    return x - std::log1p(std::exp(x));  // x < 0 or NaN
}
//! [log_sigmoid]

Vector log_sigmoid(const Vector& x) {
    Vector y = Vector::from_shape({x.size()});
    for (std::size_t i = 0; i < x.size(); ++i) y(i) = log_sigmoid(x(i));
    return y;
}

//! [logit]
template <class T>
T logit(T p) {
    detail::check_logit(static_cast<double>(p));
    // logit(p) = log(p / (1 - p)) = log p - log1p(-p)
    return std::log(p) - std::log1p(-p);
}
//! [logit]

//! [cross_entropy_from_logits]
double cross_entropy_from_logits(const Vector& logits, std::size_t label) {
    // -log softmax(z)_y = LSE(z) - z_y
    return detail::cross_entropy_from_logits(logits, label, [](const Vector& z) { return logsumexp(z); });
}
//! [cross_entropy_from_logits]

double cross_entropy_from_logits(const Vector& logits, const Vector& target) {
    // -sum_i t_i log softmax(z)_i = sum_i t_i (LSE(z) - z_i)
    return detail::cross_entropy_from_logits(logits, target, [](const Vector& z) { return logsumexp(z); });
}

double cross_entropy_from_probabilities(const Vector& p, std::size_t label) {
    detail::check_label(detail::fn::cross_entropy_from_probabilities, p.size(), label);
    detail::check_probabilities(detail::fn::cross_entropy_from_probabilities, p.data(), p.size());
    // -log p_y: +inf when p_y underflowed to 0
    return -std::log(p(label));
}

#define DLMATH_STABLE_INSTANTIATE(T)                                                           \
    template T logsumexp_naive<T>(const xt::xtensor<T, 1>&);                                   \
    template T logsumexp<T>(const xt::xtensor<T, 1>&);                                         \
    template T logsumexp<T>(const xt::xtensor<T, 1>&, const xt::xtensor<T, 1>&);               \
    template SignedLog<T> logsumexp_signed<T>(const xt::xtensor<T, 1>&, const xt::xtensor<T, 1>&); \
    template T logaddexp<T>(T, T);                                                             \
    template xt::xtensor<T, 1> softmax_naive<T>(const xt::xtensor<T, 1>&);                      \
    template xt::xtensor<T, 1> softmax<T>(const xt::xtensor<T, 1>&);                            \
    template xt::xtensor<T, 1> log_softmax<T>(const xt::xtensor<T, 1>&);                        \
    template T log_sigmoid<T>(T);                                                              \
    template T logit<T>(T);

DLMATH_STABLE_INSTANTIATE(float)
DLMATH_STABLE_INSTANTIATE(double)

#undef DLMATH_STABLE_INSTANTIATE

}  // namespace dlmath::reference
