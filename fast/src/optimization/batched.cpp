// Chapter 4, batched optimisers and the logistic loss — fast twin.
//
// Rules of this file: the points live in blocks as a structure of arrays
// (coordinate j of the block's points at x[j·B + k]); the update is one
// SIMD loop across the block's points per coordinate, with the reference's
// operations in the reference's order and no fused multiply-add, so that
// each point's iterates are the single-start optimiser's for the same
// gradients; the stopping rules are the shared detail::step_verdict.
// Threads take whole blocks (schedule(static)); nothing a point computes
// depends on its block or thread.
//
// Bound attacked on the exercise function (fast::exercise_function, the
// fused path): compute. Per point and step: 2 sincos pairs (xsimd, some 40
// to 50 vector operations each on W points), some 25 products and sums for
// the double angles, the value and the gradient, 2 for the update and some
// 12 for the vector test of the stopping rules — about 130 vector
// instructions per W points, nothing from memory (a block of 256 points,
// some 20 KB, stays in L1/L2 for all its steps). Measured: about 4.3 ns per
// point-step on one core, 3.6 ns of it the kernel — its some 115 vector
// instructions per W points in 29 ns, an estimated 1.1 to 1.9 per cycle (the
// clock lies between the nominal 2.1 GHz and the boost) of a peak of 2, i.e.
// between half and nine tenths of the machine's peak. The scalar stopping
// rules of the generic path alone cost some 10 ns per point-step, which is
// why they run only for a batch where a point stops.
//
// Bound attacked on logistic_loss_gradient: memory, once the per-row scalar
// work (a dot product's reduction, an exponential and a log1p) is cut to one
// of each and the last two run on W rows at once; see the function.

#include "dlmath/fast/optimization/batched.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <exception>
#include <limits>
#include <string_view>
#include <vector>

#include "dlmath/detail/checks/optimization.hpp"
#include "dlmath/detail/composites/batched.hpp"
#include "dlmath/errors.hpp"
#include "dlmath/numeric.hpp"
#include "dlmath/reference/numerical/stable.hpp"
#include "dlmath/reference/optimization/objectives.hpp"
#include "dlmath/reference/probability/functions.hpp"
#include "dlmath/fast/threads.hpp"
#include "../kernels/exp.hpp"
#include "../kernels/log.hpp"
#include "../kernels/optimization/exercise.hpp"
#include "../kernels/simd.hpp"
#include "../kernels/parallel.hpp"

// xsimd's AVX-512 horizontal add, inlined below, trips GCC 12's false uninitialised-value
// warning (simd.hpp).
DLMATH_AVX512_FALSE_WARNINGS_OFF

namespace dlmath::fast {

using detail::batch;
using detail::W;

void exercise_batch(const Matrix& X, Vector& f, Matrix& G) {
    dlmath::detail::check_objective_batch(dlmath::detail::fn::exercise_batch, 2, X);
    const std::size_t m = X.shape(0);
    f = Vector::from_shape({m});
    G = Matrix::from_shape({m, 2});
    std::vector<double> x1(m), x2(m), g1(m), g2(m);
    for (std::size_t i = 0; i < m; ++i) x1[i] = X(i, 0), x2[i] = X(i, 1);
    detail::exercise_soa(x1.data(), x2.data(), m, f.data(), g1.data(), g2.data());
    for (std::size_t i = 0; i < m; ++i) G(i, 0) = g1[i], G(i, 1) = g2[i];
}

Objective exercise_function() {
    Objective f = reference::exercise_function();
    f.batch = &fast::exercise_batch;
    return f;
}

namespace {

using Batch = void (*)(const Matrix&, Vector&, Matrix&);

// Whether f's batch is fast::exercise_batch, which the blocks then evaluate in place.
bool is_fast_exercise(const Objective& f) {
    const Batch* p = f.batch.target<Batch>();
    return f.dim == 2 && p != nullptr && *p == &fast::exercise_batch;
}

constexpr std::size_t B = batched_block;
static_assert(B % W == 0, "batched_block must be a multiple of the SIMD width");

// One block of `count` points of n variables, as arrays of n·B entries.
struct Block {
    std::size_t n = 0, count = 0;
    std::vector<double> x, g, xn, gn, s1, s2;  // iterate, gradient, proposal and its gradient, state
    std::vector<double> v, vn, v0, gnorm;       // values, start values, gradient norms
    std::vector<std::size_t> iterations;
    std::vector<StopReason> reason;
    std::vector<char> live;
    Block(std::size_t n_, std::size_t count_)
        : n(n_), count(count_), x(n * B, 0.0), g(n * B, 0.0), xn(n * B, 0.0), gn(n * B, 0.0), s1(n * B, 0.0),
          s2(n * B, 0.0), v(B, 0.0), vn(B, 0.0), v0(B, 0.0), gnorm(B, 0.0), iterations(B, 0),
          reason(B, StopReason::iteration_limit), live(B, 0) {}
};

// Evaluates f at the points P (n·B arrays) of the block: values into `value`, gradients into
// `grad`. Only the live points whose coordinates are all finite are evaluated by a generic
// batch (a batch may reject non-finite input); the fused kernel evaluates the whole block.
void evaluate(std::string_view function, const Objective& f, bool fused, Block& b, const std::vector<double>& P,
              std::vector<double>& value, std::vector<double>& grad) {
    const std::size_t n = b.n;
    if (fused) {
        detail::exercise_soa(P.data(), P.data() + B, B, value.data(), grad.data(), grad.data() + B);
        return;
    }
    std::vector<std::size_t> rows;
    for (std::size_t k = 0; k < b.count; ++k) {
        if (!b.live[k]) continue;
        bool finite = true;
        for (std::size_t j = 0; j < n; ++j) finite = finite && std::isfinite(P[j * B + k]);
        if (finite) rows.push_back(k);
    }
    if (rows.empty()) return;
    Matrix X = Matrix::from_shape({rows.size(), n});
    for (std::size_t r = 0; r < rows.size(); ++r)
        for (std::size_t j = 0; j < n; ++j) X(r, j) = P[j * B + rows[r]];
    Vector fv;
    Matrix G;
    f.batch(X, fv, G);
    if (fv.size() != rows.size() || G.dimension() != 2 || G.shape(0) != rows.size() || G.shape(1) != n) {
        throw shape_error(dlmath::detail::message(function, ": the objective's batch returned ", fv.size(),
                                                  " values and gradients of shape ", shape_string(G), " for ",
                                                  rows.size(), " points of ", n, " variables"));
    }
    for (std::size_t r = 0; r < rows.size(); ++r) {
        value[rows[r]] = fv(r);
        for (std::size_t j = 0; j < n; ++j) grad[j * B + rows[r]] = G(r, j);
    }
}

bool column_finite(const std::vector<double>& P, std::size_t n, std::size_t k) {
    for (std::size_t j = 0; j < n; ++j)
        if (!std::isfinite(P[j * B + k])) return false;
    return true;
}

// Evaluates f at the block's starts and applies the start rules; returns the live count.
std::size_t start_block(std::string_view function, const Objective& f, bool fused, const OptimizeOptions& o,
                        Block& b) {
    const std::size_t n = b.n;
    for (std::size_t k = 0; k < b.count; ++k) b.live[k] = 1;
    evaluate(function, f, fused, b, b.x, b.v, b.g);
    std::size_t live = 0;
    for (std::size_t k = 0; k < b.count; ++k) {
        b.v0[k] = b.v[k];
        b.gnorm[k] = dlmath::detail::strided_norm2(b.g.data() + k, n, B);
        const auto verdict = dlmath::detail::start_verdict(b.v[k], column_finite(b.g, n, k), b.gnorm[k], o);
        b.live[k] = verdict.stop ? 0 : 1;
        b.reason[k] = verdict.reason;
        live += b.live[k];
    }
    return live;
}

// Judges live point k after step t by the shared rules (xn, vn, gn hold its proposal; dx is
// scratch of n entries):
// takes the proposal or not, and returns whether the point stopped.
bool judge(const OptimizeOptions& o, Block& b, std::size_t k, std::size_t t, std::vector<double>& dx) {
    const std::size_t n = b.n;
    b.iterations[k] = t;
    const bool x_finite = column_finite(b.xn, n, k);
    const double vk = x_finite ? b.vn[k] : std::nan("");
    const bool g_finite = x_finite && column_finite(b.gn, n, k);
    double gnorm = 0.0, size = 0.0;
    if (x_finite && g_finite) {
        for (std::size_t j = 0; j < n; ++j) dx[j] = b.xn[j * B + k] - b.x[j * B + k];
        size = dlmath::detail::strided_norm2(dx.data(), n, 1);
        gnorm = dlmath::detail::strided_norm2(b.gn.data() + k, n, B);
    }
    const auto verdict = dlmath::detail::step_verdict(x_finite, vk, g_finite, b.v0[k], gnorm, size, t, o);
    if (verdict.accept) {
        for (std::size_t j = 0; j < n; ++j) {
            b.x[j * B + k] = b.xn[j * B + k];
            b.g[j * B + k] = b.gn[j * B + k];
        }
        b.v[k] = vk;
        b.gnorm[k] = gnorm;
    }
    if (verdict.stop) {
        b.live[k] = 0;
        b.reason[k] = verdict.reason;
    }
    return verdict.stop;
}

// Runs the block's points: evaluate at the starts, then step(t, b) proposes xn from x, g and
// the state for all the block's points, and each live point is judged by the shared rules.
template <class Step>
void run_block(std::string_view function, const Objective& f, const OptimizeOptions& o, Block& b, Step& step) {
    std::size_t live = start_block(function, f, false, o, b);
    std::vector<double> dx(b.n);
    for (std::size_t t = 1; live > 0; ++t) {
        step(t, b);
        evaluate(function, f, false, b, b.xn, b.vn, b.gn);
        for (std::size_t k = 0; k < b.count; ++k)
            if (b.live[k] && judge(o, b, k, t, dx)) --live;
    }
}

// A squared norm r² computed without scaling (two squares and a sum) is within 3u of the
// exact square when it lies above 4·DBL_MIN (the squares' underflow adds at most u/2), and
// detail::norm2's result within 5u of the exact norm; so r² > τ²(1 + 64u), with the rounding
// of that threshold, proves norm2 > τ, the norm being unknown. Below 4·DBL_MIN nothing is proved.
double proves_above(double tau) {
    const double u = unit_roundoff<double>();
    return std::fmax(tau * tau * (1.0 + 64.0 * u), 4.0 * std::numeric_limits<double>::min());
}

// The fused path of the exercise function (two variables), for a block that stays in the
// cache for all its steps: per batch of W points, the kernel evaluates the proposals in place,
// and the stopping rules are first tried as one vector test — every point finite, no value
// past the divergence limit, every gradient and step norm proved above its tolerance (squared,
// unscaled: no division or square root), not the last step. When it passes, the W proposals
// are taken as they are; otherwise (a point stops, or the proof fails) the batch's points go
// through judge, the scalar rules. The gradient norms, the same function of the same accepted
// gradients, are computed once at the end.
template <class Step>
void run_block_fused(std::string_view function, const Objective& f, const OptimizeOptions& o, Block& b, Step& step) {
    std::size_t live = start_block(function, f, true, o, b);
    std::vector<double> dx(2);
    std::vector<double> limit(B, 0.0);  // f(x_0) + threshold (1 + |f(x_0)|), as step_verdict forms it
    for (std::size_t k = 0; k < b.count; ++k)
        limit[k] = b.v0[k] + o.divergence_threshold * (1.0 + std::fabs(b.v0[k]));
    const batch gmin(proves_above(o.gradient_tolerance)), smin(proves_above(o.step_tolerance));
    const batch big(std::numeric_limits<double>::max());
    double *x1 = b.x.data(), *x2 = x1 + B, *g1 = b.g.data(), *g2 = g1 + B;
    double *y1 = b.xn.data(), *y2 = y1 + B, *h1 = b.gn.data(), *h2 = h1 + B;
    for (std::size_t t = 1; live > 0; ++t) {
        step(t, b);
        const bool last = t >= o.max_iterations;
        for (std::size_t k0 = 0; k0 < b.count; k0 += W) {
            const std::size_t k1 = std::min(b.count, k0 + W);
            std::size_t alive = 0;
            for (std::size_t k = k0; k < k1; ++k) alive += b.live[k];
            if (alive == 0) continue;
            detail::exercise_batch_w(y1 + k0, y2 + k0, b.vn.data() + k0, h1 + k0, h2 + k0);
            if (!last && alive == W) {
                const batch a1 = batch::load_unaligned(y1 + k0), a2 = batch::load_unaligned(y2 + k0);
                const batch v = batch::load_unaligned(b.vn.data() + k0);
                const batch q1 = batch::load_unaligned(h1 + k0), q2 = batch::load_unaligned(h2 + k0);
                const batch d1 = a1 - batch::load_unaligned(x1 + k0), d2 = a2 - batch::load_unaligned(x2 + k0);
                const batch rg = q1 * q1 + q2 * q2, rs = d1 * d1 + d2 * d2;
                // finite x, v, g (so f < +inf and not NaN); f within the limit; norms proved above.
                const auto ok = xsimd::isfinite(a1) & xsimd::isfinite(a2) & xsimd::isfinite(v) &
                                xsimd::isfinite(q1) & xsimd::isfinite(q2) &
                                (v <= batch::load_unaligned(limit.data() + k0)) & (rg > gmin) & (rg <= big) &
                                (rs > smin) & (rs <= big);
                if (xsimd::all(ok)) {
                    a1.store_unaligned(x1 + k0);
                    a2.store_unaligned(x2 + k0);
                    q1.store_unaligned(g1 + k0);
                    q2.store_unaligned(g2 + k0);
                    v.store_unaligned(b.v.data() + k0);
                    continue;
                }
            }
            for (std::size_t k = k0; k < k1; ++k)
                if (b.live[k] && judge(o, b, k, t, dx)) --live;
        }
    }
    for (std::size_t k = 0; k < b.count; ++k) b.gnorm[k] = dlmath::detail::strided_norm2(g1 + k, 2, B);
}

// The driver every batched optimiser shares: blocks of B points, threads across blocks,
// step(t, block) the method's update. An exception in a block is rethrown for the lowest block.
template <class Step>
BatchResult run_batch(std::string_view function, const Objective& f, const Matrix& X0, const OptimizeOptions& o,
                      Step step) {
    const std::size_t m = X0.shape(0), n = f.dim, blocks = (m + B - 1) / B;
    BatchResult r = dlmath::detail::batch_result(m, n);
    const bool fused = is_fast_exercise(f);
    std::vector<std::exception_ptr> errors(blocks);
    const long long nb = static_cast<long long>(blocks);
    detail::parallel_for(0, nb, m >= batched_parallel_threshold, [&](long long ib) {
        const std::size_t first = static_cast<std::size_t>(ib) * B, count = std::min(B, m - first);
        try {
            Block b(n, count);
            for (std::size_t k = 0; k < count; ++k)
                for (std::size_t j = 0; j < n; ++j) b.x[j * B + k] = X0(first + k, j);
            if (fused) {
                run_block_fused(function, f, o, b, step);
            } else {
                run_block(function, f, o, b, step);
            }
            for (std::size_t k = 0; k < count; ++k) {
                for (std::size_t j = 0; j < n; ++j) r.x(first + k, j) = b.x[j * B + k];
                r.value(first + k) = b.v[k];
                r.gradient_norm(first + k) = b.gnorm[k];
                r.iterations[first + k] = b.iterations[k];
                r.reason[first + k] = b.reason[k];
            }
        } catch (...) {
            errors[static_cast<std::size_t>(ib)] = std::current_exception();
        }
    });
    for (const auto& e : errors)
        if (e) std::rethrow_exception(e);
    return r;
}

// Runs body(i) on each batch of the block's n·B array entries (B is a multiple of W: no tail).
template <class Body>
void each_batch(std::size_t n, Body&& body) {
    detail::for_each_batch<double>(0, n * B, body, [](std::size_t) {});
}

}  // namespace

//! [gradient_descent_batch]
// x_t = x_{t−1} − ε ∇f(x_{t−1}) for W points at a time: ε·g rounded, then x − (ε·g) rounded,
// as the reference's x − ε g (the project compiles without contraction to FMA).
BatchResult gradient_descent_batch(const Objective& f, const Matrix& X0, double learning_rate,
                                   const OptimizeOptions& options) {
    dlmath::detail::check_batch_inputs(dlmath::detail::fn::gradient_descent_batch, f, X0, options);
    dlmath::detail::check_positive(dlmath::detail::fn::gradient_descent_batch, "learning_rate", learning_rate);
    const batch eta(learning_rate);
    auto step = [&](std::size_t, Block& b) {
        each_batch(b.n, [&](std::size_t i) {
            const batch x = batch::load_unaligned(&b.x[i]), g = batch::load_unaligned(&b.g[i]);
            (x - eta * g).store_unaligned(&b.xn[i]);
        });
    };
    return run_batch(dlmath::detail::fn::gradient_descent_batch, f, X0, options, step);
}
//! [gradient_descent_batch]

//! [momentum_batch]
// g_t = −η ∇f(x_{t−1}) + λ g_{t−1},  x_t = x_{t−1} + g_t  (the velocity g_t in the array s1).
BatchResult momentum_batch(const Objective& f, const Matrix& X0, double learning_rate, double momentum,
                           const OptimizeOptions& options) {
    dlmath::detail::check_batch_inputs(dlmath::detail::fn::momentum_batch, f, X0, options);
    dlmath::detail::check_momentum(dlmath::detail::fn::momentum_batch, learning_rate, momentum);
    const batch minus_eta(-learning_rate), lambda(momentum);
    auto step = [&](std::size_t, Block& b) {
        each_batch(b.n, [&](std::size_t i) {
            const batch x = batch::load_unaligned(&b.x[i]), g = batch::load_unaligned(&b.g[i]);
            const batch s = minus_eta * g + lambda * batch::load_unaligned(&b.s1[i]);
            s.store_unaligned(&b.s1[i]);
            (x + s).store_unaligned(&b.xn[i]);
        });
    };
    return run_batch(dlmath::detail::fn::momentum_batch, f, X0, options, step);
}
//! [momentum_batch]

//! [adam_batch]
// m_t = β₁ m + (1 − β₁) g,  v_t = β₂ v + (1 − β₂) g²,  x_t = x − η (m_t / c₁) / (√(v_t / c₂) + ε),
// c_k = 1 − β_kᵗ once per step for the whole block (the moments in s1 and s2).
BatchResult adam_batch(const Objective& f, const Matrix& X0, const AdamParameters& p,
                       const OptimizeOptions& options) {
    dlmath::detail::check_batch_inputs(dlmath::detail::fn::adam_batch, f, X0, options);
    dlmath::detail::check_adam(dlmath::detail::fn::adam_batch, p.learning_rate, p.beta1, p.beta2, p.eps, 0.0);
    const batch eta(p.learning_rate), b1(p.beta1), b2(p.beta2), a1(1.0 - p.beta1), a2(1.0 - p.beta2), eps(p.eps);
    auto step = [&](std::size_t t, Block& b) {
        const double td = static_cast<double>(t);
        const batch c1(1.0 - std::pow(p.beta1, td)), c2(1.0 - std::pow(p.beta2, td));
        each_batch(b.n, [&](std::size_t i) {
            const batch x = batch::load_unaligned(&b.x[i]), g = batch::load_unaligned(&b.g[i]);
            const batch m = b1 * batch::load_unaligned(&b.s1[i]) + a1 * g;
            const batch v = b2 * batch::load_unaligned(&b.s2[i]) + a2 * g * g;
            m.store_unaligned(&b.s1[i]);
            v.store_unaligned(&b.s2[i]);
            (x - eta * (m / c1) / (xsimd::sqrt(v / c2) + eps)).store_unaligned(&b.xn[i]);
        });
    };
    return run_batch(dlmath::detail::fn::adam_batch, f, X0, options, step);
}
//! [adam_batch]

//! [logistic_loss_gradient]
// One pass over X by blocks of rows: z_i = x_iᵀw, then (σ(z_i) − y_i) x_i added into the
// block's partial gradient while x_i is in cache; block partials added in block order.
// Bound attacked: the row's scalar work. A row of d = 100 doubles is 800 bytes and 2d FMAs,
// next to the logistic terms of z_i; those come from one exponential and one log1p per row
// (the loss's two log-sigmoids and the sigmoid share t = e^−|z|), not three and two, computed
// for W rows at once on one SIMD register with the kernel exponential and log1p (libm's, one
// row at a time, took half the pass), and the partial gradient is loaded and stored once per
// W rows, not once per row.
LossGradient logistic_loss_gradient(const Matrix& X, const Vector& y, const Vector& w) {
    // The entries are checked in the pass itself, not in a pass of their own (which took 0.4 of
    // the time at 10^6 x 100): an infinite or NaN entry of X or w makes its row's z = x_iᵀw
    // infinite or NaN (inf·w_j is ±inf or, for w_j = 0, NaN, and a sum keeps either), and every
    // row has every w_j. So a pass whose z are all finite and whose labels are all 0 or 1 had
    // finite X and w; any other pass calls the reference's check, which throws its message for
    // its first bad argument (or, for a z that only overflowed, passes).
    dlmath::detail::check_logistic_loss_gradient_shape(X, y, w);
    const std::size_t n = X.shape(0), d = X.shape(1), R = logistic_row_block, blocks = (n + R - 1) / R;
    std::vector<double> partial(blocks * (d + 1), 0.0);  // block b: gradient [0, d), loss at d
    std::vector<unsigned char> flagged(blocks, 0);          // block b: a z not finite or a label not 0 or 1
    const double* wp = w.data();
    const long long nb = static_cast<long long>(blocks);
    detail::parallel_for(0, nb, n * d >= logistic_parallel_threshold, [&](long long ib) {
        double* gp = partial.data() + static_cast<std::size_t>(ib) * (d + 1);
        double loss = 0.0;
        const std::size_t first = static_cast<std::size_t>(ib) * R, last = std::min(n, first + R);
        // rows in groups of G = W: each row's z as if alone, then the group's logistic terms on
        // one SIMD register (a lane per row), then the group's G multiply-adds into the partial
        // gradient with one load and one store of it, in row order (the same roundings, in the
        // same order, as a row at a time)
        constexpr std::size_t G = W;
        for (std::size_t i0 = first; i0 < last; i0 += G) {
            const std::size_t g = std::min(G, last - i0);
            std::array<const double*, G> xr{};
            alignas(64) std::array<double, G> z{}, yg{}, e{}, term{};
            for (std::size_t r = 0; r < g; ++r) {
                const std::size_t i = i0 + r;
                const double* xi = X.data() + i * d;
                xr[r] = xi;
                yg[r] = y(i);
                z[r] = detail::sum_batches<double, 4>(
                    0, d,
                    [&](batch acc, std::size_t j) {
                        return detail::fma(batch::load_unaligned(xi + j), batch::load_unaligned(wp + j), acc);
                    },
                    [&](double s, std::size_t j) { return std::fma(xi[j], wp[j], s); });
                if (!std::isfinite(z[r]) || !(yg[r] == 0.0 || yg[r] == 1.0)) flagged[static_cast<std::size_t>(ib)] = 1;
            }
            // log σ(z), log σ(−z) and σ(z) from one t = e^−|z| and one L = log1p(t), the kernel
            // exponential (3u) and log1p (7.4u) on the group's lanes (log σ(x) = −L for x ≥ 0,
            // x − L below; σ(z) = 1/(1 + t) for z ≥ 0, t/(1 + t) below); lanes past the group's
            // rows hold z = 0 and are not used
            const batch Z = batch::load_aligned(z.data()), Y = batch::load_aligned(yg.data()), one(1.0);
            const batch t = detail::exp(-xsimd::abs(Z)), L = detail::log1p_unit(t);
            const auto up = Z >= batch(0.0), down = -Z >= batch(0.0);
            const batch log_sig = xsimd::select(up, -L, Z - L), log_sig_neg = xsimd::select(down, -L, -Z - L);
            (Y * log_sig + (one - Y) * log_sig_neg).store_aligned(term.data());
            (xsimd::select(up, one, t) / (one + t) - Y).store_aligned(e.data());
            for (std::size_t r = 0; r < g; ++r) loss -= term[r];
            if (g == G) {
                std::array<batch, G> eb;
                for (std::size_t r = 0; r < G; ++r) eb[r] = batch(e[r]);
                detail::for_each_batch<double>(
                    0, d,
                    [&](std::size_t j) {
                        batch acc = batch::load_unaligned(gp + j);
                        for (std::size_t r = 0; r < G; ++r) acc = detail::fma(batch::load_unaligned(xr[r] + j), eb[r], acc);
                        acc.store_unaligned(gp + j);
                    },
                    [&](std::size_t j) {
                        for (std::size_t r = 0; r < G; ++r) gp[j] = std::fma(xr[r][j], e[r], gp[j]);
                    });
            } else {
                for (std::size_t r = 0; r < g; ++r) {
                    const batch eb(e[r]);
                    detail::for_each_batch<double>(
                        0, d,
                        [&](std::size_t j) {
                            detail::fma(batch::load_unaligned(xr[r] + j), eb, batch::load_unaligned(gp + j))
                                .store_unaligned(gp + j);
                        },
                        [&](std::size_t j) { gp[j] = std::fma(xr[r][j], e[r], gp[j]); });
                }
            }
        }
        gp[d] = loss;
    });
    if (std::find(flagged.begin(), flagged.end(), 1) != flagged.end())
        dlmath::detail::check_logistic_loss_gradient(X, y, w);
    LossGradient r;
    r.gradient = Vector::from_shape({d});
    r.gradient.fill(0.0);
    double loss = 0.0;
    for (std::size_t b = 0; b < blocks; ++b) {
        const double* gp = partial.data() + b * (d + 1);
        for (std::size_t j = 0; j < d; ++j) r.gradient(j) += gp[j];
        loss += gp[d];
    }
    const double inv_n = 1.0 / static_cast<double>(n);
    r.loss = loss * inv_n;
    for (std::size_t j = 0; j < d; ++j) r.gradient(j) *= inv_n;
    return r;
}
//! [logistic_loss_gradient]

}  // namespace dlmath::fast

DLMATH_AVX512_FALSE_WARNINGS_ON
