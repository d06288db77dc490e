// Chapter 3, stable formulas: the worked examples of the section, reference
// vs fast on a batch of logits, and the data of the figures
// softmax_overflow.svg (naive vs stable softmax over growing inputs) and
// softmax_ladder.svg (GB/s of each step of the softmax ladder).

#include <cmath>
#include <iostream>
#include <iterator>
#include <limits>
#include <string>

#include "dlmath/fast/numerical.hpp"
#include "dlmath/random.hpp"
#include "dlmath/reference/numerical.hpp"
#include "dlmath/reference/probability.hpp"
#include "../../fast/src/kernels/numerical/softmax_ladder.hpp"
#include "tour.hpp"

namespace ref = dlmath::reference;
namespace fast = dlmath::fast;
using dlmath::Matrix;
using dlmath::Vector;

namespace {

Vector vec(std::initializer_list<double> v) {
    Vector x = Vector::from_shape({v.size()});
    std::size_t i = 0;
    for (double e : v) x(i++) = e;
    return x;
}

void examples(dlmath::tour::Checks& c) {
    constexpr double inf = std::numeric_limits<double>::infinity();
    //! [example_logsumexp]
    const Vector big = vec({1000.0, 1000.0});
    const double naive = ref::logsumexp_naive(big);     // log(inf + inf) = inf
    const double stable = ref::logsumexp(big);          // 1000 + ln 2
    const double tiny = ref::logsumexp(vec({0.0, -40.0}));  // log1p(e^-40) = 4.25e-18, not 0
    //! [example_logsumexp]
    dlmath::tour::check(c, "naive logsumexp([1000, 1000]) overflows to inf", naive, inf);
    dlmath::tour::check(c, "logsumexp([1000, 1000]) = 1000 + ln 2", stable, 1000.0 + std::log(2.0));
    dlmath::tour::check(c, "logsumexp([0, -40]) = e^-40 = 4.25e-18", tiny, std::exp(-40.0), 1);

    //! [example_softmax]
    const Vector logits = vec({1000.0, 1000.0, 1000.0});
    const Vector p_naive = ref::softmax_naive(logits);  // inf / inf = NaN
    const Vector p = ref::softmax(logits);              // 1/3 each: e^(x - max) = 1
    //! [example_softmax]
    dlmath::tour::check_that(c, "naive softmax([1000, 1000, 1000]) is NaN", std::isnan(p_naive(0)));
    dlmath::tour::check(c, "softmax([1000, 1000, 1000]) = 1/3 each", p(0), 1.0 / 3.0);

    xt::xtensor<float, 1> xf = {89.0f, 0.0f};
    dlmath::tour::check_that(c, "float32: naive softmax([89, 0]) is NaN (e^89 > 3.4e38)",
                             std::isnan(ref::softmax_naive(xf)(0)));
    dlmath::tour::check(c, "float32: softmax([89, 0]) = [1, e^-89]", ref::softmax(xf)(0), 1.0);

    //! [example_log_softmax]
    const Vector far = vec({0.0, -1000.0});
    const double via_log = std::log(ref::softmax(far)(1));  // log(0) = -inf
    const double direct = ref::log_softmax(far)(1);        // -1000 - log1p(e^-1000) = -1000
    const double loss = ref::cross_entropy_from_logits(far, 1);                    // 1000
    const double loss_p = ref::cross_entropy_from_probabilities(ref::softmax(far), 1);  // inf
    //! [example_log_softmax]
    dlmath::tour::check(c, "log(softmax([0, -1000]))_1 = -inf", via_log, -inf);
    dlmath::tour::check(c, "log_softmax([0, -1000])_1 = -1000", direct, -1000.0);
    dlmath::tour::check(c, "cross-entropy from logits, label 1: 1000", loss, 1000.0);
    dlmath::tour::check(c, "cross-entropy from probabilities: inf", loss_p, inf);
    dlmath::tour::check(c, "log_sigmoid(-1000) = -1000 (log(sigmoid) = -inf)", ref::log_sigmoid(-1000.0), -1000.0);
    dlmath::tour::check(c, "fast logsumexp([0, -40]) keeps e^-40 too", fast::logsumexp(vec({0.0, -40.0})),
                        std::exp(-40.0), 4);
}

Matrix logits_matrix(std::size_t m, std::size_t n) {
    Matrix X = Matrix::from_shape({m, n});
    for (std::size_t k = 0; k < X.size(); ++k) X.data()[k] = 20.0 * (dlmath::uniform_at(7, k) - 0.5);
    return X;
}

void timings(bool quick) {
    std::cout << "  reference vs fast, best of 5 runs:\n";
    const std::size_t m = quick ? 256 : 2048, n = quick ? 1024 : 2048;
    const Matrix X = logits_matrix(m, n);
    Matrix Y;
    Vector v;
    const std::string size = " (" + std::to_string(m) + " x " + std::to_string(n) + ")";
    dlmath::tour::print_timing("softmax by rows" + size, dlmath::tour::seconds([&] { Y = ref::softmax(X, 1); }),
                               dlmath::tour::seconds([&] { Y = fast::softmax(X, 1); }));
    dlmath::tour::print_timing("logsumexp by rows" + size, dlmath::tour::seconds([&] { v = ref::logsumexp(X, 1); }),
                               dlmath::tour::seconds([&] { v = fast::logsumexp(X, 1); }));
}

// Figure 1: softmax([t, t/2, 0])_0 for t from 1 to 2000, naive and stable, float and double.
void overflow_figure(const std::filesystem::path& dir) {
    const std::size_t steps = 200;
    Matrix rows = Matrix::from_shape({steps + 1, 5});
    for (std::size_t k = 0; k <= steps; ++k) {
        const double t = std::pow(10.0, 3.3 * static_cast<double>(k) / steps);
        const Vector x = vec({t, t / 2, 0.0});
        xt::xtensor<float, 1> xf = {static_cast<float>(t), static_cast<float>(t / 2), 0.0f};
        rows(k, 0) = t;
        rows(k, 1) = ref::softmax_naive(x)(0);
        rows(k, 2) = ref::softmax(x)(0);
        rows(k, 3) = ref::softmax_naive(xf)(0);
        rows(k, 4) = ref::softmax(xf)(0);
    }
    dlmath::tour::write_csv(dir / "softmax_overflow.csv", "t,naive_double,stable_double,naive_float,stable_float",
                            rows);
}

// Figure 2: the softmax ladder's GB/s (16 bytes per entry: read X, write Y), median of 5 runs.
void ladder_figure(const std::filesystem::path& dir, bool quick) {
    namespace ladder = dlmath::fast::detail::ladder;
    const std::size_t m = quick ? 128 : 1024, n = 4096;
    const Matrix X = logits_matrix(m, n);
    Matrix Y;
    using Step = Matrix (*)(const Matrix&);
    const Step steps[] = {[](const Matrix& A) { return ref::softmax(A, 1); }, ladder::softmax_step1,
                          ladder::softmax_step2, ladder::softmax_step3, ladder::softmax_step4,
                          ladder::softmax_step5, ladder::softmax_step6};
    Matrix rows = Matrix::from_shape({std::size(steps), 2});
    std::cout << "  the softmax ladder (" << m << " x " << n << ", median of 5 runs):\n";
    for (std::size_t k = 0; k < std::size(steps); ++k) {
        Y = steps[k](X);  // one untimed call: first touch of Y's pages
        const double t = dlmath::tour::repeated([&] { Y = steps[k](X); }, 5).median();
        rows(k, 0) = static_cast<double>(k);
        rows(k, 1) = 16.0 * static_cast<double>(m * n) / t / 1e9;
        std::cout << "    step " << k << ": " << rows(k, 1) << " GB/s\n";
    }
    dlmath::tour::write_csv(dir / "softmax_ladder.csv", "step,gbps", rows);
}

void run(dlmath::tour::Checks& c, const dlmath::tour::Options& o) {
    examples(c);
    timings(o.quick);
    overflow_figure(o.figures);
    ladder_figure(o.figures, o.quick);
}

const dlmath::tour::Register section{"stable", run};

}  // namespace
