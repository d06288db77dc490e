// Chapter 2, information theory: the worked examples, reference vs fast
// entropy, cross-entropy and KL, and the data of the figure
// bernoulli_entropy.svg.

#include <cmath>
#include <iostream>
#include <numbers>
#include <random>
#include <string>

#include "dlmath/fast/probability.hpp"
#include "dlmath/reference/probability.hpp"
#include "tour.hpp"

namespace ref = dlmath::reference;
namespace fast = dlmath::fast;
using dlmath::Matrix;
using dlmath::Vector;

namespace {

void self_information_and_entropy(dlmath::tour::Checks& c) {
    //! [example_one_nat]
    const double nat = ref::self_information(std::exp(-1.0));  // an event of probability 1/e
    const double bit = ref::self_information(0.5, 2.0);         // a fair coin's outcome, in bits
    //! [example_one_nat]
    dlmath::tour::check(c, "I(1/e) in nats", nat, 1.0, 1);
    dlmath::tour::check(c, "I(1/2) in bits", bit, 1.0);
    dlmath::tour::check(c, "I(1/2) in nats = ln 2", ref::self_information(0.5), std::numbers::ln2);

    //! [example_bernoulli]
    auto bernoulli_bits = [](double phi) { return ref::entropy(Vector{phi, 1.0 - phi}, 2.0); };
    const double top = bernoulli_bits(0.5);  // 1 bit
    //! [example_bernoulli]
    dlmath::tour::check(c, "H(Bernoulli(0.5)) in bits", top, 1.0);
    dlmath::tour::check(c, "H(Bernoulli(0.5)) in nats = ln 2", ref::entropy(Vector{0.5, 0.5}), std::numbers::ln2);
    bool below = true;
    for (int k = 0; k <= 1000; ++k) below = below && (k == 500 || bernoulli_bits(k / 1000.0) < top);
    dlmath::tour::check_that(c, "every other phi in 0, 0.001, ..., 1 has less than 1 bit", below);
    dlmath::tour::check(c, "H(Bernoulli(1)) (a sure outcome, 0 log 0 = 0)", ref::entropy(Vector{1.0, 0.0}), 0.0);
    dlmath::tour::check(c, "the fast twin: H(Bernoulli(0.5)) in bits", fast::entropy(Vector{0.5, 0.5}, 2.0), 1.0);
}

void divergences(dlmath::tour::Checks& c) {
    //! [example_kl]
    const Vector p = {0.5, 0.5}, q = {0.9, 0.1};
    const double pq = ref::kl_divergence(p, q);  // log(5/3) = 0.511
    const double qp = ref::kl_divergence(q, p);  // 0.9 log 1.8 + 0.1 log 0.2 = 0.368
    //! [example_kl]
    dlmath::tour::check(c, "D_KL([0.5, 0.5] || [0.9, 0.1]) = log(5/3)", pq, std::log(5.0 / 3.0), 4);
    dlmath::tour::check(c, "D_KL([0.9, 0.1] || [0.5, 0.5])", qp, 0.9 * std::log(1.8) + 0.1 * std::log(0.2), 4);
    dlmath::tour::check_that(c, "KL is not symmetric: " + std::to_string(pq) + " != " + std::to_string(qp), pq != qp);
    dlmath::tour::check(c, "H(P, Q) = H(P) + D_KL(P || Q)", ref::cross_entropy(p, q), ref::entropy(p) + pq, 4);
    dlmath::tour::check(c, "D_KL(P || P) = 0", ref::kl_divergence(q, q), 0.0);
    dlmath::tour::check(c, "D_KL([0.5, 0.5] || [1, 0]) (q = 0 < p)", ref::kl_divergence(p, Vector{1.0, 0.0}), INFINITY);

    //! [example_loss]
    const Vector label = {0.0, 1.0, 0.0};          // the right class is 1
    const Vector predicted = {0.2, 0.7, 0.1};      // a classifier's softmax output
    const double loss = ref::cross_entropy(label, predicted);  // -log 0.7
    //! [example_loss]
    dlmath::tour::check(c, "cross-entropy loss of a one-hot label = -log q_y", loss, -std::log(0.7));

    dlmath::tour::check(c, "JS of disjoint distributions = ln 2",
                        ref::jensen_shannon_divergence(Vector{1.0, 0.0}, Vector{0.0, 1.0}), std::numbers::ln2);
    dlmath::tour::check(c, "  the same in bits", ref::jensen_shannon_divergence(Vector{1.0, 0.0}, Vector{0.0, 1.0}, 2.0), 1.0);

    //! [example_mutual_information]
    const Matrix copy = {{0.25, 0.0}, {0.0, 0.75}};         // Y = X
    const Matrix independent = {{0.125, 0.125}, {0.375, 0.375}};  // P(x, y) = P(x) P(y)
    //! [example_mutual_information]
    dlmath::tour::check(c, "I(X; X) = H(X)", ref::mutual_information(copy), ref::entropy(Vector{0.25, 0.75}), 2);
    dlmath::tour::check(c, "I(X; Y) of independent X, Y", ref::mutual_information(independent), 0.0);
}

void timings(bool quick) {
    std::cout << "  reference vs fast, best of 5 runs:\n";
    const std::size_t n = quick ? 1'000'000 : 10'000'000;
    std::mt19937_64 rng(3);
    std::uniform_real_distribution<double> w(0.5, 1.5);
    Vector p = Vector::from_shape({n}), q = Vector::from_shape({n});
    double sp = 0.0, sq = 0.0;
    for (std::size_t i = 0; i < n; ++i) { sp += (p(i) = w(rng)); sq += (q(i) = w(rng)); }
    p /= sp;
    q /= sq;
    volatile double sink = 0;
    const std::string size = " (n = " + std::to_string(n) + ")";
    dlmath::tour::print_timing("entropy" + size, dlmath::tour::seconds([&] { sink = ref::entropy(p); }),
                               dlmath::tour::seconds([&] { sink = fast::entropy(p); }));
    dlmath::tour::print_timing("cross_entropy" + size, dlmath::tour::seconds([&] { sink = ref::cross_entropy(p, q); }),
                               dlmath::tour::seconds([&] { sink = fast::cross_entropy(p, q); }));
    dlmath::tour::print_timing("kl_divergence" + size, dlmath::tour::seconds([&] { sink = ref::kl_divergence(p, q); }),
                               dlmath::tour::seconds([&] { sink = fast::kl_divergence(p, q); }));
    (void)sink;
}

// Figure: the entropy of a Bernoulli(phi) variable against phi, in bits and nats.
void bernoulli_entropy(const std::filesystem::path& dir) {
    const std::size_t steps = 400;
    Matrix rows = Matrix::from_shape({steps + 1, 3});
    for (std::size_t k = 0; k <= steps; ++k) {
        const double phi = static_cast<double>(k) / steps;
        const Vector bernoulli = {phi, 1.0 - phi};
        rows(k, 0) = phi;
        rows(k, 1) = ref::entropy(bernoulli, 2.0);
        rows(k, 2) = ref::entropy(bernoulli);
    }
    dlmath::tour::write_csv(dir / "bernoulli_entropy.csv", "phi,bits,nats", rows);
}

void run(dlmath::tour::Checks& c, const dlmath::tour::Options& o) {
    self_information_and_entropy(c);
    divergences(c);
    timings(o.quick);
    bernoulli_entropy(o.figures);
}

const dlmath::tour::Register section{"information", run};

}  // namespace
