// Chapter 2, joint, marginal and conditional probability — discrete tables
// (reference only).
//
// Rules of this file: each function reads like its formula, with the
// textbook's index names; plain loops; no intrinsics, no OpenMP.

#include "dlmath/reference/probability/tables.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <string_view>

#include <xtensor/xbuilder.hpp>

#include "dlmath/detail/checks/probability.hpp"

namespace dlmath::reference {

namespace {

// The three indices of an entry of a rank-3 table, so that a loop can name
// "the variable on axis `axis`" without writing three cases.
using Index3 = std::array<std::size_t, 3>;

// The two axes other than `axis`, in their order.
std::array<std::size_t, 2> other_axes(std::size_t axis) {
    if (axis == 0) return {1, 2};
    if (axis == 1) return {0, 2};
    return {0, 1};
}

}  // namespace

//! [marginal]
Vector marginal(const Matrix& P, std::size_t axis) {
    // P ~ (k_x, k_y), P(i, j) = P(x = i, y = j)
    detail::check_marginal(P, axis);
    const std::size_t kx = P.shape(0), ky = P.shape(1);

    Vector p = xt::zeros<double>({axis == 0 ? kx : ky});
    for (std::size_t i = 0; i < kx; ++i) {
        for (std::size_t j = 0; j < ky; ++j) {
            p(axis == 0 ? i : j) += P(i, j);  // sum out the other variable
        }
    }
    return p;
}
//! [marginal]

Vector marginal(const Tensor3& P, std::size_t axis) {
    // P ~ (k_a, k_b, k_c)
    detail::check_marginal(P, axis);
    Vector p = xt::zeros<double>({P.shape(axis)});
    for (std::size_t i = 0; i < P.shape(0); ++i)
        for (std::size_t j = 0; j < P.shape(1); ++j)
            for (std::size_t k = 0; k < P.shape(2); ++k) {
                const Index3 at = {i, j, k};
                p(at[axis]) += P(i, j, k);
            }
    return p;
}

Matrix sum_out(const Tensor3& P, std::size_t axis) {
    // P ~ (k_a, k_b, k_c); returns the joint of the two other variables
    detail::check_sum_out(P, axis);
    const auto [r, s] = other_axes(axis);
    Matrix Q = xt::zeros<double>({P.shape(r), P.shape(s)});
    for (std::size_t i = 0; i < P.shape(0); ++i)
        for (std::size_t j = 0; j < P.shape(1); ++j)
            for (std::size_t k = 0; k < P.shape(2); ++k) {
                const Index3 at = {i, j, k};
                Q(at[r], at[s]) += P(i, j, k);
            }
    return Q;
}

//! [conditional]
Matrix conditional(const Matrix& P) {
    // P ~ (k_x, k_y); returns C ~ (k_x, k_y), C(i, j) = P(y = j | x = i)
    detail::check_conditional(P);
    const std::size_t kx = P.shape(0), ky = P.shape(1);

    Matrix C = Matrix::from_shape({kx, ky});
    for (std::size_t i = 0; i < kx; ++i) {
        double p_x = 0.0;  // P(x = i) = sum_j P(x = i, y = j)
        for (std::size_t j = 0; j < ky; ++j) p_x += P(i, j);
        detail::require_positive_condition(detail::fn::conditional, "x", i, p_x);
        for (std::size_t j = 0; j < ky; ++j) C(i, j) = P(i, j) / p_x;
    }
    return C;
}
//! [conditional]

//! [bayes_rule]
Matrix bayes_rule(const Vector& prior, const Matrix& likelihood) {
    // prior ~ (k_x) = P(x), likelihood ~ (k_x, k_y) = P(y | x); returns (k_y, k_x) = P(x | y)
    detail::check_bayes_rule(prior, likelihood);
    const std::size_t kx = likelihood.shape(0), ky = likelihood.shape(1);

    Matrix posterior = Matrix::from_shape({ky, kx});
    for (std::size_t j = 0; j < ky; ++j) {
        double evidence = 0.0;  // P(y = j) = sum_i P(x = i) P(y = j | x = i)
        for (std::size_t i = 0; i < kx; ++i) evidence += prior(i) * likelihood(i, j);
        detail::require_positive_condition(detail::fn::bayes_rule, "y", j, evidence);
        for (std::size_t i = 0; i < kx; ++i) {
            posterior(j, i) = prior(i) * likelihood(i, j) / evidence;  // P(x = i | y = j)
        }
    }
    return posterior;
}
//! [bayes_rule]

Matrix joint(const Vector& p_x, const Matrix& p_y_given_x) {
    // P(x = i, y = j) = P(x = i) P(y = j | x = i)
    detail::check_chain_joint(p_x, p_y_given_x);
    Matrix P = Matrix::from_shape(p_y_given_x.shape());
    for (std::size_t i = 0; i < P.shape(0); ++i)
        for (std::size_t j = 0; j < P.shape(1); ++j) P(i, j) = p_x(i) * p_y_given_x(i, j);
    return P;
}

//! [chain_joint]
Tensor3 joint(const Vector& p_a, const Matrix& p_b_given_a, const Matrix& p_c_given_b) {
    // p(a, b, c) = p(a) p(b | a) p(c | b); returns (k_a, k_b, k_c)
    detail::check_chain_joint(p_a, p_b_given_a, p_c_given_b);
    const std::size_t ka = p_a.size(), kb = p_b_given_a.shape(1), kc = p_c_given_b.shape(1);

    Tensor3 P = Tensor3::from_shape({ka, kb, kc});
    for (std::size_t i = 0; i < ka; ++i)
        for (std::size_t j = 0; j < kb; ++j)
            for (std::size_t k = 0; k < kc; ++k) {
                P(i, j, k) = p_a(i) * p_b_given_a(i, j) * p_c_given_b(j, k);
            }
    return P;
}
//! [chain_joint]

bool independent(const Matrix& P, double tol) {
    // x and y are independent when P(x = i, y = j) = P(x = i) P(y = j) for all i, j
    detail::check_independent(P, tol);
    const Vector p_x = marginal(P, 0), p_y = marginal(P, 1);
    for (std::size_t i = 0; i < P.shape(0); ++i)
        for (std::size_t j = 0; j < P.shape(1); ++j)
            if (!(std::fabs(P(i, j) - p_x(i) * p_y(j)) <= tol)) return false;
    return true;
}

//! [conditionally_independent]
bool conditionally_independent(const Tensor3& P, std::size_t given, double tol) {
    // For given = 1: a ⊥ c | b when P(a, c | b) = P(a | b) P(c | b) for every b with P(b) > 0.
    detail::check_conditionally_independent(P, given, tol);
    const auto [r, s] = other_axes(given);  // the two variables that should be independent
    const Matrix P_r_given = sum_out(P, s);  // P(r, given), the axes in their order
    const Matrix P_s_given = sum_out(P, r);  // P(s, given)
    const Vector P_given = marginal(P, given);

    for (std::size_t i = 0; i < P.shape(0); ++i)
        for (std::size_t j = 0; j < P.shape(1); ++j)
            for (std::size_t k = 0; k < P.shape(2); ++k) {
                const Index3 at = {i, j, k};
                // entry (at[u], at[v]) of a two-variable table of the axes u and v, in their order
                auto pair = [&at](const Matrix& Q, std::size_t u, std::size_t v) {
                    return Q(at[std::min(u, v)], at[std::max(u, v)]);
                };
                const double p_g = P_given(at[given]);
                if (p_g == 0.0) continue;  // an impossible condition conditions nothing
                const double both = P(i, j, k) / p_g;                  // P(r, s | given)
                const double p_r = pair(P_r_given, r, given) / p_g;    // P(r | given)
                const double p_s = pair(P_s_given, s, given) / p_g;    // P(s | given)
                if (!(std::fabs(both - p_r * p_s) <= tol)) return false;
            }
    return true;
}
//! [conditionally_independent]

namespace {

// The unnormalised chain p̃(a, b, c) = phi_1(a, b) phi_2(b, c) and its total Z.
struct Unnormalised {
    Tensor3 table;
    double Z;
};

Unnormalised unnormalised_chain(std::string_view function, const Matrix& phi_ab, const Matrix& phi_bc) {
    // phi_ab ~ (k_a, k_b), phi_bc ~ (k_b, k_c)
    detail::check_chain_factors(function, phi_ab, phi_bc);
    const std::size_t ka = phi_ab.shape(0), kb = phi_ab.shape(1), kc = phi_bc.shape(1);
    Unnormalised u{Tensor3::from_shape({ka, kb, kc}), 0.0};
    for (std::size_t i = 0; i < ka; ++i)
        for (std::size_t j = 0; j < kb; ++j)
            for (std::size_t k = 0; k < kc; ++k) {
                u.table(i, j, k) = phi_ab(i, j) * phi_bc(j, k);
                u.Z += u.table(i, j, k);
            }
    detail::check_partition_value(function, u.Z);
    return u;
}

}  // namespace

//! [partition_function]
double partition_function(const Matrix& phi_ab, const Matrix& phi_bc) {
    // Z = sum_{i,j,k} phi_1(a = i, b = j) phi_2(b = j, c = k)
    return unnormalised_chain(detail::fn::partition_function, phi_ab, phi_bc).Z;
}

Tensor3 undirected_joint(const Matrix& phi_ab, const Matrix& phi_bc) {
    // p(a, b, c) = phi_1(a, b) phi_2(b, c) / Z
    Unnormalised u = unnormalised_chain(detail::fn::undirected_joint, phi_ab, phi_bc);
    u.table /= u.Z;
    return u.table;
}
//! [partition_function]

}  // namespace dlmath::reference
