// Hidden tests of the mixture responsibilities exercise (instructor only:
// they are left out of the student edition and run by the autograder).
#include "mixture_responsibilities.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <numbers>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <dlmath/errors.hpp>

using dlmath::Vector;
using dlmath::exercises::mixture_responsibilities;

namespace {
constexpr double u = 1.1102230246251565e-16;  // 2^-53
const double log_2pi = std::log(2.0 * std::numbers::pi);

// The mixture in long double, in log space: the oracle.
struct Exact {
    std::vector<long double> r;
    long double log_density;
    double scale;  // max_i |l_i| over the components of positive weight
};
Exact exact(double x, const Vector& w, const Vector& mu, const Vector& sigma) {
    const std::size_t k = w.size();
    std::vector<long double> l(k);
    long double m = -std::numeric_limits<long double>::infinity();
    double scale = 0.0;
    for (std::size_t i = 0; i < k; ++i) {
        const long double z = (static_cast<long double>(x) - mu(i)) / sigma(i);
        l[i] = std::log(static_cast<long double>(w(i))) - std::log(static_cast<long double>(sigma(i))) -
               0.5L * std::log(2.0L * std::numbers::pi_v<long double>) - 0.5L * z * z;
        m = std::max(m, l[i]);
        if (w(i) > 0.0) scale = std::max(scale, static_cast<double>(std::fabs(l[i])));
    }
    long double s = 0.0L;
    for (std::size_t i = 0; i < k; ++i) s += std::exp(l[i] - m);
    Exact e{std::vector<long double>(k), m + std::log(s), scale};
    for (std::size_t i = 0; i < k; ++i) e.r[i] = std::exp(l[i] - m) / s;
    return e;
}

// l_i = log w_i - log sigma_i - log(2 pi)/2 - z_i^2/2 is within
// 4u (|l_i| + 2 |log w_i| + 2 |log sigma_i| + 2) of its value (three
// logarithms, z with one rounding and z^2/2 with two more, three
// subtractions). An error d in the exponent of exp(l_i - L) is a relative
// error d of r_i; L = log sum_j exp l_j carries the largest such error plus
// (k + 2) u. So each r_i is within (2 D + (k + 4) u) r_i of its value and
// log p(x) within 2 D + (k + 4) u, where D = 4u (scale + 2 |log w|max +
// 2 |log sigma|max + 2); the inputs below keep |log w|, |log sigma| <= 3.
double exponent_budget(double scale, std::size_t k) { return 2 * 4 * u * (scale + 14.0) + (double(k) + 4) * u; }

// An integer in [-bound, bound] that RapidCheck shrinks towards 0 (its
// inRange shrinks towards the lower end): 0, -1, 1, -2, 2, ... from 0..2 bound.
rc::Gen<int> around_zero(int bound) {
    return rc::gen::map(rc::gen::inRange(0, 2 * bound + 1), [](int v) { return v % 2 == 0 ? v / 2 : -(v + 1) / 2; });
}
}  // namespace

TEST(MixtureResponsibilitiesHidden, AFarPointBelongsToTheNearerComponent) {
    // x = 40, mu = -1 and 1: l_0 - l_1 = (39^2 - 41^2) / 2 = -80, so r_0 = e^-80 / (1 + e^-80);
    // each N(40; mu_i, 1) is below e^-760 and underflows to 0 (plain exp gives 0/0)
    const Vector w = {0.5, 0.5}, mu = {-1.0, 1.0}, sigma = {1.0, 1.0};
    const auto post = mixture_responsibilities(40.0, w, mu, sigma);
    const auto e = exact(40.0, w, mu, sigma);
    const double tol = exponent_budget(e.scale, 2);
    ASSERT_EQ(post.responsibilities.size(), 2u);
    EXPECT_NEAR(post.responsibilities(0), static_cast<double>(e.r[0]), tol * static_cast<double>(e.r[0]));
    EXPECT_NEAR(post.responsibilities(1), 1.0, tol);
    EXPECT_NEAR(post.log_density, static_cast<double>(e.log_density), tol);
}

TEST(MixtureResponsibilitiesHidden, PointsFarOutOnBothSides) {
    const Vector w = {0.25, 0.75}, mu = {0.0, 1.0}, sigma = {1.0, 2.0};
    for (const double x : {-1e3, 1e4, -1e6}) {
        const auto post = mixture_responsibilities(x, w, mu, sigma);
        const auto e = exact(x, w, mu, sigma);
        const double tol = exponent_budget(e.scale, 2);
        EXPECT_NEAR(post.responsibilities(0), static_cast<double>(e.r[0]), tol) << "x = " << x;
        EXPECT_NEAR(post.responsibilities(1), static_cast<double>(e.r[1]), tol) << "x = " << x;
        EXPECT_NEAR(post.log_density, static_cast<double>(e.log_density), tol) << "x = " << x;
    }
}

TEST(MixtureResponsibilitiesHidden, OneComponentOrOneWeightTakesEverything) {
    // k = 1: r = (1) and log p(x) = log N(x; mu, sigma^2), even 50 sigma away
    const auto one = mixture_responsibilities(50.0, Vector{1.0}, Vector{0.0}, Vector{1.0});
    ASSERT_EQ(one.responsibilities.size(), 1u);
    EXPECT_NEAR(one.responsibilities(0), 1.0, 8 * u);
    EXPECT_NEAR(one.log_density, -0.5 * log_2pi - 1250.0, 8 * u * 1251.0);
    // a component of weight 0 gets nothing, even at its own mean
    const auto zero = mixture_responsibilities(3.0, Vector{0.0, 1.0}, Vector{3.0, -3.0}, Vector{1.0, 1.0});
    EXPECT_EQ(zero.responsibilities(0), 0.0);
    EXPECT_NEAR(zero.responsibilities(1), 1.0, 8 * u);
    EXPECT_NEAR(zero.log_density, -0.5 * log_2pi - 18.0, 8 * u * 19.0);
}

TEST(MixtureResponsibilitiesHidden, InvalidInputsAreRejected) {
    const Vector w = {0.5, 0.5}, mu = {0.0, 1.0}, sigma = {1.0, 1.0};
    try {
        (void)mixture_responsibilities(0.0, Vector{0.5, 0.4}, mu, sigma);
        ADD_FAILURE() << "no domain_error for weights summing to 0.9";
    } catch (const dlmath::domain_error& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("mixture_responsibilities"), std::string::npos) << what;
        EXPECT_NE(what.find("0.9"), std::string::npos) << "the message should name the sum: " << what;
    }
    EXPECT_THROW(mixture_responsibilities(std::nan(""), w, mu, sigma), dlmath::domain_error);
    EXPECT_THROW(mixture_responsibilities(0.0, w, mu, Vector{1.0, 0.0}), dlmath::domain_error);
    EXPECT_THROW(mixture_responsibilities(0.0, w, mu, Vector{1.0, -1.0}), dlmath::domain_error);
    EXPECT_THROW(mixture_responsibilities(0.0, w, Vector{0.0, std::nan("")}, sigma), dlmath::domain_error);
    EXPECT_THROW(mixture_responsibilities(0.0, Vector{std::nan(""), 1.0}, mu, sigma), dlmath::domain_error);
    EXPECT_THROW(mixture_responsibilities(0.0, Vector{}, Vector{}, Vector{}), dlmath::shape_error);
    EXPECT_THROW(mixture_responsibilities(0.0, w, mu, Vector{1.0}), dlmath::shape_error);
}

// Random mixtures of k = 1..4 components (integer weights 0..9 divided by
// their sum, integer means -20..20, standard deviations 1..5) at integer
// points -400..400, most of them far from every component: the
// responsibilities and log p(x) within the budget of the long double
// oracle, and the responsibilities non-negative, summing to 1. On a failure
// RapidCheck shrinks the mixture and the point (towards 0) and prints a
// smallest failing case.
RC_GTEST_PROP(MixtureResponsibilitiesHidden, MatchLogSpaceBayesAtAnyDistance, ()) {
    const auto k = static_cast<std::size_t>(*rc::gen::inRange(1, 5));
    const auto ws = *rc::gen::container<std::vector<int>>(k, rc::gen::inRange(0, 10));
    const auto ms = *rc::gen::container<std::vector<int>>(k, around_zero(20));
    const auto ss = *rc::gen::container<std::vector<int>>(k, rc::gen::inRange(1, 6));
    const int xi = *around_zero(400);
    int total = 0;
    for (const int v : ws) total += v;
    RC_PRE(total > 0);
    Vector w = Vector::from_shape({k}), mu = Vector::from_shape({k}), sigma = Vector::from_shape({k});
    for (std::size_t i = 0; i < k; ++i) {
        w(i) = static_cast<double>(ws[i]) / total;
        mu(i) = ms[i];
        sigma(i) = ss[i];
    }
    const double x = xi;
    const auto post = mixture_responsibilities(x, w, mu, sigma);
    const auto e = exact(x, w, mu, sigma);
    const double tol = exponent_budget(e.scale, k);
    RC_ASSERT(post.responsibilities.size() == k);
    double sum = 0.0;
    for (std::size_t i = 0; i < k; ++i) {
        RC_ASSERT(post.responsibilities(i) >= 0.0);
        RC_ASSERT(std::fabs(static_cast<long double>(post.responsibilities(i)) - e.r[i]) <= tol);
        sum += post.responsibilities(i);
    }
    RC_ASSERT(std::fabs(sum - 1.0) <= tol + double(k) * u);
    RC_ASSERT(std::fabs(static_cast<long double>(post.log_density) - e.log_density) <= tol);
}
