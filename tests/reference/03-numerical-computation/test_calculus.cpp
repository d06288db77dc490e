// Changes of variables and Taylor polynomials (reference twin only): the polar
// Jacobian and det J = r, its Cartesian form and inverse, |det J| as the area
// element shown by an integral over a disc, the Taylor coefficients of
// sin x + cos x with the Lagrange bound on the error against the order, the
// first- and second-order approximations, and bad input.

#include <cmath>
#include <cstdint>
#include <limits>
#include <numbers>

#include "dlmath/reference/numerical.hpp"
#include "prelude.hpp"

namespace {
constexpr double pi = std::numbers::pi;
constexpr double eps = std::numeric_limits<double>::epsilon();
}  // namespace

// ▶ Polar coordinates: J = [[cos t, -r sin t], [sin t, r cos t]], det J = r.
TEST(CalculusWorkedExample, PolarJacobianAndItsDeterminant) {
    for (double r : {0.0, 0.5, 2.0, 10.0}) {
        for (double t : {0.0, 0.4, 2.0, -2.9}) {
            const Matrix J = ref::polar_jacobian(r, t);
            EXPECT_EQ(J(0, 0), std::cos(t));
            EXPECT_EQ(J(0, 1), -r * std::sin(t));
            EXPECT_EQ(J(1, 0), std::sin(t));
            EXPECT_EQ(J(1, 1), r * std::cos(t));
            // det = r cos^2 + r sin^2: four products and a sum, each within u, on terms <= r
            EXPECT_NEAR(ref::det(J), r, 8 * u * std::max(r, 1.0)) << r << " " << t;
        }
    }
}

// J by central differences of the forward transform equals the closed form (rounding and
// truncation both about eps^(2/3) r, see test_derivatives).
TEST(CalculusWorkedExample, PolarJacobianByDifferences) {
    const Vector p = {1.5, 0.8};
    const Matrix J = ref::jacobian(ref::polar_to_cartesian, p), J_exact = ref::polar_jacobian(1.5, 0.8);
    for (std::size_t k = 0; k < 4; ++k) EXPECT_NEAR(J.data()[k], J_exact.data()[k], 20 * std::cbrt(eps * eps) * 2.0);
}

// ▶ The Cartesian form [[x/r, -y], [y/r, x]] at (x, y) = (r cos t, r sin t) is the same matrix;
// the backward transform J^-1 makes J J^-1 = I, and cartesian_to_polar undoes polar_to_cartesian.
TEST(CalculusWorkedExample, CartesianFormAndBackwardTransform) {
    const double r = 2.0, t = 0.9;
    const Vector xy = ref::polar_to_cartesian(Vector{r, t});
    const Matrix Jc = ref::polar_jacobian_cartesian(xy(0), xy(1)), J = ref::polar_jacobian(r, t);
    for (std::size_t k = 0; k < 4; ++k) EXPECT_NEAR(Jc.data()[k], J.data()[k], 8 * u * r);
    const Matrix I = ref::matmul(J, ref::polar_jacobian_inverse(r, t));
    EXPECT_NEAR(I(0, 0), 1.0, 8 * u);
    EXPECT_NEAR(I(0, 1), 0.0, 8 * u * r);
    EXPECT_NEAR(I(1, 0), 0.0, 8 * u);
    EXPECT_NEAR(I(1, 1), 1.0, 8 * u);
    EXPECT_NEAR(ref::det(ref::polar_jacobian_inverse(r, t)), 1.0 / r, 8 * u);
    const Vector back = ref::cartesian_to_polar(xy);
    EXPECT_NEAR(back(0), r, 4 * u * r);
    EXPECT_NEAR(back(1), t, 4 * u * 4);
}

// ▶ |det J| is the area element: int int_disc exp(-(x^2 + y^2)) = pi (1 - e^(-R^2)).
// Polar: the theta integral is exact for a radial f, and the midpoint rule in r errs by at most
// 2 pi R dr^2 / 24 max|g''| with g(r) = r e^(-r^2), |g''| <= 2 on [0, 2].
TEST(CalculusWorkedExample, IntegralOverADisc) {
    const ref::PlaneFunction f = [](double x, double y) { return std::exp(-(x * x + y * y)); };
    const double R = 2.0, exact = pi * (1 - std::exp(-R * R));
    for (std::size_t n : {50, 200}) {
        const double dr = R / static_cast<double>(n);
        EXPECT_NEAR(ref::integrate_polar(f, R, n), exact, 2 * pi * R * dr * dr / 24 * 2) << n;
    }
    // without the factor r (|det J| forgotten) the polar sum is far off: the integral of e^(-r^2)
    // over the rectangle [0, 2] x [0, 2 pi], about 5.5 instead of 3.08
    const double without = ref::integrate_polar([&](double x, double y) { return f(x, y) / std::hypot(x, y); }, R, 200);
    EXPECT_GT(std::fabs(without - exact), 1.0);
    // Cartesian: the cells cut by the circle err by up to their area times max f (e^(-4)) along
    // the edge, about 2 pi R d e^(-R^2) at n = 400; and the error shrinks as n grows
    const double e100 = std::fabs(ref::integrate_disc_cartesian(f, R, 100) - exact);
    const double e400 = std::fabs(ref::integrate_disc_cartesian(f, R, 400) - exact);
    EXPECT_LT(e400, 2 * pi * R * (2 * R / 400.0) * std::exp(-R * R) + 1e-4);
    EXPECT_LT(e400, e100);
}

// ▶ sin x + cos x about 0: derivatives 1, 1, -1, -1, 1, 1, ... give
// 1 + x - x^2/2! - x^3/3! + x^4/4! + x^5/5! - ...
TEST(CalculusWorkedExample, TaylorCoefficientsOfSinPlusCos) {
    const Vector d = {1, 1, -1, -1, 1, 1, -1, -1, 1, 1, -1, -1};
    const double x = 0.5;
    // the polynomial of order 5 term by term
    const double T5 = 1 + x - x * x / 2 - x * x * x / 6 + std::pow(x, 4) / 24 + std::pow(x, 5) / 120;
    EXPECT_NEAR(ref::taylor_polynomial(xt::view(d, xt::range(0, 6)), 0.0, x), T5, 8 * u);
    // each coefficient alone: the unit vector e_k gives x^k / k!
    double k_fact = 1;
    for (std::size_t k = 0; k < 8; ++k) {
        if (k > 1) k_fact *= static_cast<double>(k);
        Vector e = xt::zeros<double>({k + 1});
        e(k) = 1.0;
        EXPECT_NEAR(ref::taylor_polynomial(e, 0.0, 1.5), std::pow(1.5, k) / k_fact, 8 * u * std::pow(1.5, k)) << k;
    }
    // the error against the order: Lagrange's remainder |x|^(K+1) / (K+1)! sqrt(2), since
    // |f^(K+1)| = |sin + cos| <= sqrt 2; it falls with K, to rounding at K = 11 (plus 8u)
    for (double y : {0.5, 1.0, 2.0}) {
        double fact = 1, previous = kInf;
        for (std::size_t K = 0; K < 12; ++K) {
            fact *= static_cast<double>(K + 1);  // (K+1)!
            const double err = std::fabs(ref::taylor_polynomial(xt::view(d, xt::range(0, K + 1)), 0.0, y) -
                                         (std::sin(y) + std::cos(y)));
            EXPECT_LE(err, std::sqrt(2.0) * std::pow(y, K + 1) / fact + 16 * u) << y << " " << K;
            if (y <= 1.0 && K % 2 == 1) {  // odd orders: each pair of terms adds accuracy
                EXPECT_LE(err, previous) << y << " " << K;
                previous = err;
            }
        }
    }
    // about another point: x0 = pi/4, f = sqrt2 sin(x + pi/4), derivatives sqrt2 (1, 0, -1, 0, ...)
    const double s2 = std::sqrt(2.0);
    EXPECT_NEAR(ref::taylor_polynomial(Vector{s2, 0.0, -s2, 0.0, s2}, pi / 4, pi / 4 + 0.1),
                std::sin(pi / 4 + 0.1) + std::cos(pi / 4 + 0.1), s2 * 1e-6 / 120 + 8 * u);
    EXPECT_EQ(ref::taylor_polynomial(Vector{}, 0.0, 3.0), 0.0);  // the empty sum
}

// The tangent plane errs by O(|d|^2), the quadratic by O(|d|^3); the quadratic model of a
// quadratic is exact (up to rounding).
TEST(Calculus, FirstAndSecondOrderApproximations) {
    const auto f = [](double x, double y) { return std::exp(x) * std::sin(y); };
    const double x0 = 0.3, y0 = 0.8;
    const Vector p0 = {x0, y0};
    const Vector g = {std::exp(x0) * std::sin(y0), std::exp(x0) * std::cos(y0)};
    const Matrix H = {{std::exp(x0) * std::sin(y0), std::exp(x0) * std::cos(y0)},
                      {std::exp(x0) * std::cos(y0), -std::exp(x0) * std::sin(y0)}};
    for (double s : {0.1, 0.01}) {
        const Vector p = {x0 + 0.6 * s, y0 - 0.8 * s};
        const double fp = f(p(0), p(1));
        // |Hessian| and |third derivatives| <= e^0.4 < 1.5 near p0: remainders below 1.5 s^2, 1.5 s^3
        EXPECT_LE(std::fabs(ref::linear_approximation(f(x0, y0), g, p0, p) - fp), 1.5 * s * s);
        EXPECT_LE(std::fabs(ref::quadratic_approximation(f(x0, y0), g, H, p0, p) - fp), 1.5 * s * s * s);
    }
    // 2x^2 - xy + 3y^2 - 10 about (1, 2), to (-1, 0.5): exact, gradient (2, 11), H [[4,-1],[-1,6]]
    const auto q = [](double x, double y) { return 2 * x * x - x * y + 3 * y * y - 10; };
    EXPECT_NEAR(ref::quadratic_approximation(q(1, 2), Vector{2, 11}, Matrix{{4, -1}, {-1, 6}}, Vector{1, 2},
                                             Vector{-1, 0.5}),
                q(-1, 0.5), 16 * u * 20);
}

TEST(CalculusBadInput, EveryFunction) {
    EXPECT_EQ(what_of([] { ref::polar_jacobian(-1.0, 0.0); }), "polar_jacobian: r must be >= 0 (got r = -1)");
    EXPECT_THROW(ref::polar_jacobian(1.0, kNaN), dlmath::domain_error);
    EXPECT_EQ(what_of([] { ref::polar_jacobian_inverse(0.0, 1.0); }),
              "polar_jacobian_inverse: r must be > 0 (got r = 0)");
    EXPECT_THROW(ref::polar_jacobian_cartesian(0.0, 0.0), dlmath::domain_error);
    EXPECT_THROW(ref::polar_jacobian_cartesian(kInf, 1.0), dlmath::domain_error);
    EXPECT_EQ(what_of([] { ref::polar_to_cartesian(Vector{1.0}); }),
              "polar_to_cartesian: polar must have 2 entries (polar has 1)");
    EXPECT_THROW(ref::polar_to_cartesian(Vector{-1.0, 0.0}), dlmath::domain_error);
    EXPECT_THROW(ref::cartesian_to_polar(Vector{1.0, kNaN}), dlmath::domain_error);
    EXPECT_THROW(ref::cartesian_to_polar(Vector{1.0, 2.0, 3.0}), dlmath::shape_error);
    const ref::PlaneFunction f = [](double, double) { return 1.0; };
    EXPECT_THROW(ref::integrate_polar(f, 1.0, 0), dlmath::domain_error);
    EXPECT_THROW(ref::integrate_polar(f, -1.0, 10), dlmath::domain_error);
    EXPECT_THROW(ref::integrate_polar(ref::PlaneFunction{}, 1.0, 10), dlmath::domain_error);
    EXPECT_THROW(ref::integrate_disc_cartesian(f, kInf, 10), dlmath::domain_error);
    EXPECT_THROW(ref::taylor_polynomial(Vector{1.0, kNaN}, 0.0, 1.0), dlmath::domain_error);
    EXPECT_THROW(ref::taylor_polynomial(Vector{1.0}, kInf, 1.0), dlmath::domain_error);
    EXPECT_THROW(ref::linear_approximation(0.0, Vector{1.0}, Vector{1.0, 2.0}, Vector{1.0, 2.0}), dlmath::shape_error);
    EXPECT_THROW(ref::linear_approximation(kNaN, Vector{1.0}, Vector{1.0}, Vector{1.0}), dlmath::domain_error);
    EXPECT_EQ(what_of([] { ref::quadratic_approximation(0.0, Vector{1.0}, Matrix{{1.0, 2.0}}, Vector{1.0}, Vector{1.0}); }),
              "quadratic_approximation: H must be 1x1 (H is 1x2)");
}
