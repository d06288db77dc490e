// Objectives and test problems, reference twin: every gradient against
// chapter 3's central differences and every Hessian against central
// differences of the gradient, at random points; the known minimisers have a
// zero gradient; the exercise function's gradient on a grid over [0,10]² (the
// worked example); batched forms equal the point-wise forms bitwise; bad input.

#include <cmath>
#include <functional>
#include <limits>
#include <random>
#include <string>

#include "dlmath/reference/numerical.hpp"
#include "dlmath/reference/optimization.hpp"
#include "prelude.hpp"

namespace {

constexpr double eps = std::numeric_limits<double>::epsilon();
const double eps23 = std::cbrt(eps) * std::cbrt(eps);  // 3.7e-11

// Central differences with h = cbrt(eps) max(1, |x_j|) err by h^2 |f'''| / 6 (truncation) plus
// about eps |f| / h (rounding): both are eps^(2/3) times a scale S bounding |f|, |f'''| and
// max(1, |x|)^2 near the point — the step that balances them makes each of order eps^(2/3),
// which is why the bound is eps^(2/3) and not eps. 20 S eps^(2/3) leaves a factor of ~10.
double fd_bound(double S) { return 20.0 * S * eps23; }

// The same difference applied to the gradient, column by column: the Hessian by differences of
// an exact gradient, with the same eps^(2/3) scale.
Matrix fd_hessian(const dlmath::Objective& f, const Vector& x) {
    const std::size_t n = x.size();
    Matrix H = Matrix::from_shape({n, n});
    for (std::size_t j = 0; j < n; ++j) {
        const double h = std::cbrt(eps) * std::fmax(1.0, std::fabs(x(j)));
        Vector xp = x, xm = x;
        xp(j) += h;
        xm(j) -= h;
        const double step = xp(j) - xm(j);  // the step actually taken
        const Vector gp = f.gradient(xp), gm = f.gradient(xm);
        for (std::size_t i = 0; i < n; ++i) H(i, j) = (gp(i) - gm(i)) / step;
    }
    return H;
}

Vector uniform_point(std::mt19937_64& rng, std::size_t n, double lo, double hi) {
    std::uniform_real_distribution<double> d(lo, hi);
    Vector x = Vector::from_shape({n});
    for (std::size_t i = 0; i < n; ++i) x(i) = d(rng);
    return x;
}

double max_abs_diff(const Vector& a, const Vector& b) {
    double m = 0.0;
    for (std::size_t i = 0; i < a.size(); ++i) m = std::fmax(m, std::fabs(a(i) - b(i)));
    return m;
}
double max_abs_diff(const Matrix& a, const Matrix& b) {
    double m = 0.0;
    for (std::size_t i = 0; i < a.size(); ++i) m = std::fmax(m, std::fabs(a.data()[i] - b.data()[i]));
    return m;
}

// The gradient and the Hessian of f at 20 random points of [lo, hi]^n against differences:
// S is the scale of |f| and its third derivatives on the box (times max(1, |x|)^2).
void expect_derivatives(const dlmath::Objective& f, double lo, double hi, double S, unsigned seed) {
    std::mt19937_64 rng(seed);
    const ref::Objective value = f.value;
    for (int t = 0; t < 20; ++t) {
        const Vector x = uniform_point(rng, f.dim, lo, hi);
        EXPECT_LE(max_abs_diff(f.gradient(x), ref::gradient(value, x)), fd_bound(S)) << f.name << " at " << x;
        if (f.hessian) {
            const Matrix H = f.hessian(x);
            EXPECT_LE(max_abs_diff(H, fd_hessian(f, x)), fd_bound(S)) << f.name << " at " << x;
            for (std::size_t i = 0; i < f.dim; ++i)
                for (std::size_t j = 0; j < f.dim; ++j) EXPECT_EQ(H(i, j), H(j, i)) << f.name;
        }
    }
}

// The batched form equals the point-wise form bitwise, row by row.
void expect_batch_bitwise(const dlmath::Objective& f, const Matrix& X) {
    ASSERT_TRUE(f.batch) << f.name;
    Vector v;
    Matrix G;
    f.batch(X, v, G);
    ASSERT_EQ(v.size(), X.shape(0));
    ASSERT_EQ(G.shape(0), X.shape(0));
    ASSERT_EQ(G.shape(1), f.dim);
    for (std::size_t r = 0; r < X.shape(0); ++r) {
        Vector x = Vector::from_shape({f.dim});
        for (std::size_t j = 0; j < f.dim; ++j) x(j) = X(r, j);
        EXPECT_EQ(v(r), f.value(x)) << f.name << " row " << r;
        const Vector g = f.gradient(x);
        for (std::size_t j = 0; j < f.dim; ++j) EXPECT_EQ(G(r, j), g(j)) << f.name << " row " << r;
    }
}

Matrix random_matrix(std::mt19937_64& rng, std::size_t m, std::size_t n) {
    std::normal_distribution<double> d(0.0, 1.0);
    Matrix A = Matrix::from_shape({m, n});
    for (std::size_t i = 0; i < A.size(); ++i) A.data()[i] = d(rng);
    return A;
}

// A symmetric positive definite matrix B B^T + I, exactly symmetric.
Matrix spd(std::mt19937_64& rng, std::size_t n) {
    const Matrix B = random_matrix(rng, n, n);
    Matrix A = Matrix::from_shape({n, n});
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j <= i; ++j) {
            double s = i == j ? 1.0 : 0.0;
            for (std::size_t k = 0; k < n; ++k) s += B(i, k) * B(j, k);
            A(i, j) = A(j, i) = s;
        }
    }
    return A;
}

double norm2(const Vector& v) {
    double s = 0.0;
    for (std::size_t i = 0; i < v.size(); ++i) s += v(i) * v(i);
    return std::sqrt(s);
}

}  // namespace

// ---------------------------------------------------------------- worked example

// ▶ The exercise function's hand gradient matches central differences everywhere on a 101 x 101
// grid over [0,10]^2. |f| <= 2, every third partial <= 1 + 1/8, max(1, |x|)^2 <= 100: the
// truncation 100 * 1.125 / 6 and the rounding 2 give 21 eps^(2/3); 100 eps^(2/3) is the bound
// the chapter program prints.
TEST(ObjectivesWorkedExample, ExerciseGradientOnTheGrid) {
    const dlmath::Objective f = ref::exercise_function();
    const ref::Objective value = f.value;
    double worst = 0.0;
    for (int i = 0; i <= 100; ++i) {
        for (int j = 0; j <= 100; ++j) {
            const Vector x = {0.1 * i, 0.1 * j};
            worst = std::fmax(worst, max_abs_diff(f.gradient(x), ref::gradient(value, x)));
        }
    }
    EXPECT_LE(worst, 100.0 * eps23);
    // and a wrong hand gradient (the factor 1/2 of the chain rule dropped) is far outside it
    const Vector x = {2.0, 3.0};
    Vector wrong = f.gradient(x);
    wrong(0) += 0.5 * std::cos(1.0) * std::cos(1.5);  // 1 * cos(x1/2) cos(x2/2) instead of 1/2
    EXPECT_GT(max_abs_diff(wrong, ref::gradient(value, x)), 1e-2);
}

TEST(ObjectivesWorkedExample, ExerciseValues) {
    const dlmath::Objective f = ref::exercise_function();
    EXPECT_EQ(f.value(Vector{0.0, 0.0}), 0.0);
    EXPECT_EQ(f.value(Vector{0.0, 7.0}), 0.0);  // sin 0 = 0 in both terms
    // (pi/2, 0): sin(pi/2) + sin(pi/4), each a correctly rounded libm value: a few ulps
    EXPECT_NEAR(f.value(Vector{std::acos(0.0), 0.0}), 1.0 + std::sqrt(0.5), 4 * eps);
    const Matrix X = {{1.0, 2.0}, {4.5, 0.5}, {7.0, 9.5}, {10.0, 10.0}};
    const Vector v = ref::exercise_values(X);
    for (std::size_t r = 0; r < 4; ++r) EXPECT_EQ(v(r), f.value(Vector{X(r, 0), X(r, 1)}));
}

// ---------------------------------------------------------------- derivatives against differences

// |f| <= 2 and third derivatives <= 1.125 on [0,10]^2, times max(1, |x|)^2 <= 100: S = 200
TEST(ObjectivesDerivatives, Exercise) { expect_derivatives(ref::exercise_function(), 0.0, 10.0, 200.0, 1); }

TEST(ObjectivesDerivatives, Rosenbrock) {
    // on [-2, 2]^n: |f| <= 100 (4 + 4)^2 + 9 per term, third derivatives 2400 |x| <= 4800: S = 1e4 n
    for (std::size_t n : {2u, 3u, 6u}) expect_derivatives(ref::rosenbrock(n), -2.0, 2.0, 1e4 * n, 2);
}

TEST(ObjectivesDerivatives, BealeBoothHimmelblau) {
    // Beale on [-2, 2]^2: terms up to (2.6 + 2 + 16)^2 ~ 430, third derivatives ~ 10^3
    expect_derivatives(ref::beale(), -2.0, 2.0, 2e3, 3);
    // Booth is quadratic (no truncation): |f| <= 500 on [-5, 5]^2
    expect_derivatives(ref::booth(), -5.0, 5.0, 500.0 * 25, 4);
    // Himmelblau on [-5, 5]^2: |f| <= 1000, third derivatives 24 |x| <= 120, max(1, |x|)^2 <= 25
    expect_derivatives(ref::himmelblau(), -5.0, 5.0, 1000.0 * 25, 5);
}

TEST(ObjectivesDerivatives, QuadraticLeastSquaresRidge) {
    std::mt19937_64 rng(6);
    const Matrix A = spd(rng, 4);
    const Vector b = uniform_point(rng, 4, -1.0, 1.0);
    // quadratic: no truncation; rounding eps |f| / h with |f| <= 50 |A| on [-2, 2]^4
    expect_derivatives(ref::quadratic(A, b), -2.0, 2.0, 1e3, 7);
    const Matrix M = random_matrix(rng, 6, 3);
    const Vector y = uniform_point(rng, 6, -1.0, 1.0);
    expect_derivatives(ref::least_squares(M, y), -2.0, 2.0, 1e3, 8);
    expect_derivatives(ref::ridge(M, y, 0.7), -2.0, 2.0, 1e3, 9);
}

TEST(ObjectivesDerivatives, LogisticRegression) {
    std::mt19937_64 rng(10);
    const Matrix X = random_matrix(rng, 30, 3);
    Vector y = Vector::from_shape({30});
    for (std::size_t i = 0; i < 30; ++i) y(i) = (i % 3 == 0) ? 1.0 : 0.0;
    // |z| <= ~10 on [-2, 2]^3: f <= 10, third derivatives of softplus <= 0.1 |x|^3 ~ 30
    expect_derivatives(ref::logistic_regression(X, y), -2.0, 2.0, 100.0, 11);
}

// ---------------------------------------------------------------- properties

TEST(ObjectivesProperties, LeastSquaresFormulas) {
    const Matrix A = {{1.0, 2.0}, {3.0, 4.0}, {5.0, 6.0}};
    const Vector b = {1.0, 0.0, -1.0}, x = {0.5, -1.0};
    const dlmath::Objective f = ref::least_squares(A, b);
    // r = A x - b = (-2.5, -2.5, -2.5): f = 3 * 6.25 / 2, grad = A^T r = (-22.5, -30); exact in binary
    EXPECT_EQ(f.value(x), 9.375);
    const Vector g = f.gradient(x);
    EXPECT_EQ(g(0), -22.5);
    EXPECT_EQ(g(1), -30.0);
    const Matrix H = f.hessian(x);  // A^T A = [[35, 44], [44, 56]]
    EXPECT_EQ(H(0, 0), 35.0);
    EXPECT_EQ(H(0, 1), 44.0);
    EXPECT_EQ(H(1, 1), 56.0);
    // ridge adds alpha/2 |x|^2 and alpha x
    const dlmath::Objective r = ref::ridge(A, b, 2.0);
    EXPECT_EQ(r.value(x), 9.375 + 1.25);
    EXPECT_EQ(r.gradient(x)(1), -32.0);
    EXPECT_EQ(r.hessian(x)(0, 0), 37.0);
}

TEST(ObjectivesProperties, LogisticRegressionIsStableAndExact) {
    const Matrix X = {{1.0}, {1.0}};
    const Vector y = {1.0, 0.0};
    const dlmath::Objective f = ref::logistic_regression(X, y);
    // at w = 0 every sigma = 1/2: f = log 2, gradient (1/2 - 1 + 1/2 - 0) / 2 = 0
    EXPECT_NEAR(f.value(Vector{0.0}), std::log(2.0), 2 * eps);
    EXPECT_EQ(f.gradient(Vector{0.0})(0), 0.0);
    EXPECT_EQ(f.hessian(Vector{0.0})(0, 0), 0.25);
    // a logit of 1000: the wrong label costs 1000 (not inf), the right one e^-1000 = 0
    const double big = f.value(Vector{1000.0});
    EXPECT_TRUE(std::isfinite(big));
    EXPECT_NEAR(big, 500.0, 500.0 * 4 * eps);
}

TEST(ObjectivesProperties, ConditionNumberOfTheFamily) {
    for (double kappa : {1.0, 10.0, 1e3, 1e6}) {
        const Matrix A = ref::ill_conditioned_hessian(kappa, 0.3);
        // cond by the SVD is accurate to about kappa u relative for a 2 x 2
        EXPECT_NEAR(ref::quadratic_condition(A), kappa, 64 * kappa * kappa * eps) << kappa;
        EXPECT_EQ(A(0, 1), A(1, 0));
    }
}

// ---------------------------------------------------------------- known minimisers

TEST(ObjectivesMinimisers, ExactOnes) {
    // exact arithmetic at these points: f = 0 and grad f = 0 exactly
    for (std::size_t n : {2u, 3u, 10u}) {
        const dlmath::Objective f = ref::rosenbrock(n);
        Vector ones = Vector::from_shape({n});
        ones.fill(1.0);
        EXPECT_EQ(f.value(ones), 0.0);
        EXPECT_EQ(norm2(f.gradient(ones)), 0.0);
    }
    EXPECT_EQ(ref::beale().value(Vector{3.0, 0.5}), 0.0);
    EXPECT_EQ(norm2(ref::beale().gradient(Vector{3.0, 0.5})), 0.0);
    EXPECT_EQ(ref::booth().value(Vector{1.0, 3.0}), 0.0);
    EXPECT_EQ(norm2(ref::booth().gradient(Vector{1.0, 3.0})), 0.0);
    EXPECT_EQ(ref::himmelblau().value(Vector{3.0, 2.0}), 0.0);
    EXPECT_EQ(norm2(ref::himmelblau().gradient(Vector{3.0, 2.0})), 0.0);
}

TEST(ObjectivesMinimisers, Himmelblau) {
    const dlmath::Objective f = ref::himmelblau();
    const auto minima = ref::himmelblau_minima();
    for (const Vector& m : minima) {
        // the gradient 4x(x^2 + y - 11) + 2(x + y^2 - 7) has terms of size ~200 at |x| ~ 4, each
        // rounded by u: 1e-12 is about 20 u * 200 * 4 terms
        EXPECT_LE(norm2(f.gradient(m)), 1e-12) << m;
        EXPECT_LE(f.value(m), 1e-24) << m;
        // a minimum: the Hessian is positive definite
        const Matrix H = f.hessian(m);
        EXPECT_GT(H(0, 0), 0.0);
        EXPECT_GT(H(0, 0) * H(1, 1) - H(0, 1) * H(1, 0), 0.0);
    }
    // four different points
    for (std::size_t i = 0; i < 4; ++i)
        for (std::size_t j = i + 1; j < 4; ++j) EXPECT_GT(norm2(minima[i] - minima[j]), 1.0);
}

TEST(ObjectivesMinimisers, QuadraticLeastSquaresRidge) {
    std::mt19937_64 rng(12);
    const Matrix A = spd(rng, 5);
    const Vector b = uniform_point(rng, 5, -1.0, 1.0);
    const Vector x = ref::quadratic_minimizer(A, b);
    // solve is backward stable: |A x - b| <= gamma_3n |L||U||x| ~ a few hundred u |A| |x|
    const double scale = max_abs(A) * norm2(x) + norm2(b);
    EXPECT_LE(norm2(ref::quadratic(A, b).gradient(x)), 1e3 * eps * scale);
    // the minimum -b^T x / 2 is below the value at nearby points (strict convexity)
    const dlmath::Objective q = ref::quadratic(A, b);
    for (std::size_t j = 0; j < 5; ++j) {
        Vector y = x;
        y(j) += 1e-3;
        EXPECT_GT(q.value(y), q.value(x));
    }

    const Matrix M = random_matrix(rng, 8, 3);
    const Vector c = uniform_point(rng, 8, -1.0, 1.0);
    const Vector w = ref::lstsq(M, c);
    EXPECT_LE(norm2(ref::least_squares(M, c).gradient(w)), 1e3 * eps * (max_abs(M) * max_abs(M) * norm2(w) + 8));
    const Vector wr = ref::ridge_minimizer(M, c, 0.3);
    EXPECT_LE(norm2(ref::ridge(M, c, 0.3).gradient(wr)), 1e3 * eps * (max_abs(M) * max_abs(M) * norm2(wr) + 8));
    // alpha = 0 is least squares
    EXPECT_LE(norm2(ref::ridge_minimizer(M, c, 0.0) - w), 1e-12);
}

// ---------------------------------------------------------------- batched forms

TEST(ObjectivesBatch, EqualsPointwiseBitwise) {
    std::mt19937_64 rng(13);
    Matrix X2 = Matrix::from_shape({17, 2});
    for (std::size_t i = 0; i < X2.size(); ++i) X2.data()[i] = std::uniform_real_distribution<double>(0, 10)(rng);
    expect_batch_bitwise(ref::exercise_function(), X2);
    expect_batch_bitwise(ref::beale(), X2);
    expect_batch_bitwise(ref::booth(), X2);
    expect_batch_bitwise(ref::himmelblau(), X2);
    expect_batch_bitwise(ref::rosenbrock(2), X2);
    expect_batch_bitwise(ref::rosenbrock(4), random_matrix(rng, 9, 4));
    // exercise_batch itself, and an empty batch
    Vector v;
    Matrix G;
    ref::exercise_batch(Matrix::from_shape({0, 2}), v, G);
    EXPECT_EQ(v.size(), 0u);
    EXPECT_EQ(G.shape(0), 0u);
}

// ---------------------------------------------------------------- bad input

TEST(ObjectivesBadInput, Quadratic) {
    const Matrix A = {{2.0, 1.0}, {1.0, 3.0}};
    const Vector b = {1.0, 1.0};
    EXPECT_THROW(ref::quadratic(Matrix{{1.0, 2.0, 3.0}, {4.0, 5.0, 6.0}}, b), dlmath::shape_error);
    EXPECT_THROW(ref::quadratic(A, Vector{1.0, 2.0, 3.0}), dlmath::shape_error);
    EXPECT_THROW(ref::quadratic(Matrix{{2.0, 1.0}, {0.0, 3.0}}, b), dlmath::domain_error);  // not symmetric
    EXPECT_THROW(ref::quadratic(Matrix{{1.0, 2.0}, {2.0, 1.0}}, b), dlmath::domain_error);  // indefinite
    EXPECT_THROW(ref::quadratic(Matrix{{0.0, 0.0}, {0.0, 1.0}}, b), dlmath::domain_error);  // singular
    EXPECT_THROW(ref::quadratic(Matrix{{kNaN, 0.0}, {0.0, 1.0}}, b), dlmath::domain_error);
    EXPECT_THROW(ref::quadratic(A, Vector{kInf, 0.0}), dlmath::domain_error);
    EXPECT_THROW(ref::quadratic_minimizer(Matrix{{2.0, 1.0}, {0.0, 3.0}}, b), dlmath::domain_error);
    EXPECT_THROW(ref::quadratic_condition(Matrix{{1.0, 2.0}, {2.0, 1.0}}), dlmath::domain_error);
    const std::string w = what_of([&] { ref::quadratic(Matrix{{2.0, 1.0}, {0.0, 3.0}}, b); });
    EXPECT_NE(w.find("quadratic"), std::string::npos) << w;
    EXPECT_NE(w.find("symmetric"), std::string::npos) << w;
    const std::string s = what_of([&] { ref::quadratic(A, Vector{1.0, 2.0, 3.0}); });
    EXPECT_NE(s.find("quadratic"), std::string::npos) << s;
    EXPECT_NE(s.find("2x2"), std::string::npos) << s;
    // a point of the wrong length, for value, gradient and Hessian
    const dlmath::Objective q = ref::quadratic(A, b);
    EXPECT_THROW(q.value(Vector{1.0}), dlmath::shape_error);
    EXPECT_THROW(q.gradient(Vector{1.0, 2.0, 3.0}), dlmath::shape_error);
    EXPECT_THROW(q.hessian(Vector{1.0}), dlmath::shape_error);
    EXPECT_THROW(ref::ill_conditioned_hessian(0.5), dlmath::domain_error);
    EXPECT_THROW(ref::ill_conditioned_hessian(kNaN), dlmath::domain_error);
    EXPECT_THROW(ref::ill_conditioned_hessian(10.0, kInf), dlmath::domain_error);
}

TEST(ObjectivesBadInput, TestProblems) {
    EXPECT_THROW(ref::rosenbrock(1), dlmath::domain_error);
    EXPECT_THROW(ref::rosenbrock(0), dlmath::domain_error);
    EXPECT_NE(what_of([] { ref::rosenbrock(1); }).find("rosenbrock"), std::string::npos);
    for (const dlmath::Objective& f : {ref::rosenbrock(3), ref::beale(), ref::booth(), ref::himmelblau(),
                                       ref::exercise_function()}) {
        const Vector wrong = Vector::from_shape({f.dim + 1});
        EXPECT_THROW(f.value(wrong), dlmath::shape_error) << f.name;
        EXPECT_THROW(f.gradient(wrong), dlmath::shape_error) << f.name;
        EXPECT_THROW(f.hessian(wrong), dlmath::shape_error) << f.name;
        Vector v;
        Matrix G;
        EXPECT_THROW(f.batch(Matrix::from_shape({3, f.dim + 1}), v, G), dlmath::shape_error) << f.name;
        Matrix bad = Matrix::from_shape({2, f.dim});
        bad.fill(1.0);
        bad(1, 0) = kNaN;
        EXPECT_THROW(f.batch(bad, v, G), dlmath::domain_error) << f.name;
        EXPECT_NE(what_of([&] { f.value(wrong); }).find(f.name), std::string::npos) << f.name;
    }
    Vector v;
    Matrix G;
    EXPECT_THROW(ref::exercise_batch(Matrix::from_shape({4, 3}), v, G), dlmath::shape_error);
    EXPECT_THROW(ref::exercise_values(Matrix::from_shape({4, 1})), dlmath::shape_error);
    EXPECT_THROW(ref::exercise_values(Matrix{{1.0, kInf}}), dlmath::domain_error);
    const std::string w = what_of([&] { ref::exercise_batch(Matrix::from_shape({4, 3}), v, G); });
    EXPECT_NE(w.find("exercise_batch"), std::string::npos) << w;
    EXPECT_NE(w.find("4x3"), std::string::npos) << w;
}

TEST(ObjectivesBadInput, LeastSquaresRidgeLogistic) {
    const Matrix A = {{1.0, 2.0}, {3.0, 4.0}, {5.0, 6.0}};
    const Vector b = {1.0, 0.0, -1.0};
    EXPECT_THROW(ref::least_squares(A, Vector{1.0, 2.0}), dlmath::shape_error);
    EXPECT_THROW(ref::least_squares(Matrix::from_shape({0, 2}), Vector::from_shape({0})), dlmath::shape_error);
    EXPECT_THROW(ref::least_squares(Matrix{{1.0, kNaN}}, Vector{1.0}), dlmath::domain_error);
    EXPECT_THROW(ref::least_squares(A, Vector{1.0, kInf, 0.0}), dlmath::domain_error);
    EXPECT_THROW(ref::least_squares(A, b).gradient(Vector{1.0, 2.0, 3.0}), dlmath::shape_error);
    EXPECT_THROW(ref::ridge(A, b, -0.1), dlmath::domain_error);
    EXPECT_THROW(ref::ridge(A, b, kNaN), dlmath::domain_error);
    EXPECT_THROW(ref::ridge(A, b, kInf), dlmath::domain_error);
    EXPECT_THROW(ref::ridge(A, Vector{1.0}, 1.0), dlmath::shape_error);
    EXPECT_THROW(ref::ridge_minimizer(A, b, -1.0), dlmath::domain_error);
    EXPECT_NE(what_of([&] { ref::ridge(A, b, -0.1); }).find("alpha"), std::string::npos);

    const Matrix X = {{1.0, 0.5}, {1.0, -1.0}};
    EXPECT_THROW(ref::logistic_regression(X, Vector{1.0, 0.5}), dlmath::domain_error);
    EXPECT_THROW(ref::logistic_regression(X, Vector{1.0, -1.0}), dlmath::domain_error);
    EXPECT_THROW(ref::logistic_regression(X, Vector{1.0, kNaN}), dlmath::domain_error);
    EXPECT_THROW(ref::logistic_regression(X, Vector{1.0, 0.0, 1.0}), dlmath::shape_error);
    EXPECT_THROW(ref::logistic_regression(Matrix{{kInf, 0.0}, {1.0, 1.0}}, Vector{1.0, 0.0}), dlmath::domain_error);
    EXPECT_THROW(ref::logistic_regression(Matrix::from_shape({0, 2}), Vector::from_shape({0})), dlmath::shape_error);
    EXPECT_THROW(ref::logistic_regression(X, Vector{1.0, 0.0}).value(Vector{1.0}), dlmath::shape_error);
    const std::string w = what_of([&] { ref::logistic_regression(X, Vector{1.0, 0.5}); });
    EXPECT_NE(w.find("logistic_regression"), std::string::npos) << w;
    EXPECT_NE(w.find("0.5"), std::string::npos) << w;
}
