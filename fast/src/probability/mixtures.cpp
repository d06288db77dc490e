// Chapter 2, multivariate Gaussians and mixtures — fast twin.
//
// Rules of this file: OpenMP + xsimd, same signatures and checks as the
// reference twin; each kernel says which bound (memory or compute) it
// attacks. The densities are compute-bound: a point of d coordinates costs
// d(d+1)/2 multiply-adds per Gaussian component, against 8d bytes read.
//
// The d-dimensional kernel works on blocks of P = 4W points (W doubles per
// SIMD register), coordinate-major, so that one SIMD lane holds one point:
//
//      point:     0 .. W-1 | W .. 2W-1 | 2W .. 3W-1 | 3W .. 4W-1
//   coord 0     [  batch   |   batch   |   batch    |   batch    ]   Xt
//   coord 1     [  batch   |   batch   |   batch    |   batch    ]
//     ...
//
// and the forward substitution z_j = (x_j - mu_j - sum_k l_jk z_k) / l_jj
// proceeds down the coordinates for all 4W points at once: four independent
// FMA chains, each step one broadcast l_jk times a batch of z_k.

#include "dlmath/fast/probability/mixtures.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <numbers>
#include <vector>

#include <xsimd/xsimd.hpp>

#include "dlmath/detail/checks/probability.hpp"
#include "dlmath/detail/composites/mixtures.hpp"
#include "dlmath/fast/threads.hpp"
#include "../kernels/exp.hpp"
#include "../kernels/simd.hpp"
#include "../kernels/parallel.hpp"

// GCC 12's false -Wmaybe-uninitialized / -Wuninitialized on xsimd's
// AVX-512 max, exp and log once inlined (the intrinsics' deliberately
// undefined lanes; see kernels/simd.hpp) is silenced for this file's kernels.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#pragma GCC diagnostic ignored "-Wuninitialized"
#endif

namespace dlmath::fast {
namespace {

using detail::batch;
using detail::W;

constexpr std::size_t U = 4;      // batches of points in flight
constexpr std::size_t P = U * W;  // points per block
constexpr double neg_inf = -std::numeric_limits<double>::infinity();

using aligned_doubles = std::vector<double, xsimd::aligned_allocator<double>>;

// One Gaussian component, packed for the block kernel: the rows of the
// strictly lower triangle of L one after another (row j has j entries),
// 1/l_jj, the mean, and the constant log w + log-normaliser.
struct PackedGaussian {
    std::vector<double> lower;
    std::vector<double> inv_diag;
    std::vector<double> mu;
    double constant;
};

PackedGaussian pack(const MultivariateGaussian& g, double log_weight) {
    const std::size_t d = g.dim();
    const Matrix& L = g.cholesky_factor();
    PackedGaussian p{{}, std::vector<double>(d), std::vector<double>(d), log_weight + g.log_normalizer()};
    if (d > 0) p.lower.reserve(d * (d - 1) / 2);
    for (std::size_t j = 0; j < d; ++j) {
        for (std::size_t k = 0; k < j; ++k) p.lower.push_back(L(j, k));
        p.inv_diag[j] = 1.0 / L(j, j);
        p.mu[j] = g.mean()(j);
    }
    return p;
}

// Stage 1: points [first, first + count) of X ~ (n, d) into the
// coordinate-major block Xt ~ (d, P); lanes past count are zero-padded.
void transpose_block(const Matrix& X, std::size_t first, std::size_t count, double* Xt) {
    const std::size_t d = X.shape(1);
    for (std::size_t j = 0; j < d; ++j)
        for (std::size_t p = count; p < P; ++p) Xt[j * P + p] = 0.0;
    for (std::size_t p = 0; p < count; ++p) {
        const double* x = X.data() + (first + p) * d;
        for (std::size_t j = 0; j < d; ++j) Xt[j * P + p] = x[j];
    }
}

//! [fast_gaussian_block]
// Stage 2, the micro-kernel: a[p] = constant - |z_p|^2 / 2 with L z_p = x_p - mu
// for the P points of the block, by forward substitution on U batches at once.
// Z ~ (d, P) is scratch. Compute-bound: d(d+1)/2 FMAs per point.
void gaussian_block(const PackedGaussian& g, std::size_t d, const double* Xt, double* Z, double* a) {
    batch q[U];
    for (std::size_t u = 0; u < U; ++u) q[u] = batch(0.0);
    for (std::size_t j = 0; j < d; ++j) {
        const double* l = g.lower.data() + (j * j - j) / 2;  // row j: l_j0 .. l_j,j-1
        const batch mu(g.mu[j]);
        batch acc[U];
        for (std::size_t u = 0; u < U; ++u) acc[u] = xsimd::load_aligned(Xt + j * P + u * W) - mu;
        for (std::size_t k = 0; k < j; ++k) {
            const batch ljk(l[k]);
            for (std::size_t u = 0; u < U; ++u) acc[u] = detail::fnma(ljk, xsimd::load_aligned(Z + k * P + u * W), acc[u]);
        }
        const batch inv(g.inv_diag[j]);
        for (std::size_t u = 0; u < U; ++u) {
            const batch z = acc[u] * inv;
            z.store_aligned(Z + j * P + u * W);
            q[u] = detail::fma(z, z, q[u]);
        }
    }
    const batch c(g.constant), half(0.5);
    for (std::size_t u = 0; u < U; ++u) detail::fnma(half, q[u], c).store_aligned(a + u * W);
}
//! [fast_gaussian_block]

// Stage 3: log sum_c exp(a_c) for each lane, from A ~ (k, P): the max, then
// the shifted sum. A lane whose a_c are all -inf (a point at infinity) or
// NaN (inf - inf inside the solve for a point with infinite coordinates)
// gets -inf: its density is 0. Such a lane sets `seen`: a NaN coordinate
// also makes every a_c NaN, and the caller then runs the check that rejects
// it (the check's own pass over X took a tenth of the kernel's time).
batch log_sum_exp_lanes(const double* A, std::size_t k, std::size_t offset, bool& seen) {
    batch m(neg_inf);
    for (std::size_t c = 0; c < k; ++c) m = xsimd::max(m, xsimd::load_aligned(A + c * P + offset));
    batch s(0.0);
    for (std::size_t c = 0; c < k; ++c) s += detail::exp(xsimd::load_aligned(A + c * P + offset) - m);
    const batch r = m + xsimd::log(s);
    const auto nan = xsimd::isnan(r);
    seen = seen || xsimd::any(nan);
    return xsimd::select(nan, batch(neg_inf), r);
}

// The whole sample, block by block; k = 1 without a weight is the single
// Gaussian (its a is the result). Blocks in parallel above the threshold.
// The caller has checked X's shape; its entries are checked in this pass
// (stage 3), and the full check runs only where a block saw a NaN result.
Vector gaussian_mixture_log_pdf(const std::vector<PackedGaussian>& comps, const Matrix& X, std::size_t dim) {
    const std::size_t n = X.shape(0), d = X.shape(1), k = comps.size();
    Vector l = Vector::from_shape({n});
    std::vector<unsigned char> seen((n + P - 1) / P, 0);  // block b: a lane whose result was NaN
    const std::size_t nblocks = (n + P - 1) / P;
    const double work = static_cast<double>(n) * static_cast<double>(k) * static_cast<double>(d * (d + 3) / 2 + 1);
    const bool threads = work >= static_cast<double>(density_parallel_threshold);
#pragma omp parallel if (threads) num_threads(dlmath::fast::team_size())
    {
        aligned_doubles Xt(d * P), Z(d * P), A(k * P), out(P);
#pragma omp for schedule(static)
        for (long long b = 0; b < static_cast<long long>(nblocks); ++b) {
            const std::size_t first = static_cast<std::size_t>(b) * P;
            const std::size_t count = first + P <= n ? P : n - first;
            transpose_block(X, first, count, Xt.data());
            for (std::size_t c = 0; c < k; ++c) gaussian_block(comps[c], d, Xt.data(), Z.data(), A.data() + c * P);
            bool nan = false;
            for (std::size_t u = 0; u < U; ++u) log_sum_exp_lanes(A.data(), k, u * W, nan).store_aligned(out.data() + u * W);
            seen[static_cast<std::size_t>(b)] = nan ? 1 : 0;
            for (std::size_t p = 0; p < count; ++p) l(first + p) = out[p];
        }
    }
    // a NaN lane: a NaN coordinate (the check throws the reference's message) or an infinite one (it passes)
    if (std::find(seen.begin(), seen.end(), 1) != seen.end())
        dlmath::detail::check_points(dlmath::detail::fn::mixture_batch_log_pdf, X, dim);
    return l;
}

// One 1-D Gaussian component: mean, 1/sigma and log w - log(2 pi)/2 - log sigma.
struct Packed1D {
    double mu, inv_sigma, constant;
};

//! [fast_mixture_1d]
// log p(x) for the points [begin, end) of a 1-D mixture: per batch of W
// points, pass 1 finds m = max_i a_i, pass 2 sums exp(a_i - m) (the kernel
// exponential, kernels/exp.hpp, as stage 3 of the multivariate density above);
// the scalar tail does the same with std::exp. Compute-bound: k exp per point.
bool mixture_1d_range(const std::vector<Packed1D>& comps, const double* x, double* l, std::size_t begin,
                      std::size_t end) {
    bool seen = false;  // a result that was NaN: a NaN or infinite x (see stage 3 above)
    const auto a_of = [](const Packed1D& c, auto xi) {
        const auto z = (xi - c.mu) * c.inv_sigma;
        return c.constant - 0.5 * (z * z);
    };
    detail::for_each_batch<double>(
        begin, end,
        [&](std::size_t i) {
            const batch xi = xsimd::load_unaligned(x + i);
            batch m(neg_inf), s(0.0);
            for (const Packed1D& c : comps) m = xsimd::max(m, a_of(c, xi));
            for (const Packed1D& c : comps) s += detail::exp(a_of(c, xi) - m);
            const batch r = m + xsimd::log(s);
            const auto nan = xsimd::isnan(r);
            seen = seen || xsimd::any(nan);
            xsimd::select(nan, batch(neg_inf), r).store_unaligned(l + i);  // x = +-inf: density 0
        },
        [&](std::size_t i) {
            double m = neg_inf, s = 0.0;
            for (const Packed1D& c : comps) m = std::fmax(m, a_of(c, x[i]));
            for (const Packed1D& c : comps) s += std::exp(a_of(c, x[i]) - m);
            const double r = m + std::log(s);
            seen = seen || std::isnan(r);
            l[i] = std::isnan(r) ? neg_inf : r;
        });
    return seen;
}
//! [fast_mixture_1d]

}  // namespace

Vector log_pdf(const MultivariateGaussian& g, const Matrix& X) {
    dlmath::detail::check_points_shape(dlmath::detail::fn::mixture_batch_log_pdf, X, g.dim());
    return gaussian_mixture_log_pdf({pack(g, 0.0)}, X, g.dim());
}

Vector log_pdf(const Mixture<Gaussian>& m, const Vector& x) {
    std::vector<Packed1D> comps;
    for (std::size_t c = 0; c < m.size(); ++c) {
        const Gaussian& g = m.components()[c];
        comps.push_back({g.mean(), 1.0 / g.stddev(),
                         m.log_weights()(c) - 0.5 * std::log(2.0 * std::numbers::pi) - std::log(g.stddev())});
    }
    const std::size_t n = x.size();
    Vector l = Vector::from_shape({n});
    constexpr std::size_t chunk = 64 * W;  // points per parallel chunk, a multiple of W: one tail, at the end
    const std::size_t nchunks = (n + chunk - 1) / chunk;
    const bool threads = n * m.size() >= density_parallel_threshold;
    std::vector<unsigned char> seen(nchunks, 0);
    detail::parallel_for(0, static_cast<long long>(nchunks), threads, [&](long long b) {
        const std::size_t begin = static_cast<std::size_t>(b) * chunk;
        seen[static_cast<std::size_t>(b)] =
            mixture_1d_range(comps, x.data(), l.data(), begin, begin + chunk <= n ? begin + chunk : n) ? 1 : 0;
    });
    // a NaN result: a NaN x (the check throws the reference's message) or an infinite one (it passes)
    if (std::find(seen.begin(), seen.end(), 1) != seen.end())
        dlmath::detail::check_points(dlmath::detail::fn::mixture_batch_log_pdf, x);
    return l;
}

Vector log_pdf(const Mixture<MultivariateGaussian>& m, const Matrix& X) {
    dlmath::detail::check_points_shape(dlmath::detail::fn::mixture_batch_log_pdf, X, m.dim());
    std::vector<PackedGaussian> comps;
    for (std::size_t c = 0; c < m.size(); ++c) comps.push_back(pack(m.components()[c], m.log_weights()(c)));
    return gaussian_mixture_log_pdf(comps, X, m.dim());
}

MonteCarloEstimate kl_divergence_monte_carlo(const Mixture<Gaussian>& p, const Mixture<Gaussian>& q, Rng& rng,
                                             std::size_t n) {
    return dlmath::detail::monte_carlo_kl(p, q, rng, n, [](const auto& m, const auto& x) { return log_pdf(m, x); });
}

MonteCarloEstimate kl_divergence_monte_carlo(const Mixture<MultivariateGaussian>& p,
                                             const Mixture<MultivariateGaussian>& q, Rng& rng, std::size_t n) {
    return dlmath::detail::monte_carlo_kl(p, q, rng, n, [](const auto& m, const auto& x) { return log_pdf(m, x); });
}

}  // namespace dlmath::fast

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
