// Chapter 2, expectation, variance and the central limit theorem: the
// worked examples, the central-limit experiment (and the data of the figure
// clt.svg), and reference vs fast on large cases.

#include <cmath>
#include <iomanip>
#include <iostream>
#include <string>

#include "dlmath/fast/probability.hpp"
#include "dlmath/reference/probability.hpp"
#include "tour.hpp"

namespace ref = dlmath::reference;
namespace fast = dlmath::fast;
using dlmath::Matrix;
using dlmath::Vector;

namespace {

void estimators(dlmath::tour::Checks& c) {
    //! [example_moments]
    const Vector x = {2, 4, 4, 4, 5, 5, 7, 9};
    const double m = ref::mean(x);         // 5
    const double s2 = ref::var(x);         // 32/7, unbiased (ddof = 1)
    const double v0 = ref::var(x, 0);      // 4, the variance of the empirical distribution
    //! [example_moments]
    dlmath::tour::check(c, "mean of (2, 4, 4, 4, 5, 5, 7, 9)", m, 5.0);
    dlmath::tour::check(c, "its unbiased variance (ddof = 1)", s2, 32.0 / 7.0);
    dlmath::tour::check(c, "its variance with ddof = 0", v0, 4.0);

    //! [example_offset]
    const Vector far = {1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16};
    const double two_pass = ref::var(far);  // 30 exactly
    double s = 0.0, s2_sum = 0.0;
    for (double v : far) { s += v; s2_sum += v * v; }
    const double one_pass = (s2_sum - s * s / 4.0) / 3.0;  // E[x^2] - E[x]^2: cancellation
    //! [example_offset]
    dlmath::tour::check(c, "var of 1e9 + (4, 7, 13, 16), two passes", two_pass, 30.0);
    dlmath::tour::check_that(c, "the one-pass E[x^2] - E[x]^2 gives " + std::to_string(one_pass) + " instead",
                             std::fabs(one_pass - 30.0) > 1.0);

    //! [example_die]
    const Vector p = {1.0 / 6, 1.0 / 6, 1.0 / 6, 1.0 / 6, 1.0 / 6, 1.0 / 6};  // a fair die
    const Vector f = {1, 2, 3, 4, 5, 6};
    const double E = ref::expectation(p, f);        // 3.5
    const double E2 = ref::expectation(p, f * f);   // 91/6
    //! [example_die]
    dlmath::tour::check(c, "E[x] for a fair die", E, 3.5, 8);
    dlmath::tour::check(c, "E[x^2] for a fair die", E2, 91.0 / 6.0, 8);
    dlmath::tour::check(c, "Var[x] = E[x^2] - E[x]^2 = 35/12", E2 - E * E, 35.0 / 12.0, 16);

    //! [example_cov]
    const Matrix X = {{1, 2}, {2, 4}, {3, 6}};  // rows are observations; x_2 = 2 x_1
    const Matrix C = ref::cov(X);               // [[1, 2], [2, 4]]
    //! [example_cov]
    dlmath::tour::check(c, "cov: Var[x_1]", C(0, 0), 1.0);
    dlmath::tour::check(c, "cov: Cov[x_1, x_2]", C(0, 1), 2.0);
    dlmath::tour::check(c, "cov: Var[x_2] = 2^2 Var[x_1]", C(1, 1), 4.0);
    dlmath::tour::check_that(c, "the fast twin gives the same matrix", fast::cov(X) == C);
}

// The central-limit experiment: m standardised sums of T uniforms for
// T = 1, 2, 4, ..., 64, and their Kolmogorov–Smirnov distance to N(0, 1).
void central_limit(dlmath::tour::Checks& c, const dlmath::tour::Options& o) {
    const std::size_t m = o.quick ? (std::size_t{1} << 16) : (std::size_t{1} << 20);
    const double floor = 0.87 / std::sqrt(static_cast<double>(m));  // typical D of a true normal sample
    std::cout << "  central limit: m = " << m << " sums of T uniforms, distance sup|F_m - Phi| (noise floor ~"
              << std::setprecision(2) << floor << ")\n";
    Matrix rows = Matrix::from_shape({7, 3});
    //! [example_clt]
    dlmath::Rng rng(2024);
    double D1 = 0.0, D = 0.0;
    for (std::size_t k = 0; k < 7; ++k) {
        const std::size_t T = std::size_t{1} << k;  // 1, 2, 4, ..., 64
        const Vector z = fast::standardized_uniform_sums(rng, T, m);
        D = ref::ks_statistic(z);
        if (k == 0) D1 = D;
        //! [example_clt]
        std::cout << "    T = " << std::setw(2) << T << ":  D = " << std::setprecision(4) << D << "\n";
        rows(k, 0) = static_cast<double>(T);
        rows(k, 1) = D;
        rows(k, 2) = floor;
    }
    std::cout << std::defaultfloat;
    // the exact distance for T = 1 is 0.0572; the DKW bound puts the sample within 0.013 of it
    dlmath::tour::check_that(c, "a single uniform is far from Gaussian: D(T = 1) = " + std::to_string(D1) +
                                    " (exact 0.0572)",
                             std::fabs(D1 - 0.0572) < 0.013);
    dlmath::tour::check_that(c, "the sum of 64 is close: D(T = 64) = " + std::to_string(D) + " < D(T = 1) / 5",
                             D < D1 / 5);
    dlmath::tour::write_csv(o.figures / "clt.csv", "terms,ks_distance,noise_floor", rows);
}

void timings(bool quick) {
    std::cout << "  reference vs fast, best of 5 runs:\n";
    const std::size_t n = quick ? 1'000'000 : 10'000'000;
    Vector x = Vector::from_shape({n}), p = Vector::from_shape({n});
    for (std::size_t i = 0; i < n; ++i) x(i) = dlmath::normal_at(11, i);
    p.fill(1.0 / static_cast<double>(n));
    const std::size_t rows = quick ? 20'000 : 100'000, d = 64;
    Matrix X = Matrix::from_shape({rows, d});
    for (std::size_t k = 0; k < X.size(); ++k) X.data()[k] = dlmath::normal_at(12, k);
    volatile double sink = 0;
    const std::string size = " (n = " + std::to_string(n) + ")";
    dlmath::tour::print_timing("mean" + size, dlmath::tour::seconds([&] { sink = ref::mean(x); }),
                               dlmath::tour::seconds([&] { sink = fast::mean(x); }));
    dlmath::tour::print_timing("var" + size, dlmath::tour::seconds([&] { sink = ref::var(x); }),
                               dlmath::tour::seconds([&] { sink = fast::var(x); }));
    dlmath::tour::print_timing("expectation" + size, dlmath::tour::seconds([&] { sink = ref::expectation(p, x); }),
                               dlmath::tour::seconds([&] { sink = fast::expectation(p, x); }));
    Matrix C;
    dlmath::tour::print_timing("cov (" + std::to_string(rows) + " x 64)",
                               dlmath::tour::seconds([&] { C = ref::cov(X); }, 3),
                               dlmath::tour::seconds([&] { C = fast::cov(X); }, 3));
    Vector z;
    dlmath::tour::print_timing("uniform sums (T = 8, 10^5)",
                               dlmath::tour::seconds([&] { dlmath::Rng r(1); z = ref::standardized_uniform_sums(r, 8, 100'000); }),
                               dlmath::tour::seconds([&] { dlmath::Rng r(1); z = fast::standardized_uniform_sums(r, 8, 100'000); }));
    (void)sink;
}

void run(dlmath::tour::Checks& c, const dlmath::tour::Options& o) {
    estimators(c);
    central_limit(c, o);
    timings(o.quick);
}

const dlmath::tour::Register section{"expectation", run};

}  // namespace
