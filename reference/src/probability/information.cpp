// Chapter 2, information theory — reference twin.
//
// Rules of this file: each function reads like its formula, with the
// textbook's index names; plain loops; no intrinsics, no OpenMP. The
// element-wise formulas with SciPy's edge values (xlogy, entr, rel_entr,
// kl_div) and the composites (Jensen–Shannon, mutual information) are
// shared with the fast twin (dlmath/detail/composites/probability.hpp).

#include "dlmath/reference/probability/information.hpp"

#include <cmath>
#include <cstddef>
#include <utility>

#include "dlmath/detail/checks/probability.hpp"
#include "dlmath/detail/composites/probability.hpp"

namespace dlmath::reference {

namespace {

// The measures in nats, on checked input. One distribution is the n entries
// p[0], p[stride], ..., so that a row (stride 1) and a column (stride k) of a
// matrix read the same way.

//! [entropy_sum]
// H(P) = sum_i entr(p_i) = -sum_i p_i log p_i, with 0 log 0 = 0
double entropy_nats(const double* p, std::size_t n, std::size_t stride) {
    double H = 0.0;  // the empty sum is 0
    for (std::size_t i = 0; i < n; ++i) H += detail::entr(p[i * stride]);
    return H;
}
//! [entropy_sum]

// H(P, Q) = -sum_i p_i log q_i = -sum_i xlogy(p_i, q_i): +inf where q_i = 0 < p_i
double cross_entropy_nats(const double* p, const double* q, std::size_t n, std::size_t stride) {
    double H = 0.0;
    for (std::size_t i = 0; i < n; ++i) H -= detail::xlogy(p[i * stride], q[i * stride]);
    return H;
}

//! [kl_sum]
// D_KL(P || Q) = sum_i p_i log(p_i / q_i) = sum_i rel_entr(p_i, q_i)
double kl_nats(const double* p, const double* q, std::size_t n, std::size_t stride) {
    double D = 0.0;
    for (std::size_t i = 0; i < n; ++i) D += detail::rel_entr(p[i * stride], q[i * stride]);
    return D;
}
//! [kl_sum]

// One measure per column (axis 0) or row (axis 1) of P (and Q):
// measure(first entry of P's distribution, first of Q's, length, stride).
template <class Measure>
Vector along_axis(const Matrix& P, const Matrix& Q, std::size_t axis, double base, Measure measure) {
    // P ~ (m, k); returns (k) for axis 0, (m) for axis 1
    const std::size_t m = P.shape(0), k = P.shape(1);
    const std::size_t count = axis == 0 ? k : m;
    Vector H = Vector::from_shape({count});
    for (std::size_t d = 0; d < count; ++d) {
        const std::size_t first = axis == 0 ? d : d * k;  // column d starts at (0, d), row d at (d, 0)
        H(d) = axis == 0 ? measure(P.data() + first, Q.data() + first, m, k)
                         : measure(P.data() + first, Q.data() + first, k, 1);
    }
    return detail::in_base(std::move(H), base);
}

// The element-wise functions: f applied to matching entries.
template <class E, class F>
E elementwise(const E& x, F f) {
    E r = E::from_shape(x.shape());
    for (std::size_t i = 0; i < x.size(); ++i) r.data()[i] = f(x.data()[i]);
    return r;
}
template <class E, class F>
E elementwise(const E& x, const E& y, F f) {
    E r = E::from_shape(x.shape());
    for (std::size_t i = 0; i < x.size(); ++i) r.data()[i] = f(x.data()[i], y.data()[i]);
    return r;
}

}  // namespace

//! [self_information]
double self_information(double p, double base) {
    detail::check_self_information(p, base);
    return detail::in_base(-std::log(p), base);  // I(p) = -log p; I(0) = +inf
}
//! [self_information]

Vector self_information(const Vector& p, double base) {
    // p ~ (n), n events; returns I ~ (n)
    detail::check_self_information(p, base);
    Vector I = Vector::from_shape(p.shape());
    for (std::size_t i = 0; i < p.size(); ++i) I(i) = -std::log(p(i));
    return detail::in_base(std::move(I), base);
}

//! [entropy]
double entropy(const Vector& p, double base) {
    // p ~ (n): a distribution over n outcomes
    detail::check_entropy(p, base);
    return detail::in_base(entropy_nats(p.data(), p.size(), 1), base);
}
//! [entropy]

Vector entropy(const Matrix& P, std::size_t axis, double base) {
    detail::check_entropy(P, axis, base);
    return along_axis(P, P, axis, base,
                      [](const double* p, const double*, std::size_t n, std::size_t s) { return entropy_nats(p, n, s); });
}

//! [cross_entropy]
double cross_entropy(const Vector& p, const Vector& q, double base) {
    // p ~ (n), q ~ (n)
    detail::check_cross_entropy(p, q, base);
    return detail::in_base(cross_entropy_nats(p.data(), q.data(), p.size(), 1), base);
}
//! [cross_entropy]

Vector cross_entropy(const Matrix& P, const Matrix& Q, std::size_t axis, double base) {
    detail::check_cross_entropy(P, Q, axis, base);
    return along_axis(P, Q, axis, base, cross_entropy_nats);
}

//! [kl_divergence]
double kl_divergence(const Vector& p, const Vector& q, double base) {
    // p ~ (n), q ~ (n)
    detail::check_kl_divergence(p, q, base);
    return detail::in_base(kl_nats(p.data(), q.data(), p.size(), 1), base);
}
//! [kl_divergence]

Vector kl_divergence(const Matrix& P, const Matrix& Q, std::size_t axis, double base) {
    detail::check_kl_divergence(P, Q, axis, base);
    return along_axis(P, Q, axis, base, kl_nats);
}

double jensen_shannon_divergence(const Vector& p, const Vector& q, double base) {
    detail::check_jensen_shannon_divergence(p, q, base);
    const auto kl = [](const Vector& a, const Vector& b) { return kl_nats(a.data(), b.data(), a.size(), 1); };
    return detail::in_base(detail::jensen_shannon_divergence(p, q, kl), base);
}

double mutual_information(const Matrix& P, double base) {
    detail::check_mutual_information(P, base);
    // the KL of each row of C against q, unchecked (C's rows are conditionals, q the marginal of Y)
    const auto kl_rows = [](const Matrix& C, const Vector& q) {
        const std::size_t m = C.shape(0), k = C.shape(1);
        Vector D = Vector::from_shape({m});
        for (std::size_t i = 0; i < m; ++i) D(i) = kl_nats(C.data() + i * k, q.data(), k, 1);
        return D;
    };
    return detail::in_base(detail::mutual_information(P, kl_rows), base);
}

Vector xlogy(const Vector& x, const Vector& y) {
    detail::check_elementwise_pair(detail::fn::xlogy, x, y);
    return elementwise(x, y, [](double a, double b) { return detail::xlogy(a, b); });
}
Matrix xlogy(const Matrix& x, const Matrix& y) {
    detail::check_elementwise_pair(detail::fn::xlogy, x, y);
    return elementwise(x, y, [](double a, double b) { return detail::xlogy(a, b); });
}

Vector entr(const Vector& x) { return elementwise(x, [](double a) { return detail::entr(a); }); }
Matrix entr(const Matrix& x) { return elementwise(x, [](double a) { return detail::entr(a); }); }

Vector rel_entr(const Vector& x, const Vector& y) {
    detail::check_elementwise_pair(detail::fn::rel_entr, x, y);
    return elementwise(x, y, [](double a, double b) { return detail::rel_entr(a, b); });
}
Matrix rel_entr(const Matrix& x, const Matrix& y) {
    detail::check_elementwise_pair(detail::fn::rel_entr, x, y);
    return elementwise(x, y, [](double a, double b) { return detail::rel_entr(a, b); });
}

Vector kl_div(const Vector& x, const Vector& y) {
    detail::check_elementwise_pair(detail::fn::kl_div, x, y);
    return elementwise(x, y, [](double a, double b) { return detail::kl_div(a, b); });
}
Matrix kl_div(const Matrix& x, const Matrix& y) {
    detail::check_elementwise_pair(detail::fn::kl_div, x, y);
    return elementwise(x, y, [](double a, double b) { return detail::kl_div(a, b); });
}

}  // namespace dlmath::reference
