/// \file
/// \brief The multivariate Gaussian \f$ \mathcal N(\mu, \Sigma) \f$ as a
/// value type shared by both twins, made from its covariance matrix or its
/// precision matrix, with the Cholesky factor of \f$ \Sigma \f$ inside. The
/// batched log-density of a whole sample is the twins' own
/// (dlmath::reference::log_pdf, dlmath::fast::log_pdf).
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <numbers>
#include <utility>

#include "dlmath/detail/checks/probability.hpp"
#include "dlmath/detail/cholesky.hpp"
#include "dlmath/random.hpp"
#include "dlmath/tensor.hpp"

namespace dlmath {

/// \ingroup chapter2
/// \brief The d-dimensional Gaussian \f$ \mathcal N(\mu, \Sigma) \f$, made
/// from its covariance \f$ \Sigma \f$ or its precision matrix
/// \f$ \beta = \Sigma^{-1} \f$ (the forms agree), or isotropic,
/// \f$ \Sigma = \sigma^2 I \f$.
///
/// \f[ \mathcal N(x; \mu, \Sigma)
///   = \frac{1}{\sqrt{(2\pi)^d \det \Sigma}} \exp\!\Big(-\tfrac12 (x-\mu)^\top \Sigma^{-1} (x-\mu)\Big)
///   = \sqrt{\frac{\det \beta}{(2\pi)^d}} \exp\!\Big(-\tfrac12 (x-\mu)^\top \beta\, (x-\mu)\Big) \f]
///
/// Inside it keeps the lower-triangular Cholesky factor \f$ L \f$ of
/// \f$ \Sigma = L L^\top \f$, computed once on construction: the quadratic
/// form is \f$ \|z\|^2 \f$ with \f$ Lz = x - \mu \f$ (a triangular solve,
/// never \f$ \Sigma^{-1} \f$), \f$ \log\det\Sigma = 2\sum_j \log l_{jj} =
/// -\log\det\beta \f$, and a draw is \f$ \mu + L z \f$ for standard normal
/// \f$ z \f$. Made from a precision matrix, \f$ \beta = M M^\top \f$ is
/// factored first (so a \f$ \beta \f$ that is not positive definite is
/// named as such), \f$ \Sigma = M^{-\top} M^{-1} \f$ formed from the inverse
/// of the triangle, and \f$ \Sigma \f$ factored.
class MultivariateGaussian {
public:
    /// The type of one point of the density.
    using point_type = Vector;

    /// \f$ \mathcal N(\mu, \Sigma) \f$ from the covariance matrix `Sigma ~ (d, d)`.
    /// \throws dlmath::shape_error unless `Sigma` is d x d for `mu ~ (d)`.
    /// \throws dlmath::domain_error unless `mu` and `Sigma` are finite and
    /// `Sigma` is symmetric positive definite (the message names the
    /// failing Cholesky pivot). covariance() returns `Sigma` as given.
    static MultivariateGaussian from_covariance(const Vector& mu, const Matrix& Sigma) {
        detail::check_multivariate_gaussian(mu, Sigma, "covariance");
        MultivariateGaussian g(mu, detail::cholesky(detail::fn::multivariate_gaussian, "covariance", Sigma), Sigma);
        g.precision_ = inverse_from_cholesky(g.L_);
        return g;
    }

    /// \f$ \mathcal N(\mu, \beta^{-1}) \f$ from the precision matrix `beta ~ (d, d)`.
    /// \throws the same as from_covariance, naming the matrix "precision".
    static MultivariateGaussian from_precision(const Vector& mu, const Matrix& beta) {
        detail::check_multivariate_gaussian(mu, beta, "precision");
        const Matrix M = detail::cholesky(detail::fn::multivariate_gaussian, "precision", beta);
        const Matrix Sigma = inverse_from_cholesky(M);
        MultivariateGaussian g(mu, detail::cholesky(detail::fn::multivariate_gaussian, "covariance", Sigma), Sigma);
        g.precision_ = beta;
        return g;
    }

    /// The isotropic Gaussian \f$ \mathcal N(\mu, \sigma^2 I) \f$ from the variance `sigma2`.
    /// \throws dlmath::domain_error unless `mu` is finite and \f$ 0 < \sigma^2 < \infty \f$.
    static MultivariateGaussian isotropic(const Vector& mu, double sigma2) {
        detail::check_multivariate_isotropic(mu, sigma2);
        const std::size_t d = mu.size();
        Matrix L = xt::zeros<double>({d, d}), Sigma = xt::zeros<double>({d, d}), beta = xt::zeros<double>({d, d});
        for (std::size_t j = 0; j < d; ++j) {
            L(j, j) = std::sqrt(sigma2);
            Sigma(j, j) = sigma2;
            beta(j, j) = 1.0 / sigma2;
        }
        MultivariateGaussian g(mu, L, Sigma);
        g.precision_ = beta;
        return g;
    }

    std::size_t dim() const { return mu_.size(); }   ///< the dimension d
    const Vector& mean() const { return mu_; }        ///< \f$ \mu \sim (d) \f$
    const Matrix& covariance() const { return Sigma_; }  ///< \f$ \Sigma \sim (d, d) \f$
    const Matrix& precision() const { return precision_; }  ///< \f$ \beta = \Sigma^{-1} \sim (d, d) \f$
    /// The lower-triangular \f$ L \f$ with \f$ \Sigma = L L^\top \f$, \f$ l_{jj} > 0 \f$.
    const Matrix& cholesky_factor() const { return L_; }
    /// \f$ \log\det\Sigma = 2 \sum_j \log l_{jj} \f$.
    double log_det_covariance() const { return log_det_; }
    /// The logarithm of the normalising constant,
    /// \f$ -\tfrac12 \big( d \log(2\pi) + \log\det\Sigma \big) \f$ (the log-density at the mean).
    double log_normalizer() const { return log_norm_; }

    /// \f$ \log \mathcal N(x; \mu, \Sigma) = -\tfrac12 \big( d\log 2\pi + \log\det\Sigma + \|z\|^2 \big) \f$,
    /// \f$ L z = x - \mu \f$ (detail::mahalanobis_squared); \f$ -\infty \f$
    /// where a coordinate of x is infinite.
    /// \throws dlmath::shape_error unless `x ~ (d)`.
    /// \throws dlmath::domain_error if an entry of x is NaN.
    double log_pdf(const Vector& x) const {
        detail::check_point(detail::fn::multivariate_gaussian_log_pdf, x, dim());
        Vector z = Vector::from_shape({dim()});
        return log_norm_ - 0.5 * detail::mahalanobis_squared(L_, mu_, x.data(), z.data());
    }
    /// \f$ \mathcal N(x; \mu, \Sigma) \f$ (the same preconditions as log_pdf).
    double pdf(const Vector& x) const { return std::exp(log_pdf(x)); }

    /// `n` draws, one per row of the result `~ (n, d)`: row i is
    /// \f$ \mu + L z_i \f$ with \f$ z_{ij} \f$ draw \f$ i d + j \f$ of the
    /// next \f$ n d \f$ standard normal draws of `rng` (dlmath::normal_at).
    Matrix sample(Rng& rng, std::size_t n) const {
        const std::size_t d = dim();
        Matrix X = Matrix::from_shape({n, d});
        const std::uint64_t first = rng.take(n * d);
        Vector z = Vector::from_shape({d});
        for (std::size_t i = 0; i < n; ++i) {
            for (std::size_t j = 0; j < d; ++j) z(j) = normal_at(rng.seed(), first + i * d + j);
            for (std::size_t j = 0; j < d; ++j) {
                double s = mu_(j);
                for (std::size_t k = 0; k <= j; ++k) s += L_(j, k) * z(k);
                X(i, j) = s;
            }
        }
        return X;
    }

private:
    MultivariateGaussian(const Vector& mu, Matrix L, Matrix Sigma)
        : mu_(mu), L_(std::move(L)), Sigma_(std::move(Sigma)), log_det_(detail::log_det_from_cholesky(L_)) {
        log_norm_ = -0.5 * (static_cast<double>(mu_.size()) * std::log(2.0 * std::numbers::pi) + log_det_);
    }

    // A^{-1} = L^{-T} L^{-1} from the Cholesky factor of A = L L^T: the
    // lower triangle of sum_k Linv(k, i) Linv(k, j), mirrored.
    static Matrix inverse_from_cholesky(const Matrix& L) {
        const std::size_t d = L.shape(0);
        const Matrix X = detail::lower_triangular_inverse(L);
        Matrix A = Matrix::from_shape({d, d});
        for (std::size_t i = 0; i < d; ++i) {
            for (std::size_t j = 0; j <= i; ++j) {
                double s = 0.0;
                for (std::size_t k = i; k < d; ++k) s += X(k, i) * X(k, j);
                A(i, j) = A(j, i) = s;
            }
        }
        return A;
    }

    Vector mu_;
    Matrix L_;
    Matrix Sigma_;
    Matrix precision_;
    double log_det_ = 0.0;
    double log_norm_ = 0.0;
};

}  // namespace dlmath
