// Chapter 3, Newton's method and bisection — reference twin.
//
// Rules of this file: each function reads like its formula, with the
// textbook's index names; plain loops; no intrinsics, no OpenMP.

#include "dlmath/reference/numerical/roots.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <string_view>

#include "dlmath/detail/checks/numerical.hpp"
#include "dlmath/errors.hpp"
#include "dlmath/numeric.hpp"
#include "dlmath/reference/linear_algebra.hpp"

namespace dlmath::reference {

namespace {

// Newton's iteration x <- x - g(x) / dg(x) for a zero of g; `function` names
// the public function in the reasons, `g` and `dg` name g and g' there
// ("f", "f'" for a root; "f'", "f''" for a stationary point).
RootResult newton_iteration(std::string_view function, std::string_view g_name, std::string_view dg_name,
                            const std::function<double(double)>& g, const std::function<double(double)>& dg,
                            double x0, double tol, std::size_t max_iter, bool record) {
    detail::check_iteration(function, x0, tol);
    RootResult r;
    double x = x0;
    if (record) r.iterates.push_back(x);
    const auto stop = [&](RootStatus status, std::string reason) {
        r.root = x;
        r.status = status;
        r.reason = std::move(reason);
        return r;
    };
    for (std::size_t k = 0; k < max_iter; ++k) {
        const double gx = g(x);
        if (!std::isfinite(gx)) return stop(RootStatus::non_finite, detail::message(g_name, "(", x, ") = ", gx));
        if (gx == 0.0) return stop(RootStatus::converged, detail::message(g_name, "(", x, ") = 0"));
        const double dgx = dg(x);
        if (!std::isfinite(dgx)) return stop(RootStatus::non_finite, detail::message(dg_name, "(", x, ") = ", dgx));
        if (dgx == 0.0) {
            return stop(RootStatus::zero_derivative,
                        detail::message(dg_name, "(", x, ") = 0: the tangent is flat, no Newton step is defined"));
        }
        const double step = gx / dgx;
        const double x_next = x - step;
        if (!std::isfinite(x_next)) {
            return stop(RootStatus::non_finite, detail::message("the step from x = ", x, " overflows (", g_name,
                                                                " = ", gx, ", ", dg_name, " = ", dgx, ")"));
        }
        // x_{k+1} = x_k - g(x_k) / g'(x_k)
        x = x_next;
        r.iterations = k + 1;
        if (record) r.iterates.push_back(x);
        if (std::fabs(step) <= tol) {
            return stop(RootStatus::converged, detail::message("|step| = ", std::fabs(step), " <= tol = ", tol));
        }
    }
    return stop(RootStatus::max_iterations, detail::message("no convergence in ", max_iter, " steps"));
}

}  // namespace

//! [newton]
RootResult newton(const std::function<double(double)>& f, const std::function<double(double)>& df, double x0,
                  double tol, std::size_t max_iter, bool record) {
    // x_{k+1} = x_k - f(x_k) / f'(x_k)
    return newton_iteration(detail::fn::newton, "f", "f'", f, df, x0, tol, max_iter, record);
}
//! [newton]

//! [newton_minimize]
RootResult newton_minimize(const std::function<double(double)>& df, const std::function<double(double)>& d2f,
                           double x0, double tol, std::size_t max_iter, bool record) {
    // x_{k+1} = x_k - f'(x_k) / f''(x_k): Newton's root finder on f'
    return newton_iteration(detail::fn::newton_minimize, "f'", "f''", df, d2f, x0, tol, max_iter, record);
}
//! [newton_minimize]

//! [bisect]
RootResult bisect(const std::function<double(double)>& f, double a, double b, double xtol, std::size_t max_iter,
                  bool record) {
    detail::check_bisect_bracket(a, b, xtol);
    double fa = f(a);
    const double fb = f(b);
    detail::check_bisect_signs(a, b, fa, fb);

    RootResult r;
    if (fa == 0.0 || fb == 0.0) {
        r.root = fa == 0.0 ? a : b;
        r.reason = "f is 0 at an end of the bracket";
        return r;
    }
    for (std::size_t k = 0; k < max_iter; ++k) {
        // c_k = (a_k + b_k) / 2; keep the half where f changes sign
        const double c = a + (b - a) / 2.0;
        const double fc = f(c);
        r.iterations = k + 1;
        r.root = c;
        if (record) r.iterates.push_back(c);
        if (fc == 0.0 || (b - a) / 2.0 <= xtol || c == a || c == b) {
            r.reason = detail::message("bracket [", a, ", ", b, "], f(", c, ") = ", fc);
            return r;
        }
        if ((fc < 0.0) == (fa < 0.0)) {
            a = c;
            fa = fc;
        } else {
            b = c;
        }
    }
    r.status = RootStatus::max_iterations;
    r.reason = detail::message("no convergence in ", max_iter, " halvings (bracket [", a, ", ", b, "])");
    return r;
}
//! [bisect]

//! [newton_step]
Vector newton_step(const Vector& x, const Vector& g, const Matrix& H) {
    // x ~ (d), g ~ (d), H ~ (d, d): x - H^{-1} g, by solving H s = g
    detail::check_newton_step(x, g, H);
    const Vector s = solve(H, g);
    return x - s;
}
//! [newton_step]

//! [convergence_order]
double convergence_order(const std::vector<double>& iterates, double root) {
    detail::check_convergence_order(iterates, root);
    // e_k = |x_k - x*|, keeping only the errors above the rounding floor
    const double floor =
        16.0 * unit_roundoff<double>() * std::max(std::fabs(root), std::numeric_limits<double>::min());
    std::vector<double> e;
    for (const double x : iterates) {
        const double ek = std::fabs(x - root);
        if (ek <= floor) break;  // from here on the errors are rounding noise
        e.push_back(ek);
    }
    if (e.size() < 3) {
        throw domain_error(detail::message(detail::fn::convergence_order, ": needs three errors above the rounding floor ",
                                           floor, " (got ", e.size(), " of ", iterates.size(), " iterates)"));
    }
    // q = log(e_{k+1} / e_k) / log(e_k / e_{k-1}) on the last three
    const std::size_t k = e.size() - 2;
    return std::log(e[k + 1] / e[k]) / std::log(e[k] / e[k - 1]);
}
//! [convergence_order]

}  // namespace dlmath::reference
