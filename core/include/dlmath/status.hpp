/// \file
/// \brief The outcome of an iterative method, shared by every chapter.
///
/// Invalid input throws; an iterative method that stops without converging
/// does not: it returns its last iterate with a `Status` and a sentence
/// saying why (as Eigen's `ComputationInfo`).
#pragma once

namespace dlmath {

/// \brief Outcome of an iterative method (Eigen's `ComputationInfo`).
enum class Status {
    success,          ///< converged within the tolerance
    no_convergence,   ///< the iteration limit was reached first; see the reason
};

}  // namespace dlmath
