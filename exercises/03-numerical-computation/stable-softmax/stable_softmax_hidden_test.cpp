// Hidden tests of the stable softmax exercise (instructor only: they are
// left out of the student edition and run by the autograder).
#include "stable_softmax.hpp"

#include <cmath>
#include <cstddef>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <dlmath/errors.hpp>

using dlmath::Vector;
using dlmath::exercises::log_softmax;
using dlmath::exercises::logsumexp;
using dlmath::exercises::softmax;

namespace {
constexpr double u = 1.1102230246251565e-16;  // 2^-53

Vector from_ints(const std::vector<int>& v) {
    Vector x = Vector::from_shape({v.size()});
    for (std::size_t i = 0; i < v.size(); ++i) x(i) = v[i];
    return x;
}

// log softmax(x)_i in long double with the shift (11 more bits): the oracle.
std::vector<long double> log_softmax_oracle(const Vector& x) {
    long double m = x(0);
    for (double e : x) m = std::max(m, static_cast<long double>(e));
    long double s = 0;
    for (double e : x) s += std::exp(static_cast<long double>(e) - m);
    std::vector<long double> r(x.size());
    for (std::size_t i = 0; i < x.size(); ++i) r[i] = x(i) - m - std::log(s);
    return r;
}
}  // namespace

// e^1000 overflows: without the shift by the maximum the softmax is inf/inf = NaN.
TEST(StableSoftmaxHidden, NoOverflowAtOneThousand) {
    const Vector p = softmax(Vector{1000.0, 1000.0, 0.0});
    ASSERT_EQ(p.size(), 3u);
    EXPECT_NEAR(p(0), 0.5, 8 * u);
    EXPECT_NEAR(p(1), 0.5, 8 * u);
    EXPECT_EQ(p(2), 0.0);  // e^-1000 underflows: 0 is right to the last bit
    EXPECT_NEAR(logsumexp(Vector{1000.0, 1000.0}), 1000.0 + std::log(2.0), 4 * u * 1000.0);
}

// e^-1000 underflows to 0: log(softmax) gives -inf, x - LSE(x) gives -1000.
TEST(StableSoftmaxHidden, AFarLogitGetsAFiniteLogProbability) {
    const Vector l = log_softmax(Vector{0.0, -1000.0});
    ASSERT_EQ(l.size(), 2u);
    EXPECT_EQ(l(0), 0.0);
    EXPECT_EQ(l(1), -1000.0);
}

TEST(StableSoftmaxHidden, MessagesNameTheFunction) {
    for (const char* name : {"logsumexp", "softmax", "log_softmax"}) {
        try {
            if (std::string(name) == "logsumexp") logsumexp(Vector{});
            else if (std::string(name) == "softmax") softmax(Vector{});
            else log_softmax(Vector{});
            ADD_FAILURE() << name << ": no exception for an empty x";
        } catch (const dlmath::shape_error& e) {
            EXPECT_NE(std::string(e.what()).find(name), std::string::npos) << e.what();
        }
    }
}

// Sums to 1 within (2n + 4)u for integer logits up to 5000 in size.
RC_GTEST_PROP(StableSoftmaxHidden, SumsToOneForLargeEntries, ()) {
    const auto v = *rc::gen::nonEmpty(rc::gen::container<std::vector<int>>(rc::gen::inRange(-5000, 5001)));
    const Vector p = softmax(from_ints(v));
    RC_ASSERT(p.size() == v.size());
    double s = 0.0;
    for (double e : p) {
        RC_ASSERT(e >= 0.0);
        s += e;
    }
    RC_ASSERT(std::fabs(s - 1.0) <= (2.0 * static_cast<double>(v.size()) + 4) * u);
}

// Adding an integer c to integer logits changes no exponent x_i - m (both exact): the
// softmax is the same to the last bit but for the order of roundings, (2n + 4)u relative.
RC_GTEST_PROP(StableSoftmaxHidden, InvariantToAddingAConstant, ()) {
    const auto v = *rc::gen::nonEmpty(rc::gen::container<std::vector<int>>(rc::gen::inRange(-50, 51)));
    const int c = *rc::gen::inRange(-5000, 5001);
    std::vector<int> w(v);
    for (int& e : w) e += c;
    const Vector p = softmax(from_ints(v)), q = softmax(from_ints(w));
    for (std::size_t i = 0; i < v.size(); ++i)
        RC_ASSERT(std::fabs(q(i) - p(i)) <= (2.0 * static_cast<double>(v.size()) + 4) * u * p(i));
}

// log_softmax within u|x_i| + (n + 4)u (|LSE| + 1) of the oracle, for integer logits far apart.
RC_GTEST_PROP(StableSoftmaxHidden, LogSoftmaxMatchesTheOracle, ()) {
    const auto v = *rc::gen::nonEmpty(rc::gen::container<std::vector<int>>(rc::gen::inRange(-2000, 2001)));
    const Vector x = from_ints(v);
    const Vector l = log_softmax(x);
    const auto o = log_softmax_oracle(x);
    const double lse = logsumexp(x);
    RC_ASSERT(std::isfinite(lse));
    for (std::size_t i = 0; i < v.size(); ++i) {
        const double tol = 2 * u * std::fabs(x(i)) + (static_cast<double>(v.size()) + 4) * u * (std::fabs(lse) + 1);
        RC_ASSERT(std::fabs(static_cast<long double>(l(i)) - o[i]) <= tol);
    }
}
