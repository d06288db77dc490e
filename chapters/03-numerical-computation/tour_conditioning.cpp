// Chapter 3, conditioning: Hilbert matrices, the growth of their condition
// number, the digits a solve loses, and the perturbation bound.

#include <cmath>
#include <cstddef>
#include <iomanip>
#include <string>

#include <xtensor-blas/xlinalg.hpp>

#include "dlmath/reference/linear_algebra.hpp"
#include "dlmath/reference/numerical.hpp"
#include "tour.hpp"

namespace {

namespace ref = dlmath::reference;
using dlmath::Matrix;
using dlmath::Vector;

void hilbert_digits() {
    std::cout << "  n   cond(H_n)    growth of ln cond per order (→ 3.5255)   rel. error of solve(H_n, H_n·1)\n";
    double previous = 0.0;
    for (std::size_t n = 2; n <= 12; n += 2) {
        //! [example_hilbert]
        const Matrix H = ref::hilbert(n);
        Vector ones = Vector::from_shape({n});
        ones.fill(1.0);
        const Vector b = xt::linalg::dot(H, ones);
        const Vector x = ref::solve(H, b);
        const double error = ref::norm(Vector(x - ones)) / ref::norm(ones);
        //! [example_hilbert]
        const double kappa = ref::cond(H);  // inf at n = 12: singular to working precision
        const double growth = n > 2 ? (std::log(kappa) - previous) / 2.0 : 0.0;
        previous = std::log(kappa);
        std::cout << "  " << std::setw(2) << n << "  " << std::setw(10) << std::setprecision(3) << kappa << "   "
                  << std::setw(10) << growth << "                              " << error << std::setprecision(6)
                  << "\n";
    }
}

void perturbation(dlmath::tour::Checks& c) {
    //! [example_perturbation]
    const Matrix A = {{1.0, 0.0}, {0.0, 1e-3}};                      // kappa = 1000
    const auto p = ref::solve_perturbation(A, Vector{1.0, 0.0}, Vector{0.0, 1e-6});
    //! [example_perturbation]
    dlmath::tour::check(c, "κ(diag(1, 1e-3))", p.kappa, 1e3, 8);
    dlmath::tour::check(c, "‖δx‖/‖x‖ = κ ‖δb‖/‖b‖ (the bound attained)", p.relative_change_x, p.bound, 8);
    const Matrix H = ref::hilbert(8);
    Vector ones = Vector::from_shape({8});
    ones.fill(1.0);
    const Vector b = xt::linalg::dot(H, ones);
    Vector db = Vector::from_shape({8});
    db.fill(0.0);
    db(3) = 1e-10;
    const auto q = ref::solve_perturbation(H, b, db);
    std::cout << "  H_8: ‖δb‖/‖b‖ = " << q.relative_change_b << " moves x by " << q.relative_change_x
              << " (bound " << q.bound << ")\n";
    dlmath::tour::check_that(c, "H_8: ‖δx‖/‖x‖ ≤ κ ‖δb‖/‖b‖", q.relative_change_x <= q.bound);
}

void run(dlmath::tour::Checks& c, const dlmath::tour::Options&) {
    hilbert_digits();
    perturbation(c);
}

const dlmath::tour::Register section{"conditioning", run};

}  // namespace
