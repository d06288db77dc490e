// Chapter 3, summation: the order of a sum is part of its result; naive,
// pairwise and Kahan sums against an exact sum; both twins timed.

#include <cmath>
#include <cstddef>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <random>
#include <string>

#include <omp.h>

#include "dlmath/fast/numerical.hpp"
#include "dlmath/numeric.hpp"
#include "dlmath/reference/numerical.hpp"
#include "tour.hpp"

namespace {

namespace ref = dlmath::reference;
namespace fast = dlmath::fast;
using FloatVector = xt::xtensor<float, 1>;

// n floats drawn uniformly from [0.5, 1): every one is a multiple of 2^-24, so
// their sum (below 2^24 for n < 2^24) needs at most 48 bits and is computed
// EXACTLY in double — the oracle of the figure.
FloatVector halves_to_one(std::size_t n, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<float> d(0.5f, 1.0f);
    FloatVector x = FloatVector::from_shape({n});
    for (auto& v : x) v = d(rng);
    return x;
}
double exact_sum(const FloatVector& x) {
    double s = 0.0;
    for (float v : x) s += static_cast<double>(v);
    return s;
}

void order_changes_rounding(dlmath::tour::Checks& c) {
    const FloatVector x = halves_to_one(1000000, 7);
    //! [example_blocks]
    // the same vector, cut into 1, 2 or 4 blocks: each block summed left to
    // right (one "thread" each), the block sums added in order
    const float one = ref::sum_in_blocks(x, 1), two = ref::sum_in_blocks(x, 2), four = ref::sum_in_blocks(x, 4);
    //! [example_blocks]
    const double exact = exact_sum(x);
    std::cout << "  float sum of 10^6 numbers in [0.5, 1): exact " << std::setprecision(12) << exact << ", 1 block "
              << one << ", 2 blocks " << two << ", 4 blocks " << four << "\n";
    dlmath::tour::check_that(c, "1, 2 and 4 blocks give three different float sums",
                             one != two && two != four && one != four);
    float by_threads[3];
    const int saved = omp_get_max_threads();
    for (int t = 1; t <= 3; ++t) {
        omp_set_num_threads(t);
        by_threads[t - 1] = fast::sum_pairwise(x);
    }
    omp_set_num_threads(saved);
    dlmath::tour::check_that(c, "fast::sum_pairwise gives the same bits with 1, 2 and 3 threads (" +
                                    std::to_string(by_threads[0]) + ")",
                             by_threads[0] == by_threads[1] && by_threads[1] == by_threads[2]);
}

void absorbed_terms(dlmath::tour::Checks& c) {
    //! [example_kahan]
    // 1, then 10^4 terms of 0.75 u: each one alone is absorbed by 1
    FloatVector x = FloatVector::from_shape({10001});
    x(0) = 1.0f;
    for (std::size_t i = 1; i < x.size(); ++i) x(i) = 0.75f * dlmath::unit_roundoff<float>();
    const float naive = ref::sum_naive(x), kahan = ref::sum_kahan(x), pairwise = ref::sum_pairwise(x);
    //! [example_kahan]
    const double exact = exact_sum(x);
    dlmath::tour::check(c, "float naive sum of 1 + 10^4 x 0.75u: every small term absorbed", naive, 1.0);
    dlmath::tour::check(c, "float Kahan sum of the same, correctly rounded", kahan, static_cast<float>(exact));
    dlmath::tour::check_that(c, "float pairwise sum within gamma_14 of the exact " + std::to_string(exact),
                             std::fabs(pairwise - exact) <= static_cast<double>(dlmath::gamma<float>(14.0f)) * exact);
}

void timings(const dlmath::tour::Options& o) {
    const std::size_t n = o.quick ? 1000000 : 10000000;
    xt::xtensor<double, 1> x = xt::xtensor<double, 1>::from_shape({n});
    std::mt19937_64 rng(3);
    std::normal_distribution<double> d(0.0, 1.0);
    for (auto& v : x) v = d(rng);
    volatile double sink = 0;
    const std::string size = " (n = " + std::to_string(n) + ")";
    dlmath::tour::print_timing("sum_pairwise" + size, dlmath::tour::seconds([&] { sink = ref::sum_pairwise(x); }),
                               dlmath::tour::seconds([&] { sink = fast::sum_pairwise(x); }));
    dlmath::tour::print_timing("sum_kahan" + size, dlmath::tour::seconds([&] { sink = ref::sum_kahan(x); }),
                               dlmath::tour::seconds([&] { sink = fast::sum_kahan(x); }));
    (void)sink;
}

// Figure: relative error |s_hat - s| / s of the three float sums against n,
// on numbers in [0.5, 1) (exact sums in double). An error of 0 is written as
// 1e-10, the floor of the plot.
void summation_error(const std::filesystem::path& dir, bool quick) {
    const int decades = quick ? 6 : 7;
    const std::size_t points = static_cast<std::size_t>(4 * decades) + 1;
    xt::xtensor<double, 2> rows = xt::xtensor<double, 2>::from_shape({points, 4});
    for (std::size_t k = 0; k < points; ++k) {
        const auto n = static_cast<std::size_t>(std::llround(std::pow(10.0, static_cast<double>(k) / 4.0)));
        const FloatVector x = halves_to_one(n, 11 + k);
        const double s = exact_sum(x);
        auto rel = [s](float v) { return std::fmax(std::fabs(static_cast<double>(v) - s) / s, 1e-10); };
        rows(k, 0) = static_cast<double>(n);
        rows(k, 1) = rel(ref::sum_naive(x));
        rows(k, 2) = rel(ref::sum_pairwise(x));
        rows(k, 3) = rel(ref::sum_kahan(x));
    }
    dlmath::tour::write_csv(dir / "summation_error.csv", "n,naive,pairwise,kahan", rows);
}

void run(dlmath::tour::Checks& c, const dlmath::tour::Options& o) {
    order_changes_rounding(c);
    absorbed_terms(c);
    timings(o);
    summation_error(o.figures, o.quick);
}

const dlmath::tour::Register section{"summation", run};

}  // namespace
