// Chapter 2, mixtures: the log-likelihood of n points under a Gaussian
// mixture of 8 components in 10 dimensions — reference vs fast vs library
// (OpenBLAS's triangular solve dtrsm per component, then a log-sum-exp in
// xtensor expressions). Names: gmm_loglik/<case>/<n>; counter: GFLOP/s
// from the n k (d(d+1) + 2d + 4) flops of the solves and squares (the k
// exp and log per point are not counted).
#include <cblas.h>

#include <cstddef>
#include <tuple>
#include <vector>

#include <benchmark/benchmark.h>
#include <xtensor/xmath.hpp>
#include <xtensor/xview.hpp>

#include "dlmath/fast/probability.hpp"
#include "dlmath/reference/probability.hpp"
#include "kit.hpp"

namespace {

using dlmath::Matrix;
using dlmath::Mixture;
using dlmath::MultivariateGaussian;
using dlmath::Vector;
using namespace dlmath::bench;

constexpr std::size_t k = 8, d = 10;

// 8 components with tridiagonal covariances (1 on the diagonal, 0.3 beside
// it, scaled by 1 + i/10) and means 3 e_i; n points drawn from the mixture.
auto gmm_and_points(std::size_t n) {
    std::vector<MultivariateGaussian> comps;
    for (std::size_t i = 0; i < k; ++i) {
        Matrix S = xt::eye<double>(d);
        for (std::size_t j = 0; j + 1 < d; ++j) S(j, j + 1) = S(j + 1, j) = 0.3;
        Vector mu = xt::zeros<double>({d});
        mu(i) = 3.0;
        comps.push_back(MultivariateGaussian::from_covariance(mu, (1.0 + 0.1 * static_cast<double>(i)) * S));
    }
    Mixture<MultivariateGaussian> gmm(xt::ones<double>({k}) / static_cast<double>(k), comps);
    dlmath::Rng rng(1);
    Matrix X = gmm.sample(rng, n);
    return std::tuple{std::move(gmm), std::move(X)};
}

// The library case: per component, Z = (X - mu) L^-T by dtrsm (row z_n solves
// L z_n = x_n - mu), a_c = log w_c + log-normaliser - |z_n|^2 / 2; then
// log sum_c exp(a_c) as xtensor expressions.
Vector library_loglik(const Mixture<MultivariateGaussian>& m, const Matrix& X) {
    const std::size_t n = X.shape(0);
    Matrix A = Matrix::from_shape({n, k});
    for (std::size_t c = 0; c < k; ++c) {
        const MultivariateGaussian& g = m.components()[c];
        Matrix Z = X - xt::view(g.mean(), xt::newaxis(), xt::all());
        cblas_dtrsm(CblasRowMajor, CblasRight, CblasLower, CblasTrans, CblasNonUnit, static_cast<blasint>(n),
                    static_cast<blasint>(d), 1.0, g.cholesky_factor().data(), static_cast<blasint>(d), Z.data(),
                    static_cast<blasint>(d));
        xt::view(A, xt::all(), c) = m.log_weights()(c) + g.log_normalizer() - 0.5 * xt::sum(Z * Z, {1});
    }
    const Vector mx = xt::amax(A, {1});
    return mx + xt::log(xt::sum(xt::exp(A - xt::view(mx, xt::all(), xt::newaxis())), {1}));
}

void register_all() {
    const double flops_per_point = static_cast<double>(k * (d * (d + 1) + 2 * d + 4));
    // the points read and one value per point written, and each component's
    // mean, Cholesky factor, weight and normalizer
    const double parameter_bytes = 8.0 * static_cast<double>(k * (d * d + d + 2));
    kernel("gmm_loglik",
           flops([flops_per_point](std::size_t n) { return flops_per_point * n; },
                 [parameter_bytes](std::size_t n) { return 8.0 * static_cast<double>(n * (d + 1)) + parameter_bytes; }),
           {10'000, 100'000, 1'000'000}, gmm_and_points)
        .reference([](const Mixture<MultivariateGaussian>& m, const Matrix& X) { return dlmath::reference::log_pdf(m, X); },
                   Limits{1'000'000, 0})
        .fast([](const Mixture<MultivariateGaussian>& m, const Matrix& X) { return dlmath::fast::log_pdf(m, X); })
        .library(library_loglik, Limits{1'000'000, 0});  // seconds per call at 10^6: timed once
}

const int registered = (register_all(), 0);

}  // namespace
