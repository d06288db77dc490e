// The softmax ladder: see softmax_ladder.hpp for what each step changes.

#include "softmax_ladder.hpp"

#include <cmath>
#include <cstddef>

#include "dlmath/fast/numerical/stable.hpp"
#include "online_softmax.hpp"

namespace dlmath::fast::detail::ladder {

//! [softmax_step1]
Matrix softmax_step1(const Matrix& X) {
    const std::size_t m = X.shape(0), n = X.shape(1);
    Matrix Y = Matrix::from_shape({m, n});
    Vector mx = Vector::from_shape({m}), s = Vector::from_shape({m});
    for (std::size_t i = 0; i < m; ++i) {  // sweep 1: the maxima
        mx(i) = X(i, 0);
        for (std::size_t j = 1; j < n; ++j) mx(i) = std::fmax(mx(i), X(i, j));
    }
    for (std::size_t i = 0; i < m; ++i) {  // sweep 2: e^(x - m), stored and summed
        s(i) = 0.0;
        for (std::size_t j = 0; j < n; ++j) s(i) += (Y(i, j) = std::exp(X(i, j) - mx(i)));
    }
    for (std::size_t i = 0; i < m; ++i) {  // sweep 3: divided by the sums
        for (std::size_t j = 0; j < n; ++j) Y(i, j) /= s(i);
    }
    return Y;
}
//! [softmax_step1]

//! [softmax_step2]
Matrix softmax_step2(const Matrix& X) {
    const std::size_t m = X.shape(0), n = X.shape(1);
    Matrix Y = Matrix::from_shape({m, n});
    for (std::size_t i = 0; i < m; ++i) {
        const double* x = X.data() + i * n;
        double* y = Y.data() + i * n;
        double mx = x[0];
        for (std::size_t j = 1; j < n; ++j) mx = std::fmax(mx, x[j]);  // pass 1 over the row
        double s = 0.0;
        for (std::size_t j = 0; j < n; ++j) s += (y[j] = std::exp(x[j] - mx));  // pass 2, row in cache
        const double inv = 1.0 / s;
        for (std::size_t j = 0; j < n; ++j) y[j] *= inv;  // y is still in cache
    }
    return Y;
}
//! [softmax_step2]

//! [softmax_step3]
Matrix softmax_step3(const Matrix& X) {
    const std::size_t m = X.shape(0), n = X.shape(1);
    Matrix Y = Matrix::from_shape({m, n});
    for (std::size_t i = 0; i < m; ++i) {
        const double* x = X.data() + i * n;
        double* y = Y.data() + i * n;
        Normaliser s;  // (max, r): one pass, one exp per element (online_softmax.hpp)
        for (std::size_t j = 0; j < n; ++j) s = fold(s, x[j]);
        const double inv = 1.0 / (1.0 + s.r);
        for (std::size_t j = 0; j < n; ++j) y[j] = std::exp(x[j] - s.m) * inv;
    }
    return Y;
}
//! [softmax_step3]

Matrix softmax_step4(const Matrix& X) {
    const std::size_t m = X.shape(0), n = X.shape(1);
    Matrix Y = Matrix::from_shape({m, n});
    for (std::size_t i = 0; i < m; ++i) softmax_row_online(X.data() + i * n, Y.data() + i * n, n);
    return Y;
}

Matrix softmax_step5(const Matrix& X) {
    const std::size_t m = X.shape(0), n = X.shape(1);
    Matrix Y = Matrix::from_shape({m, n});
    for (std::size_t i = 0; i < m; ++i) softmax_row(X.data() + i * n, Y.data() + i * n, n);
    return Y;
}

Matrix softmax_step6(const Matrix& X) { return dlmath::fast::softmax(X, 1); }

}  // namespace dlmath::fast::detail::ladder
