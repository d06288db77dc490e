// Chapter 4, section 4.1: objectives and test problems — reference twin.
// Each factory checks its data, copies it into the closures, and returns the
// value, gradient and Hessian written as their formulas, one loop per sum.

#include "dlmath/reference/optimization/objectives.hpp"

#include <cmath>
#include <functional>
#include <string>
#include <string_view>

#include "dlmath/detail/checks/optimization.hpp"
#include "dlmath/reference/linear_algebra/decompositions.hpp"
#include "dlmath/reference/numerical/stable.hpp"
#include "dlmath/reference/probability/functions.hpp"

namespace dlmath::reference {

namespace {

namespace fn = dlmath::detail::fn;
using dlmath::detail::check_objective_batch;
using dlmath::detail::check_objective_point;

Vector zeros(std::size_t n) {
    Vector v = Vector::from_shape({n});
    v.fill(0.0);
    return v;
}

Matrix zeros(std::size_t m, std::size_t n) {
    Matrix M = Matrix::from_shape({m, n});
    M.fill(0.0);
    return M;
}

// r = A x - b
Vector residual(const Matrix& A, const Vector& x, const Vector& b) {
    Vector r = Vector::from_shape({A.shape(0)});
    for (std::size_t i = 0; i < A.shape(0); ++i) {
        double s = 0.0;
        for (std::size_t j = 0; j < A.shape(1); ++j) s += A(i, j) * x(j);
        r(i) = s - b(i);
    }
    return r;
}

// g = A^T r
Vector transpose_times(const Matrix& A, const Vector& r) {
    Vector g = zeros(A.shape(1));
    for (std::size_t i = 0; i < A.shape(0); ++i)
        for (std::size_t j = 0; j < A.shape(1); ++j) g(j) += A(i, j) * r(i);
    return g;
}

// A^T A + alpha I
Matrix gram(const Matrix& A, double alpha) {
    const std::size_t n = A.shape(1);
    Matrix H = zeros(n, n);
    for (std::size_t j = 0; j < n; ++j) {
        for (std::size_t k = 0; k < n; ++k) {
            double s = 0.0;
            for (std::size_t i = 0; i < A.shape(0); ++i) s += A(i, j) * A(i, k);
            H(j, k) = s;
        }
        H(j, j) += alpha;
    }
    return H;
}

// The batched form of a two-variable objective from its point-wise value and gradient: the
// same calls row by row, so the batch equals the point-wise form bitwise.
template <class Value, class Gradient>
std::function<void(const Matrix&, Vector&, Matrix&)> batch_of(std::string_view name, std::size_t n, Value value,
                                                              Gradient gradient) {
    return [name, n, value, gradient](const Matrix& X, Vector& f, Matrix& G) {
        check_objective_batch(name, n, X);
        const std::size_t m = X.shape(0);
        f = Vector::from_shape({m});
        G = Matrix::from_shape({m, n});
        Vector x = Vector::from_shape({n});
        for (std::size_t r = 0; r < m; ++r) {
            for (std::size_t j = 0; j < n; ++j) x(j) = X(r, j);
            f(r) = value(x);
            const Vector g = gradient(x);
            for (std::size_t j = 0; j < n; ++j) G(r, j) = g(j);
        }
    };
}

// The exercise function and its gradient at (x1, x2), shared by the point-wise and batched forms.
double exercise_value(double x1, double x2) {
    return std::sin(x1) * std::cos(x2) + std::sin(0.5 * x1) * std::cos(0.5 * x2);
}
void exercise_gradient(double x1, double x2, double& g1, double& g2) {
    g1 = std::cos(x1) * std::cos(x2) + 0.5 * std::cos(0.5 * x1) * std::cos(0.5 * x2);
    g2 = -std::sin(x1) * std::sin(x2) - 0.5 * std::sin(0.5 * x1) * std::sin(0.5 * x2);
}

// Himmelblau's gradient and Hessian at (x, y), for the function and for refining its minima.
void himmelblau_gradient(double x, double y, double& gx, double& gy) {
    const double a = x * x + y - 11, b = x + y * y - 7;
    gx = 4 * x * a + 2 * b;
    gy = 2 * a + 4 * y * b;
}
void himmelblau_hessian(double x, double y, double& hxx, double& hxy, double& hyy) {
    hxx = 12 * x * x + 4 * y - 42;
    hxy = 4 * (x + y);
    hyy = 4 * x + 12 * y * y - 26;
}

}  // namespace

//! [quadratic]
// f(x) = 1/2 x^T A x - b^T x,  grad f = A x - b,  Hessian A
dlmath::Objective quadratic(const Matrix& A, const Vector& b) {
    detail::check_quadratic(fn::quadratic, A, b);
    const std::size_t n = b.size();
    dlmath::Objective f;
    f.dim = n;
    f.name = "quadratic";
    f.value = [A, b, n](const Vector& x) {
        check_objective_point(fn::quadratic, n, x);
        double s = 0.0;
        for (std::size_t i = 0; i < n; ++i) {
            double Ax_i = 0.0;
            for (std::size_t j = 0; j < n; ++j) Ax_i += A(i, j) * x(j);
            s += 0.5 * x(i) * Ax_i - b(i) * x(i);
        }
        return s;
    };
    f.gradient = [A, b, n](const Vector& x) {
        check_objective_point(fn::quadratic, n, x);
        return residual(A, x, b);
    };
    f.hessian = [A, n](const Vector& x) {
        check_objective_point(fn::quadratic, n, x);
        return Matrix(A);
    };
    return f;
}
//! [quadratic]

Vector quadratic_minimizer(const Matrix& A, const Vector& b) {
    detail::check_quadratic(fn::quadratic_minimizer, A, b);
    return solve(A, b);  // A x* = b
}

double quadratic_condition(const Matrix& A) {
    detail::check_quadratic(fn::quadratic_condition, A, zeros(A.shape(0)));
    return cond(A);
}

Matrix ill_conditioned_hessian(double kappa, double theta) {
    detail::check_ill_conditioned_hessian(kappa, theta);
    const double c = std::cos(theta), s = std::sin(theta);
    // R diag(1, kappa) R^T with R = [[c, -s], [s, c]]
    Matrix A = Matrix::from_shape({2, 2});
    A(0, 0) = c * c + kappa * s * s;
    A(0, 1) = c * s * (1.0 - kappa);
    A(1, 0) = A(0, 1);
    A(1, 1) = s * s + kappa * c * c;
    return A;
}

//! [rosenbrock]
// f(x) = sum_{i=0}^{n-2} 100 (x_{i+1} - x_i^2)^2 + (1 - x_i)^2
dlmath::Objective rosenbrock(std::size_t n) {
    detail::check_rosenbrock(n);
    dlmath::Objective f;
    f.dim = n;
    f.name = "rosenbrock";
    f.value = [n](const Vector& x) {
        check_objective_point(fn::rosenbrock, n, x);
        double s = 0.0;
        for (std::size_t i = 0; i + 1 < n; ++i) {
            const double d = x(i + 1) - x(i) * x(i), e = 1.0 - x(i);
            s += 100.0 * d * d + e * e;
        }
        return s;
    };
    // df/dx_j = -400 x_j (x_{j+1} - x_j^2) - 2 (1 - x_j)   [term j, j < n-1]
    //         + 200 (x_j - x_{j-1}^2)                       [term j-1, j > 0]
    f.gradient = [n](const Vector& x) {
        check_objective_point(fn::rosenbrock, n, x);
        Vector g = zeros(n);
        for (std::size_t i = 0; i + 1 < n; ++i) {
            const double d = x(i + 1) - x(i) * x(i);
            g(i) += -400.0 * x(i) * d - 2.0 * (1.0 - x(i));
            g(i + 1) += 200.0 * d;
        }
        return g;
    };
    // tridiagonal: H_jj = 1200 x_j^2 - 400 x_{j+1} + 2 [j < n-1] + 200 [j > 0],
    //              H_{j,j+1} = H_{j+1,j} = -400 x_j
    f.hessian = [n](const Vector& x) {
        check_objective_point(fn::rosenbrock, n, x);
        Matrix H = zeros(n, n);
        for (std::size_t i = 0; i + 1 < n; ++i) {
            H(i, i) += 1200.0 * x(i) * x(i) - 400.0 * x(i + 1) + 2.0;
            H(i + 1, i + 1) += 200.0;
            H(i, i + 1) = -400.0 * x(i);
            H(i + 1, i) = -400.0 * x(i);
        }
        return H;
    };
    f.batch = batch_of(fn::rosenbrock, n, f.value, f.gradient);
    return f;
}
//! [rosenbrock]

// f(x, y) = sum_k (c_k - x + x y^k)^2, c = (1.5, 2.25, 2.625), k = 1, 2, 3
dlmath::Objective beale() {
    static constexpr double c[3] = {1.5, 2.25, 2.625};
    dlmath::Objective f;
    f.dim = 2;
    f.name = "beale";
    f.value = [](const Vector& p) {
        check_objective_point(fn::beale, 2, p);
        const double x = p(0), y = p(1);
        double s = 0.0, yk = 1.0;
        for (int k = 0; k < 3; ++k) {
            yk *= y;  // y^(k+1)
            const double t = c[k] - x + x * yk;
            s += t * t;
        }
        return s;
    };
    // df/dx = sum 2 t_k (y^k - 1),  df/dy = sum 2 t_k k x y^(k-1)
    f.gradient = [](const Vector& p) {
        check_objective_point(fn::beale, 2, p);
        const double x = p(0), y = p(1);
        Vector g = zeros(2);
        double yk1 = 1.0;  // y^(k-1)
        for (int k = 1; k <= 3; ++k) {
            const double yk = yk1 * y, t = c[k - 1] - x + x * yk;
            g(0) += 2.0 * t * (yk - 1.0);
            g(1) += 2.0 * t * k * x * yk1;
            yk1 = yk;
        }
        return g;
    };
    // with u_k = y^k - 1, v_k = k x y^(k-1):  H = sum 2 [u u, u v + t k y^(k-1); ., v v + t k(k-1) x y^(k-2)]
    f.hessian = [](const Vector& p) {
        check_objective_point(fn::beale, 2, p);
        const double x = p(0), y = p(1);
        Matrix H = zeros(2, 2);
        double yk2 = 0.0, yk1 = 1.0;  // y^(k-2) (0 for k = 1: its coefficient k - 1 is 0), y^(k-1)
        for (int k = 1; k <= 3; ++k) {
            const double yk = yk1 * y, t = c[k - 1] - x + x * yk;
            const double u = yk - 1.0, v = k * x * yk1;
            H(0, 0) += 2.0 * u * u;
            H(0, 1) += 2.0 * (u * v + t * k * yk1);
            H(1, 1) += 2.0 * (v * v + t * k * (k - 1) * x * yk2);
            yk2 = yk1;
            yk1 = yk;
        }
        H(1, 0) = H(0, 1);
        return H;
    };
    f.batch = batch_of(fn::beale, 2, f.value, f.gradient);
    return f;
}

// f(x, y) = (x + 2y - 7)^2 + (2x + y - 5)^2
dlmath::Objective booth() {
    dlmath::Objective f;
    f.dim = 2;
    f.name = "booth";
    f.value = [](const Vector& p) {
        check_objective_point(fn::booth, 2, p);
        const double r1 = p(0) + 2 * p(1) - 7, r2 = 2 * p(0) + p(1) - 5;
        return r1 * r1 + r2 * r2;
    };
    f.gradient = [](const Vector& p) {
        check_objective_point(fn::booth, 2, p);
        const double r1 = p(0) + 2 * p(1) - 7, r2 = 2 * p(0) + p(1) - 5;
        return Vector{2 * r1 + 4 * r2, 4 * r1 + 2 * r2};
    };
    f.hessian = [](const Vector& p) {
        check_objective_point(fn::booth, 2, p);
        return Matrix{{10.0, 8.0}, {8.0, 10.0}};
    };
    f.batch = batch_of(fn::booth, 2, f.value, f.gradient);
    return f;
}

// f(x, y) = (x^2 + y - 11)^2 + (x + y^2 - 7)^2
dlmath::Objective himmelblau() {
    dlmath::Objective f;
    f.dim = 2;
    f.name = "himmelblau";
    f.value = [](const Vector& p) {
        check_objective_point(fn::himmelblau, 2, p);
        const double a = p(0) * p(0) + p(1) - 11, b = p(0) + p(1) * p(1) - 7;
        return a * a + b * b;
    };
    f.gradient = [](const Vector& p) {
        check_objective_point(fn::himmelblau, 2, p);
        Vector g = Vector::from_shape({2});
        himmelblau_gradient(p(0), p(1), g(0), g(1));
        return g;
    };
    f.hessian = [](const Vector& p) {
        check_objective_point(fn::himmelblau, 2, p);
        Matrix H = Matrix::from_shape({2, 2});
        himmelblau_hessian(p(0), p(1), H(0, 0), H(0, 1), H(1, 1));
        H(1, 0) = H(0, 1);
        return H;
    };
    f.batch = batch_of(fn::himmelblau, 2, f.value, f.gradient);
    return f;
}

std::array<Vector, 4> himmelblau_minima() {
    std::array<Vector, 4> m = {Vector{3.0, 2.0}, Vector{-2.805118086952745, 3.131312518250573},
                               Vector{-3.779310253377747, -3.283185991286170},
                               Vector{3.584428340330492, -1.848126526964404}};
    // three Newton steps on the gradient polish the 16-digit starting values (each step squares
    // the relative error; the Hessian is positive definite at a minimum)
    for (std::size_t k = 1; k < 4; ++k) {
        for (int step = 0; step < 3; ++step) {
            double gx, gy, hxx, hxy, hyy;
            himmelblau_gradient(m[k](0), m[k](1), gx, gy);
            himmelblau_hessian(m[k](0), m[k](1), hxx, hxy, hyy);
            const double det = hxx * hyy - hxy * hxy;
            m[k](0) -= (hyy * gx - hxy * gy) / det;
            m[k](1) -= (hxx * gy - hxy * gx) / det;
        }
    }
    return m;
}

//! [exercise_function]
// f(x) = sin x1 cos x2 + sin(x1/2) cos(x2/2)
dlmath::Objective exercise_function() {
    dlmath::Objective f;
    f.dim = 2;
    f.name = "exercise_function";
    f.value = [](const Vector& x) {
        check_objective_point(fn::exercise_function, 2, x);
        return exercise_value(x(0), x(1));
    };
    f.gradient = [](const Vector& x) {
        check_objective_point(fn::exercise_function, 2, x);
        Vector g = Vector::from_shape({2});
        exercise_gradient(x(0), x(1), g(0), g(1));
        return g;
    };
    // d2f/dx1^2 = -sin x1 cos x2 - 1/4 sin(x1/2) cos(x2/2) = d2f/dx2^2
    // d2f/dx1dx2 = -cos x1 sin x2 - 1/4 cos(x1/2) sin(x2/2)
    f.hessian = [](const Vector& x) {
        check_objective_point(fn::exercise_function, 2, x);
        const double d = -std::sin(x(0)) * std::cos(x(1)) - 0.25 * std::sin(0.5 * x(0)) * std::cos(0.5 * x(1));
        const double o = -std::cos(x(0)) * std::sin(x(1)) - 0.25 * std::cos(0.5 * x(0)) * std::sin(0.5 * x(1));
        return Matrix{{d, o}, {o, d}};
    };
    f.batch = exercise_batch;
    return f;
}

// every row i of X ~ (m, 2): f_i = f(X_i1, X_i2), G_i = grad f(X_i1, X_i2)
void exercise_batch(const Matrix& X, Vector& f, Matrix& G) {
    check_objective_batch(fn::exercise_batch, 2, X);
    const std::size_t m = X.shape(0);
    f = Vector::from_shape({m});
    G = Matrix::from_shape({m, 2});
    for (std::size_t i = 0; i < m; ++i) {
        f(i) = exercise_value(X(i, 0), X(i, 1));
        exercise_gradient(X(i, 0), X(i, 1), G(i, 0), G(i, 1));
    }
}
//! [exercise_function]

Vector exercise_values(const Matrix& X) {
    check_objective_batch(fn::exercise_batch, 2, X);
    Vector f = Vector::from_shape({X.shape(0)});
    for (std::size_t i = 0; i < X.shape(0); ++i) f(i) = exercise_value(X(i, 0), X(i, 1));
    return f;
}

namespace {

// 1/2 ||A x - b||^2 + alpha/2 ||x||^2, its gradient and Hessian; alpha = 0 is least squares
dlmath::Objective regularised_least_squares(std::string_view name, const Matrix& A, const Vector& b, double alpha) {
    const std::size_t n = A.shape(1);
    dlmath::Objective f;
    f.dim = n;
    f.name = std::string(name);
    f.value = [name, A, b, alpha, n](const Vector& x) {
        check_objective_point(name, n, x);
        const Vector r = residual(A, x, b);
        double rr = 0.0, xx = 0.0;
        for (std::size_t i = 0; i < r.size(); ++i) rr += r(i) * r(i);
        for (std::size_t j = 0; j < n; ++j) xx += x(j) * x(j);
        return 0.5 * rr + 0.5 * alpha * xx;
    };
    f.gradient = [name, A, b, alpha, n](const Vector& x) {
        check_objective_point(name, n, x);
        Vector g = transpose_times(A, residual(A, x, b));  // A^T (A x - b)
        for (std::size_t j = 0; j < n; ++j) g(j) += alpha * x(j);
        return g;
    };
    const Matrix H = gram(A, alpha);  // A^T A + alpha I, the same at every point
    f.hessian = [name, H, n](const Vector& x) {
        check_objective_point(name, n, x);
        return Matrix(H);
    };
    return f;
}

}  // namespace

//! [least_squares]
// f(x) = 1/2 ||A x - b||^2,  grad f = A^T (A x - b),  Hessian A^T A
dlmath::Objective least_squares(const Matrix& A, const Vector& b) {
    detail::check_least_squares(fn::least_squares, A, b);
    return regularised_least_squares(fn::least_squares, A, b, 0.0);
}

// f(x) = 1/2 ||A x - b||^2 + alpha/2 ||x||^2,  grad f = A^T (A x - b) + alpha x
dlmath::Objective ridge(const Matrix& A, const Vector& b, double alpha) {
    detail::check_ridge(fn::ridge, A, b, alpha);
    return regularised_least_squares(fn::ridge, A, b, alpha);
}
//! [least_squares]

Vector ridge_minimizer(const Matrix& A, const Vector& b, double alpha) {
    detail::check_ridge(fn::ridge_minimizer, A, b, alpha);
    return solve(gram(A, alpha), transpose_times(A, b));  // (A^T A + alpha I) x = A^T b
}

//! [logistic_regression]
// z = X w;  f(w) = (1/n) sum_i -y_i log sigma(z_i) - (1 - y_i) log sigma(-z_i)
// grad f = X^T (sigma(z) - y) / n;  Hessian X^T diag(sigma(z)(1 - sigma(z))) X / n
dlmath::Objective logistic_regression(const Matrix& X, const Vector& y) {
    detail::check_logistic_regression(X, y);
    const std::size_t n = X.shape(0), d = X.shape(1);
    const double inv_n = 1.0 / static_cast<double>(n);
    const auto logits = [X, n, d](const Vector& w) {
        check_objective_point(fn::logistic_regression, d, w);
        Vector z = zeros(n);
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = 0; j < d; ++j) z(i) += X(i, j) * w(j);
        return z;
    };
    dlmath::Objective f;
    f.dim = d;
    f.name = "logistic_regression";
    f.value = [logits, y, n, inv_n](const Vector& w) {
        const Vector z = logits(w);
        double s = 0.0;
        for (std::size_t i = 0; i < n; ++i) s -= y(i) * log_sigmoid(z(i)) + (1.0 - y(i)) * log_sigmoid(-z(i));
        return s * inv_n;
    };
    f.gradient = [logits, X, y, n, d, inv_n](const Vector& w) {
        const Vector z = logits(w);
        Vector g = zeros(d);
        for (std::size_t i = 0; i < n; ++i) {
            const double e = sigmoid(z(i)) - y(i);
            for (std::size_t j = 0; j < d; ++j) g(j) += X(i, j) * e;
        }
        for (std::size_t j = 0; j < d; ++j) g(j) *= inv_n;
        return g;
    };
    f.hessian = [logits, X, n, d, inv_n](const Vector& w) {
        const Vector z = logits(w);
        Matrix H = zeros(d, d);
        for (std::size_t i = 0; i < n; ++i) {
            const double p = sigmoid(z(i)), s = p * (1.0 - p);
            for (std::size_t j = 0; j < d; ++j)
                for (std::size_t k = 0; k <= j; ++k) H(j, k) += X(i, j) * s * X(i, k);
        }
        // the lower triangle, scaled by 1/n, mirrored: the Hessian is exactly symmetric
        for (std::size_t j = 0; j < d; ++j) {
            for (std::size_t k = 0; k <= j; ++k) {
                H(j, k) *= inv_n;
                H(k, j) = H(j, k);
            }
        }
        return H;
    };
    return f;
}
//! [logistic_regression]

}  // namespace dlmath::reference
