// Chapter 1, operations and products: the worked examples,
// reference vs fast matmul, and the data of the figure matmul_gflops.svg.

#include <cmath>
#include <iomanip>
#include <iostream>
#include <limits>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <xtensor/xarray.hpp>
#include <xtensor/xbuilder.hpp>
#include <xtensor/xmanipulation.hpp>
#include <xtensor/xmath.hpp>
#include <xtensor-blas/xlinalg.hpp>

#include "dlmath/fast/linear_algebra.hpp"
#include "dlmath/reference/linear_algebra.hpp"
#include "tour.hpp"

namespace {

namespace ref = dlmath::reference;
namespace fast = dlmath::fast;
using dlmath::Matrix;
using dlmath::Tensor3;
using dlmath::Vector;

// [[a,b],[c,d]] — the notation of the syllabus.
template <class E>
std::string show(const E& A) {
    std::ostringstream os;
    os << "[";
    for (std::size_t i = 0; i < A.shape(0); ++i) {
        os << (i ? ",[" : "[");
        for (std::size_t j = 0; j < A.shape(1); ++j) os << (j ? "," : "") << A(i, j);
        os << "]";
    }
    return os.str() + "]";
}

void expect(dlmath::tour::Checks& c, const std::string& what, const Matrix& value, const Matrix& expected) {
    dlmath::tour::check_that(c, what + " = " + show(value) + (value == expected ? "" : "   (expected " + show(expected) + ")"),
                             value == expected);
}

void worked_examples(dlmath::tour::Checks& c) {
    //! [example_add]
    const Matrix A = {{1, 2}, {3, 4}, {5, 6}};
    const Matrix B = {{-1, 2}, {4, -8}, {-16, 32}};
    const Matrix S = ref::add(A, B);  // [[0,4],[7,-4],[-11,38]]
    //! [example_add]
    expect(c, "[[1,2],[3,4],[5,6]] + [[-1,2],[4,-8],[-16,32]]", S, {{0, 4}, {7, -4}, {-11, 38}});
    expect(c, "[[1,3,1],[1,0,0]] + [[0,0,5],[7,5,0]]", ref::add(Matrix{{1, 3, 1}, {1, 0, 0}}, Matrix{{0, 0, 5}, {7, 5, 0}}),
           {{1, 3, 6}, {8, 5, 0}});
    expect(c, "2·[[1,8,-3],[4,-2,5]]", ref::scale(2.0, Matrix{{1, 8, -3}, {4, -2, 5}}), {{2, 16, -6}, {8, -4, 10}});
    const double t = 1.5;  // t·A = [[t,2t],[3t,4t],[5t,6t]]: the second row is (3t, 4t), not (3t, 3t)
    expect(c, "t·[[1,2],[3,4],[5,6]] for t = 1.5", ref::scale(t, A), {{t, 2 * t}, {3 * t, 4 * t}, {5 * t, 6 * t}});
    expect(c, "[[1,2,3],[0,-6,7]]ᵀ", ref::transpose(Matrix{{1, 2, 3}, {0, -6, 7}}), {{1, 0}, {2, -6}, {3, 7}});

    //! [example_matmul]
    const Matrix P = {{2, 3, 4}, {1, 0, 0}};
    const Matrix Q = {{0, 1000}, {1, 100}, {0, 10}};
    const Matrix PQ = ref::matmul(P, Q);  // [[3,2340],[0,1000]]
    //! [example_matmul]
    expect(c, "[[2,3,4],[1,0,0]]·[[0,1000],[1,100],[0,10]]", PQ, {{3, 2340}, {0, 1000}});
    expect(c, "  the same with the fast twin", fast::matmul(P, Q), PQ);

    //! [example_broadcast]
    const Matrix column = {{1}, {2}, {3}, {4}};  // (4, 1)
    const Vector row = {10, 20, 30, 40};         // (4,)
    const Matrix both = column + row;            // (4, 4): every column entry plus every row entry
    //! [example_broadcast]
    dlmath::tour::check_that(c, "(4,1) + (4,) broadcasts to (" + dlmath::shape_string(both) + ")",
                             dlmath::shape_string(both) == "4x4");

    //! [example_trace]
    const Matrix TA = {{1, 2, 0}, {-1, 3, 4}};                      // (2, 3)
    const Matrix TB = {{2, 0, 1, -1}, {0, 1, 3, 2}, {1, -2, 0, 1}};  // (3, 4)
    const Matrix TC = {{1, 0}, {2, -1}, {0, 3}, {-2, 1}};           // (4, 2)
    const double abc = ref::trace(ref::matmul(ref::matmul(TA, TB), TC));  // a 2x2 product
    const double cab = ref::trace(ref::matmul(ref::matmul(TC, TA), TB));  // a 4x4 product
    const double bca = ref::trace(ref::matmul(ref::matmul(TB, TC), TA));  // a 3x3 product
    //! [example_trace]
    dlmath::tour::check(c, "Tr(ABC)", abc, 40.0);
    dlmath::tour::check(c, "Tr(CAB)", cab, 40.0);
    dlmath::tour::check(c, "Tr(BCA)", bca, 40.0);

    //! [example_einsum]
    const Tensor3 X = {{{1, 2}, {3, 4}}, {{5, 6}, {7, 8}}};   // (2, 2, 2)
    const Tensor3 Y = {{{1, 0}, {0, 1}}, {{2, 1}, {-1, 0}}};  // (2, 2, 2)
    const xt::xarray<double> bmm = ref::einsum("ijz,izk->ijk", X, Y);   // batched matmul
    const xt::xarray<double> gdt = ref::einsum("ijk,ijk->", X, Y);      // sum of X ⊙ Y
    const xt::xarray<double> bmmt = ref::einsum("ijz,ikz->ijk", X, Y);  // X_i Y_iᵀ
    //! [example_einsum]
    dlmath::tour::check_that(c, "einsum(\"ijz,izk->ijk\") = bmm(X, Y)", bmm == xt::xarray<double>(ref::bmm(X, Y)));
    dlmath::tour::check(c, "einsum(\"ijk,ijk->\")", gdt(), 14.0);
    dlmath::tour::check(c, "einsum(\"ijz,ikz->ijk\") at (1,0,0) = 5·2 + 6·1", bmmt(1, 0, 0), 16.0);
    dlmath::tour::check_that(c, "the fast einsum gives the same three",
                             fast::einsum("ijz,izk->ijk", X, Y) == bmm && fast::einsum("ijk,ijk->", X, Y)() == gdt() &&
                                 fast::einsum("ijz,ikz->ijk", X, Y) == bmmt);
    dlmath::tour::check(c, "einsum(\"ii->\", A) = Tr(A) for A = [[1,2],[3,4]]", ref::einsum("ii->", Matrix{{1, 2}, {3, 4}})(), 5.0);
}

// Rearrangements (einops style), Hadamard masks and attention scores.
void shapes_and_masks(dlmath::tour::Checks& c) {
    //! [example_rearrange]
    Tensor3 X = Tensor3::from_shape({2, 3, 4});  // (b, t, d): 2 sequences of 3 tokens, 4 features each
    for (std::size_t k = 0; k < X.size(); ++k) X.data()[k] = static_cast<double>(k);
    const Tensor3 tbd = xt::transpose(X, {1, 0, 2});            // "b t d -> t b d": a permutation of axes
    const Matrix flat = xt::reshape_view(X, {2, 12});            // "b t d -> b (t d)": merge two axes
    const xt::xarray<double> same = ref::einsum("btd->tbd", X);  // einsum can permute, not merge
    //! [example_rearrange]
    dlmath::tour::check_that(c, "\"b t d -> t b d\" of (2,3,4) has shape (" + dlmath::shape_string(tbd) + ")",
                             dlmath::shape_string(tbd) == "3x2x4");
    dlmath::tour::check(c, "  [X]_{b=1,t=2,d=3} lands at (t=2,b=1,d=3)", tbd(2, 1, 3), X(1, 2, 3));
    dlmath::tour::check_that(c, "  einsum(\"btd->tbd\") is the same permutation", same == xt::xarray<double>(tbd));
    dlmath::tour::check(c, "\"b t d -> b (t d)\": row 1 entry 4·2 + 3", flat(1, 11), X(1, 2, 3));

    //! [example_mask]
    const Matrix scores = {{0.5, 1.0, 2.0}, {1.5, -1.0, 0.0}, {3.0, 2.5, 1.0}};
    const Matrix causal = {{1, 0, 0}, {1, 1, 0}, {1, 1, 1}};  // token i may look at tokens j <= i
    const Matrix kept = ref::hadamard(scores, causal);        // M ⊙ S: zero where the mask is 0
    //! [example_mask]
    expect(c, "causal mask ⊙ scores", kept, {{0.5, 0, 0}, {1.5, -1, 0}, {3, 2.5, 1}});

    //! [example_attention]
    const Tensor3 Qh = {{{1, 0}, {0, 1}, {1, 1}}};  // (batch, tokens, d) = (1, 3, 2): queries
    const Tensor3 Kh = {{{1, 2}, {0, 1}, {-1, 0}}};  // (1, 3, 2): keys
    const xt::xarray<double> QKt = ref::einsum("ijz,ikz->ijk", Qh, Kh);  // S_jk = <q_j, k_k>: Q Kᵀ per batch
    //! [example_attention]
    dlmath::tour::check(c, "attention scores Q Kᵀ: <q_3, k_1> = 1·1 + 1·2", QKt(0, 2, 0), 3.0);
    dlmath::tour::check(c, "  <q_1, k_3> = 1·(-1) + 0·0", QKt(0, 0, 2), -1.0);
}

// Element-wise exp against the matrix exponential, on the same matrix.
void exp_is_not_expm(dlmath::tour::Checks& c) {
    //! [example_exp]
    const Matrix X = {{0, 1}, {0, 0}};
    const Matrix entries = xt::exp(X);   // [[1, e], [1, 1]]: e^(x_ij) for each entry
    const Matrix matrix = ref::expm(X);  // I + X + X²/2 + ... = [[1, 1], [0, 1]], since X² = 0
    //! [example_exp]
    dlmath::tour::check(c, "exp(X) for X = [[0,1],[0,0]]: entry (1,2) = e", entries(0, 1), std::exp(1.0), 1);
    dlmath::tour::check(c, "  entry (2,1) = e^0", entries(1, 0), 1.0);
    dlmath::tour::check_that(c, "expm(X) = I + X = [[1,1],[0,1]] within 1e-15",
                             std::fabs(matrix(0, 0) - 1) < 1e-15 && std::fabs(matrix(0, 1) - 1) < 1e-15 &&
                                 std::fabs(matrix(1, 0)) < 1e-15 && std::fabs(matrix(1, 1) - 1) < 1e-15);
    dlmath::tour::check_that(c, "  exp(X) and expm(X) differ in 2 of 4 entries",
                             std::fabs(entries(0, 1) - matrix(0, 1)) > 1 && std::fabs(entries(1, 0) - matrix(1, 0)) > 0.5);
}

Matrix random_matrix(std::size_t n, unsigned seed) {
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> d(-1.0, 1.0);
    Matrix A = Matrix::from_shape({n, n});
    for (auto& v : A) v = d(rng);
    return A;
}

void timings(bool quick) {
    const std::size_t n = quick ? 128 : 512;
    const Matrix A = random_matrix(n, 1), B = random_matrix(n, 2);
    Matrix C;
    std::cout << "  reference vs fast, best of 2 and 5 runs:\n";
    dlmath::tour::print_timing("matmul (n = " + std::to_string(n) + ")",
                               dlmath::tour::seconds([&] { C = ref::matmul(A, B); }, 2),
                               dlmath::tour::seconds([&] { C = fast::matmul(A, B); }));
}

// Figure: GFLOP/s of both twins and of OpenBLAS (through xtensor-blas)
// against n, written as matmul_gflops.csv: for each implementation the
// median rate of its repeats and the rates of the slowest and the fastest
// run (the error bars). Each library is timed over all sizes before the
// next one starts: OpenMP's and OpenBLAS's idle threads keep spinning for a
// while after a call, and would otherwise steal the cores from the other
// library's first calls. The reference stops at 256 in quick mode (its time
// grows like n³). A point whose slowest run took more than 1.5 times its
// fastest was measured on a busy machine: the program says so, and the
// figure rings it.
constexpr double large_spread = 1.5;

struct Rates {
    std::vector<double> median, low, high;  // GFLOP/s; NaN where not measured
};

void matmul_gflops(const std::filesystem::path& dir, bool quick) {
    std::vector<std::size_t> sizes;
    for (std::size_t n = 32; n <= 512; n *= 2) sizes.push_back(n);
    std::vector<Matrix> As, Bs;
    for (std::size_t n : sizes) {
        As.push_back(random_matrix(n, 3));
        Bs.push_back(random_matrix(n, 4));
    }
    std::vector<std::string> noisy;
    auto gflops = [&](const std::string& name, auto product, bool skip_large) {
        Rates r;
        constexpr double nan = std::numeric_limits<double>::quiet_NaN();
        for (std::size_t k = 0; k < sizes.size(); ++k) {
            const double n = static_cast<double>(sizes[k]);
            if (skip_large && sizes[k] > 256) {
                r.median.push_back(nan), r.low.push_back(nan), r.high.push_back(nan);
                continue;
            }
            Matrix C;
            const int repeats = sizes[k] <= 256 ? 7 : 3;
            const dlmath::tour::Timings t = dlmath::tour::repeated([&] { C = product(As[k], Bs[k]); }, repeats);
            const double flops = 2.0 * n * n * n / 1e9;
            r.median.push_back(flops / t.median());
            r.low.push_back(flops / t.slowest());
            r.high.push_back(flops / t.fastest());
            if (t.spread() > large_spread) {
                std::ostringstream os;
                os << name << " at n = " << sizes[k] << ": " << std::setprecision(3) << flops / t.slowest() << " to "
                   << flops / t.fastest() << " GFLOP/s (median " << flops / t.median() << ")";
                noisy.push_back(os.str());
            }
        }
        return r;
    };
    const Rates reference = gflops("reference", [](const Matrix& A, const Matrix& B) { return ref::matmul(A, B); }, quick);
    const Rates fast_rate = gflops("fast", [](const Matrix& A, const Matrix& B) { return fast::matmul(A, B); }, false);
    const Rates blas =
        gflops("OpenBLAS", [](const Matrix& A, const Matrix& B) { return Matrix(xt::linalg::dot(A, B)); }, false);

    std::cout << std::setprecision(2) << "  matmul_gflops.svg: median GFLOP/s of 7 runs (3 at n = 512)";
    if (noisy.empty()) {
        std::cout << "; every slowest run within " << large_spread << "x of its fastest\n";
    } else {
        std::cout << "; the machine was busy, the slowest run took over " << large_spread
                  << "x the fastest for\n";
        for (const std::string& line : noisy) std::cout << "    " << line << "\n";
    }
    const Rates* all[] = {&reference, &fast_rate, &blas};
    Matrix rows = Matrix::from_shape({sizes.size(), 13});
    for (std::size_t k = 0; k < sizes.size(); ++k) {
        rows(k, 0) = static_cast<double>(sizes[k]);
        for (std::size_t l = 0; l < 3; ++l) {  // NaN where skipped: gnuplot leaves the point out
            rows(k, 1 + 4 * l) = all[l]->median[k];
            rows(k, 2 + 4 * l) = all[l]->low[k];
            rows(k, 3 + 4 * l) = all[l]->high[k];
            // the median again where the spread is large, NaN elsewhere: the figure rings these
            rows(k, 4 + 4 * l) = all[l]->high[k] > large_spread * all[l]->low[k] ? all[l]->median[k]
                                                                                 : std::numeric_limits<double>::quiet_NaN();
        }
    }
    dlmath::tour::write_csv(dir / "matmul_gflops.csv",
                            "n,reference,reference_low,reference_high,reference_noisy,fast,fast_low,fast_high,"
                            "fast_noisy,blas,blas_low,blas_high,blas_noisy",
                            rows);
}

void run(dlmath::tour::Checks& c, const dlmath::tour::Options& o) {
    worked_examples(c);
    shapes_and_masks(c);
    exp_is_not_expm(c);
    timings(o.quick);
    matmul_gflops(o.figures, o.quick);
}

const dlmath::tour::Register section{"products", run};

}  // namespace
