// Chapter 3, conditioning — reference twin.
//
// Rules of this file: each function reads like its formula, with the
// textbook's index names; plain loops; no intrinsics, no OpenMP.

#include "dlmath/reference/numerical/conditioning.hpp"

#include <cmath>
#include <cstddef>

#include "dlmath/detail/checks/numerical.hpp"
#include "dlmath/reference/linear_algebra.hpp"

namespace dlmath::reference {

//! [hilbert]
Matrix hilbert(std::size_t n) {
    // returns H ~ (n, n), H_ij = 1 / (i + j + 1)
    Matrix H = Matrix::from_shape({n, n});
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j) H(i, j) = 1.0 / static_cast<double>(i + j + 1);
    return H;
}
//! [hilbert]

//! [solve_perturbation]
Perturbation solve_perturbation(const Matrix& A, const Vector& b, const Vector& db) {
    // A ~ (n, n), b ~ (n), db ~ (n)
    detail::check_solve_perturbation(A, b, db);

    const Vector x = solve(A, b);             // A x = b
    const Vector b_moved = b + db;
    const Vector x_moved = solve(A, b_moved);  // A (x + dx) = b + db
    const Vector dx = x_moved - x;

    Perturbation p{};
    p.kappa = cond(A);
    p.relative_change_b = norm(db) / norm(b);
    p.relative_change_x = norm(dx) / norm(x);
    p.bound = p.kappa * p.relative_change_b;
    return p;
}
//! [solve_perturbation]

}  // namespace dlmath::reference
