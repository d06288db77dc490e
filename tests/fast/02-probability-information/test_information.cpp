// Information theory, fast twin: agrees with the reference twin within
// bounds from the error analysis (the SIMD logarithm's 6u, the sums'
// gamma_n), has SciPy's edge values bitwise, is bitwise reproducible for any
// thread count, and rejects the same bad input with the same message.

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "dlmath/fast/probability.hpp"
#include "dlmath/detail/composites/probability.hpp"
#include "dlmath/reference/probability.hpp"
#include "kernels/log.hpp"
#include "prelude.hpp"

namespace {

using dlmath::testing::probability_vector;

// |fast - ref| <= (13u + 5 gamma_n) S, S = sum of |terms|. Each twin's share:
//  - reference: std::log within 1 ulp (2u), the product with p_i one u, the
//    sum gamma_n: (3u + gamma_n) S;
//  - fast, vector pass (fused_block): w log x is split as w k ln 2 + w y with
//    k exact and y = log m within 3.3u |y| (kernels/log.hpp); w k and w y are
//    summed apart by FMAs (gamma of the block length each), and each block's
//    sign (K ln 2 + Y) rounds three times (2u of |K ln 2| + |Y| and u of the
//    rounding of ln 2 itself); the blocks' values are summed (gamma of their
//    count). Since |k ln 2| <= 2 |log x| and |y| <= |log x|, sum |w k ln 2| <= 2S
//    and sum |w y| <= S: 3.3u S + 3 gamma_n S + 3u 3S + gamma_n S
//    = (12.3u + 4 gamma_n) S, over the 3u + gamma_n per term of the
//    along-an-axis pass (one log per term) and of the scalar tail.
// Together (15.3u + 5 gamma_n) S; the test allows (16u + 5 gamma_n) S.
double twin_bound(std::size_t n, double abs_terms) { return (16 * u + 5 * gamma_n(static_cast<double>(n))) * abs_terms; }

double abs_terms(const Vector& p, const Vector& q, double (*term)(double, double)) {
    double s = 0.0;
    for (std::size_t i = 0; i < p.size(); ++i) s += std::fabs(term(p(i), q(i)));
    return s;
}
double entr_term(double p, double) { return dlmath::detail::entr(p); }
double xlogy_term(double p, double q) { return dlmath::detail::xlogy(p, q); }
double kl_term(double p, double q) { return dlmath::detail::rel_entr(p, q); }

// A probability vector of any length, with some exact zeros (the 0 log 0 path).
Vector distribution(std::size_t n, std::uint64_t seed) {
    if (n == 0) return Vector::from_shape({0});
    Vector p = probability_vector(n, seed);
    if (n > 3) {
        p(n / 2) += p(1);
        p(1) = 0.0;  // the sum is unchanged up to one rounding
    }
    return p;
}

// Every path of a fast kernel, once each (the lengths of
// dlmath::testing::kernel_length: 0, 1, primes, not multiples of the SIMD
// width, one reduction block and its neighbours, around and above the
// threading threshold). A loop rather than a RapidCheck property: each
// length costs milliseconds, and each needs to run once, not by chance.
std::vector<std::size_t> kernel_lengths() {
    constexpr std::size_t t = fast::parallel_threshold, b = fast::reduction_block;
    return {0, 1, 2, 3, 5, 7, 8, 13, 31, 64, 97, 1021, b - 1, b, b + 1, t - 1, t, t + 3, 3 * t + 17, 5 * b + 11};
}

// m x k with each row (axis 1) or column (axis 0) a distribution
Matrix distributions(std::size_t m, std::size_t k, std::size_t axis, std::uint64_t seed) {
    Matrix P = Matrix::from_shape({m, k});
    const std::size_t count = axis == 0 ? k : m, length = axis == 0 ? m : k;
    for (std::size_t d = 0; d < count; ++d) {
        const Vector p = distribution(length, seed + d);
        for (std::size_t i = 0; i < length; ++i) (axis == 0 ? P(i, d) : P(d, i)) = p(i);
    }
    return P;
}

}  // namespace

// ---------------------------------------------------------------- the SIMD logarithm

TEST(FastLog, WithinSixUnitRoundoffsOfTheTrueLogarithm) {
    using dlmath::fast::detail::batch;
    using dlmath::fast::detail::W;
    std::mt19937_64 rng(11);
    std::uniform_real_distribution<double> near_one(0.5, 2.0);
    double worst = 0.0;
    double worst_x = 0.0;
    alignas(64) double in[W], out[W];
    for (int t = 0; t < 40000; ++t) {
        for (std::size_t l = 0; l < W; ++l) {
            double x;
            if (t % 2 == 0) {  // any positive finite double, subnormals included
                std::uint64_t bits = rng() & 0x7FEFFFFFFFFFFFFFull;
                std::memcpy(&x, &bits, sizeof x);
                if (x == 0.0) x = 1.0;
            } else {
                x = near_one(rng);
            }
            in[l] = x;
        }
        dlmath::fast::detail::log(batch::load_aligned(in)).store_aligned(out);
        for (std::size_t l = 0; l < W; ++l) {
            const long double exact = std::log(static_cast<long double>(in[l]));  // 64-bit significand: 2^-11 u
            const double rel = exact == 0 ? std::fabs(out[l]) : static_cast<double>(std::fabs((out[l] - exact) / exact));
            if (rel > worst) { worst = rel; worst_x = in[l]; }
        }
    }
    EXPECT_LE(worst, 6 * u) << "at x = " << worst_x;
    for (double x : {1.0, 2.0, 0.5, 4.9e-324, 2.2250738585072014e-308, 1.7976931348623157e308}) {
        const double r = dlmath::fast::detail::log(batch(x)).get(0);
        EXPECT_LE(std::fabs(r - std::log(x)), 6 * u * std::fabs(std::log(x)) + 2 * u * std::fabs(std::log(x))) << x;
    }
    EXPECT_EQ(dlmath::fast::detail::log(batch(1.0)).get(0), 0.0);
    EXPECT_EQ(dlmath::fast::detail::log(batch(0.0)).get(0), -kInf);
    EXPECT_EQ(dlmath::fast::detail::log(batch(-0.0)).get(0), -kInf);
    EXPECT_EQ(dlmath::fast::detail::log(batch(kInf)).get(0), kInf);
    EXPECT_TRUE(std::isnan(dlmath::fast::detail::log(batch(-1.0)).get(0)));
    EXPECT_TRUE(std::isnan(dlmath::fast::detail::log(batch(-kInf)).get(0)));
    EXPECT_TRUE(std::isnan(dlmath::fast::detail::log(batch(kNaN)).get(0)));
}

TEST(FastLog, TheExponentSplitIsExactAndTheSameOnEveryTarget) {
    using dlmath::fast::detail::batch;
    namespace d = dlmath::fast::detail;
    std::mt19937_64 rng(12);
    std::vector<double> xs = {0.0, -0.0, kInf, 4.9e-324, 2.2250738585072014e-308, 2.225073858507201e-308,
                              1.7976931348623157e308, 1.0, 0.5, 2.0, 0x1.6a09e667f3bcdp0, 0x1.6a09e667f3bccp0,
                              0x1.6a09e667f3bcep0, 0x1.6a09e667f3bcdp-1, 0x1.6a09e667f3bccp-1};
    for (int t = 0; t < 20000; ++t) {  // any positive finite double, subnormals included
        std::uint64_t bits = rng() & 0x7FEFFFFFFFFFFFFFull;
        double x;
        std::memcpy(&x, &bits, sizeof x);
        xs.push_back(x);
    }
    for (double x : xs) {
        batch k, m, kb, mb;
        d::split_exponent(batch(x), k, m);  // the target's own (AVX-512: getexp and getmant)
        d::split_exponent_bits(batch(x), kb, mb);
        const double K = k.get(0), M = m.get(0);
        EXPECT_TRUE(K == kb.get(0) && M == mb.get(0)) << x << ": " << K << ", " << M << " vs " << kb.get(0) << ", "
                                                      << mb.get(0);
        if (x == 0.0 || x == kInf) {
            EXPECT_EQ(K, x == 0.0 ? -kInf : kInf);
            EXPECT_EQ(M, 1.0);
            continue;
        }
        EXPECT_TRUE(M >= 0x1.6a09e667f3bcdp-1 && M < 0x1.6a09e667f3bcdp0) << x << ": m = " << M;
        EXPECT_EQ(std::ldexp(M, static_cast<int>(K)), x) << x;  // exact
    }
}

// ---------------------------------------------------------------- agreement

TEST(InformationAgreement, EntropyCrossEntropyAndKlWithinTheirBounds) {
  for (const std::size_t n : kernel_lengths()) {
    const Vector p = distribution(n, 10 * n + 1), q = distribution(n, 10 * n + 2);
    const std::string at = ", n = " + std::to_string(n);
    EXPECT_TRUE(agree(fast::entropy(p), ref::entropy(p), twin_bound(n, abs_terms(p, p, entr_term)), "entropy" + at));
    EXPECT_TRUE(agree(fast::cross_entropy(p, q), ref::cross_entropy(p, q),
                      twin_bound(n, abs_terms(p, q, xlogy_term)), "cross_entropy" + at));
    // KL: the ratio p/q is rounded once in each twin, an absolute u in its log weighted by p: 2u sum p
    EXPECT_TRUE(agree(fast::kl_divergence(p, q), ref::kl_divergence(p, q),
                      twin_bound(n, abs_terms(p, q, kl_term)) + 3 * u, "kl_divergence" + at));
    EXPECT_TRUE(agree(fast::entropy(p, 2.0), ref::entropy(p, 2.0),
                      twin_bound(n, abs_terms(p, p, entr_term)) / std::log(2.0) * (1 + 2 * u), "entropy in bits" + at));
  }
}

RC_GTEST_PROP(InformationAgreement, AlongBothAxesWithinTheVectorBounds, ()) {
    const std::size_t m = *rc::gen::elementOf(std::vector<std::size_t>{0, 1, 3, 17, 300});
    const std::size_t k = *rc::gen::elementOf(std::vector<std::size_t>{0, 1, 2, 7, 9, 257});
    const std::size_t axis = *rc::gen::inRange<std::size_t>(0, 2);
    const auto seed = *rc::gen::arbitrary<std::uint32_t>();
    const Matrix P = distributions(m, k, axis, seed), Q = distributions(m, k, axis, seed + 5000);
    const Vector Hf = fast::entropy(P, axis), Hr = ref::entropy(P, axis);
    const Vector Cf = fast::cross_entropy(P, Q, axis), Cr = ref::cross_entropy(P, Q, axis);
    const Vector Df = fast::kl_divergence(P, Q, axis), Dr = ref::kl_divergence(P, Q, axis);
    RC_ASSERT(Hf.size() == (axis == 0 ? k : m));
    const std::size_t length = axis == 0 ? m : k;
    for (std::size_t d = 0; d < Hf.size(); ++d) {
        const Vector p = axis == 0 ? Vector(xt::col(P, d)) : Vector(xt::row(P, d));
        const Vector q = axis == 0 ? Vector(xt::col(Q, d)) : Vector(xt::row(Q, d));
        const std::string at = dlmath::detail::message(" ", d, " of ", m, "x", k);
        DLMATH_RC_ASSERT(agree(Hf(d), Hr(d), twin_bound(length, abs_terms(p, p, entr_term)), "entropy" + at));
        DLMATH_RC_ASSERT(agree(Cf(d), Cr(d), twin_bound(length, abs_terms(p, q, xlogy_term)), "cross_entropy" + at));
        DLMATH_RC_ASSERT(agree(Df(d), Dr(d), twin_bound(length, abs_terms(p, q, kl_term)) + 3 * u, "kl" + at));
    }
}

TEST(InformationAgreement, LongRowsAboveTheThreadingThreshold) {
    const std::size_t k = fast::parallel_threshold + 13;
    const Matrix P = distributions(2, k, 1, 3), Q = distributions(2, k, 1, 4);
    const Vector D = fast::kl_divergence(P, Q, 1), H = fast::entropy(P, 1);
    for (std::size_t i = 0; i < 2; ++i) {  // a long row is the vector kernel: bitwise equal
        EXPECT_EQ(D(i), fast::kl_divergence(Vector(xt::row(P, i)), Vector(xt::row(Q, i))));
        EXPECT_EQ(H(i), fast::entropy(Vector(xt::row(P, i))));
    }
}

TEST(InformationAgreement, JensenShannonMutualInformationAndSelfInformation) {
  for (const std::size_t n : {std::size_t{1}, std::size_t{2}, std::size_t{7}, std::size_t{31}, std::size_t{1021},
                              fast::parallel_threshold + 3}) {
    const std::uint64_t seed = 5 * n;
    const Vector p = distribution(n, seed), q = distribution(n, seed + 1);
    // JS = two KLs against M; each KL term of either twin as above
    const Vector m = 0.5 * (p + q);
    const double js_bound = twin_bound(n, abs_terms(p, m, kl_term) + abs_terms(q, m, kl_term)) + 4 * u;
    EXPECT_TRUE(agree(fast::jensen_shannon_divergence(p, q), ref::jensen_shannon_divergence(p, q), js_bound, "JS"));
    // MI: the same composite, the row KLs differ as KL does; weighted by P(X = i) summing to 1
    const std::size_t rows = 1 + n % 19, cols = 1 + (3 * n) % 17;
    const Vector cells = probability_vector(rows * cols, seed + 2);
    Matrix J = Matrix::from_shape({rows, cols});
    std::copy(cells.begin(), cells.end(), J.begin());
    const double mi = ref::mutual_information(J);
    // |terms| of I are bounded by sum_ij P_ij |log(P_ij / P_i P_j)| <= log(1 / min P) over the cells
    double s = 0.0;
    for (double c : cells) s += c * std::fabs(std::log(c)) * 2;
    EXPECT_TRUE(agree(fast::mutual_information(J), mi, twin_bound(rows * cols, s) + 4 * u, "MI"));
    // self-information: -log p_i, each within (6u + 2u) |log p_i|
    const Vector If = fast::self_information(p, 2.0), Ir = ref::self_information(p, 2.0);
    EXPECT_TRUE(agree_elementwise(If, Ir, [&](std::size_t i) { return 9 * u * std::fabs(Ir(i)); }, "I"));
  }
  EXPECT_EQ(fast::self_information(0.25, 2.0), ref::self_information(0.25, 2.0));
}

// ---------------------------------------------------------------- element-wise: SciPy's values

TEST(ElementwiseAgreement, EverySpecialPairGivesTheReferencesValue) {
    const double vals[] = {-kInf, -1.0, -0.0, 0.0, 4.9e-324, 1e-300, 0.25, 1.0, 3.0, 1e300, kInf, kNaN};
    const std::size_t k = std::size(vals);
    Vector x = Vector::from_shape({k * k}), y = Vector::from_shape({k * k});
    for (std::size_t a = 0; a < k; ++a)
        for (std::size_t b = 0; b < k; ++b) { x(a * k + b) = vals[a]; y(a * k + b) = vals[b]; }
    // finite results: the fast log within 6u, std::log within 2u, a product and a
    // ratio each u in both twins; kl_div's -x + y adds u (|x| + |y| + |result|)
    const auto bound_for = [&](const Vector& r) {
        return [&, r](std::size_t i) {
            const double lg = std::fabs(x(i)) * std::fabs(std::log(std::fabs(x(i) / y(i))));
            const double b = 12 * u * (std::isfinite(lg) ? lg : 0.0) +
                             4 * u * (std::fabs(x(i)) + std::fabs(y(i)) + std::fabs(r(i))) + 12 * u * std::fabs(r(i));
            return std::isfinite(b) ? b : 0.0;  // an infinite or NaN result must match exactly
        };
    };
    const Vector xr = ref::xlogy(x, y), rr = ref::rel_entr(x, y), kr = ref::kl_div(x, y), er = ref::entr(x);
    EXPECT_TRUE(agree_elementwise(fast::xlogy(x, y), xr, bound_for(xr), "xlogy"));
    EXPECT_TRUE(agree_elementwise(fast::rel_entr(x, y), rr, bound_for(rr), "rel_entr"));
    EXPECT_TRUE(agree_elementwise(fast::kl_div(x, y), kr, bound_for(kr), "kl_div"));
    const auto entr_bound = [&](std::size_t i) { return std::isfinite(er(i)) ? 12 * u * std::fabs(er(i)) : 0.0; };
    EXPECT_TRUE(agree_elementwise(fast::entr(x), er, entr_bound, "entr"));
    // the Matrix forms run the same kernel on the entries in memory order
    const Matrix X = xt::reshape_view(x, {k, k}), Y = xt::reshape_view(y, {k, k});
    EXPECT_TRUE(agree_elementwise(fast::rel_entr(X, Y), ref::rel_entr(X, Y), bound_for(rr), "rel_entr (matrix)"));
    EXPECT_TRUE(agree_elementwise(fast::kl_div(X, Y), ref::kl_div(X, Y), bound_for(kr), "kl_div (matrix)"));
    EXPECT_TRUE(agree_elementwise(fast::xlogy(X, Y), ref::xlogy(X, Y), bound_for(xr), "xlogy (matrix)"));
    EXPECT_TRUE(agree_elementwise(fast::entr(X), ref::entr(X), entr_bound, "entr (matrix)"));
}

TEST(ElementwiseAgreement, RandomOperandsOfEveryKernelLength) {
  for (const std::size_t n : kernel_lengths()) {
    const std::uint64_t seed = 3 * n + 7;
    Vector x = xt::abs(random<Vector>({n}, seed)), y = xt::abs(random<Vector>({n}, seed + 1));
    if (n > 2) x(n / 3) = 0.0;
    const auto bound = [&](const Vector& r) {
        return [&, r](std::size_t i) {
            const double lg = x(i) * std::fabs(std::log(x(i) / y(i)));
            return 12 * u * (std::isfinite(lg) ? lg : 0.0) + 4 * u * (x(i) + y(i) + std::fabs(r(i))) + 12 * u * std::fabs(r(i));
        };
    };
    const Vector rr = ref::rel_entr(x, y), kr = ref::kl_div(x, y), xr = ref::xlogy(x, y), er = ref::entr(x);
    const std::string at = ", n = " + std::to_string(n);
    EXPECT_TRUE(agree_elementwise(fast::rel_entr(x, y), rr, bound(rr), "rel_entr" + at));
    EXPECT_TRUE(agree_elementwise(fast::kl_div(x, y), kr, bound(kr), "kl_div" + at));
    EXPECT_TRUE(agree_elementwise(fast::xlogy(x, y), xr, bound(xr), "xlogy" + at));
    EXPECT_TRUE(agree_elementwise(fast::entr(x), er, bound(er), "entr" + at));
  }
}

TEST(InformationAgreement, EdgeValuesMatchTheReference) {
    for (std::size_t n : {std::size_t{0}, std::size_t{1}, std::size_t{9}}) {
        Vector p = Vector::from_shape({n}), q = Vector::from_shape({n});
        p.fill(0.0);
        q.fill(0.0);
        if (n > 0) { p(0) = 1.0; q(n - 1) = 1.0; }
        EXPECT_EQ(fast::entropy(p), ref::entropy(p)) << n;
        EXPECT_EQ(fast::kl_divergence(p, q), ref::kl_divergence(p, q)) << n;  // +inf for n = 9, 0 for n <= 1
        EXPECT_EQ(fast::cross_entropy(p, q), ref::cross_entropy(p, q)) << n;
    }
    EXPECT_EQ(fast::entropy(Vector{0.5, 0.5}, 2.0), 1.0);
    EXPECT_EQ(fast::jensen_shannon_divergence(Vector{1.0, 0.0}, Vector{0.0, 1.0}), std::log(2.0));
    EXPECT_EQ(fast::mutual_information(Matrix::from_shape({0, 0})), 0.0);
    EXPECT_EQ(fast::entropy(Matrix::from_shape({0, 4}), 0).size(), 4u);
    EXPECT_EQ(fast::self_information(0.0), kInf);
}

// ---------------------------------------------------------------- reproducibility

TEST(InformationReproducibility, ResultsDoNotDependOnTheThreadCount) {
    const std::size_t n = 4 * fast::parallel_threshold + 3;
    const Vector p = distribution(n, 1), q = distribution(n, 2);
    const Matrix P = distributions(700, 300, 0, 3), Q = distributions(700, 300, 0, 4);
    const Matrix R = distributions(3000, 70, 1, 5), S = distributions(3000, 70, 1, 6);
    const double h = fast::entropy(p), c = fast::cross_entropy(p, q), d = fast::kl_divergence(p, q);
    const Vector dc = fast::kl_divergence(P, Q, 0), hr = fast::entropy(R, 1), cr = fast::cross_entropy(R, S, 1);
    const Vector e = fast::rel_entr(p, q);
    for (int t : {1, 2, 3, 5}) {
        const scoped_threads threads(t);
        EXPECT_EQ(fast::entropy(p), h) << t << " threads";
        EXPECT_EQ(fast::cross_entropy(p, q), c) << t << " threads";
        EXPECT_EQ(fast::kl_divergence(p, q), d) << t << " threads";
        EXPECT_TRUE(xt::all(xt::equal(fast::kl_divergence(P, Q, 0), dc))) << t << " threads";
        EXPECT_TRUE(xt::all(xt::equal(fast::entropy(R, 1), hr))) << t << " threads";
        EXPECT_TRUE(xt::all(xt::equal(fast::cross_entropy(R, S, 1), cr))) << t << " threads";
        EXPECT_TRUE(xt::all(xt::equal(fast::rel_entr(p, q), e))) << t << " threads";
    }
}

// ---------------------------------------------------------------- bad input: the same errors

TEST(InformationBadInput, FastRejectsWhatTheReferenceRejectsWithItsMessage) {
    const std::size_t n = 3 * fast::parallel_threshold + 5;  // several blocks, in parallel
    Vector late_nan = distribution(n, 7);
    late_nan(2 * fast::parallel_threshold + 1) = kNaN;
    Vector negative_in_tail = distribution(n, 8);
    negative_in_tail(n - 1) = -negative_in_tail(n - 1);
    Vector short_sum = distribution(n, 9);
    short_sum(0) += 1e-6;
    const Vector good = distribution(n, 10);
    for (const Vector* bad : {&late_nan, &negative_in_tail, &short_sum}) {
        expect_same_error([&] { fast::entropy(*bad); }, [&] { ref::entropy(*bad); });
        expect_same_error([&] { fast::kl_divergence(good, *bad); }, [&] { ref::kl_divergence(good, *bad); });
        expect_same_error([&] { fast::cross_entropy(*bad, good); }, [&] { ref::cross_entropy(*bad, good); });
        expect_same_error([&] { fast::jensen_shannon_divergence(*bad, good); },
                          [&] { ref::jensen_shannon_divergence(*bad, good); });
    }
    const Vector p = {0.5, 0.5};
    expect_same_error([&] { fast::kl_divergence(p, Vector{1.0}); }, [&] { ref::kl_divergence(p, Vector{1.0}); });
    expect_same_error([&] { fast::cross_entropy(p, Vector{1.0}); }, [&] { ref::cross_entropy(p, Vector{1.0}); });
    expect_same_error([&] { fast::entropy(p, 1.0); }, [&] { ref::entropy(p, 1.0); });
    expect_same_error([&] { fast::entropy(Vector{0.5, 0.5 + 10 * u}); }, [&] { ref::entropy(Vector{0.5, 0.5 + 10 * u}); });
    // at the edge of the tolerance (sum 1 + 4u for n = 2, tau = 8u) both accept
    EXPECT_EQ(fast::entropy(Vector{0.5, 0.5 + 4 * u}), ref::entropy(Vector{0.5, 0.5 + 4 * u}));
}

TEST(InformationBadInput, FastAlongAnAxisSelfInformationMutualInformationElementwise) {
    const Matrix P = {{0.5, 0.25}, {0.5, 0.25}}, Q = {{0.5, 0.5}};
    expect_same_error([&] { fast::entropy(P, 0); }, [&] { ref::entropy(P, 0); });
    expect_same_error([&] { fast::entropy(P, 2); }, [&] { ref::entropy(P, 2); });
    expect_same_error([&] { fast::kl_divergence(P, Q, 1); }, [&] { ref::kl_divergence(P, Q, 1); });
    expect_same_error([&] { fast::cross_entropy(Q, Matrix{{0.5, -0.5}}, 1); }, [&] { ref::cross_entropy(Q, Matrix{{0.5, -0.5}}, 1); });
    Matrix wide = distributions(40, 600, 0, 12);
    wide(39, 598) = kNaN;  // a column in the last chunk, found in the fused pass
    expect_same_error([&] { fast::kl_divergence(wide, wide, 0); }, [&] { ref::kl_divergence(wide, wide, 0); });
    expect_same_error([&] { fast::self_information(1.5); }, [&] { ref::self_information(1.5); });
    expect_same_error([&] { fast::self_information(Vector{0.5, kNaN}); }, [&] { ref::self_information(Vector{0.5, kNaN}); });
    Vector above = Vector::from_shape({fast::parallel_threshold + 9});
    above.fill(0.5);
    above(fast::parallel_threshold + 1) = 1.25;
    expect_same_error([&] { fast::self_information(above); }, [&] { ref::self_information(above); });
    expect_same_error([&] { fast::mutual_information(P); }, [&] { ref::mutual_information(P); });
    expect_same_error([&] { fast::xlogy(Vector{1.0}, Vector{}); }, [&] { ref::xlogy(Vector{1.0}, Vector{}); });
    expect_same_error([&] { fast::rel_entr(P, Q); }, [&] { ref::rel_entr(P, Q); });
    expect_same_error([&] { fast::kl_div(P, Q); }, [&] { ref::kl_div(P, Q); });
    EXPECT_NO_THROW(fast::entr(Vector{-1.0, kNaN}));  // entr accepts every input, as SciPy
}
