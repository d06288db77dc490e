/// \file
/// \brief Exercise (chapter 1): Einstein summation over any number of
/// operands, NumPy's implicit output, and summing out an operand's own
/// letters before the product.
#pragma once

#include <string>
#include <vector>

#include <xtensor/xarray.hpp>

#include <dlmath/tensor.hpp>

namespace dlmath::exercises {

/// Einstein summation (see \ref exercise_einsum): every axis of every operand
/// is named by a letter; the result is indexed by the output letters, and
/// every other letter is summed over,
/// \f[ \texttt{"ij,jk->ik"}: \quad C_{ik} = \sum_j A_{ij} B_{jk} . \f]
/// Without `->` the output is NumPy's implicit one: the letters that occur
/// exactly once in the spec, in alphabetical (ASCII) order. A letter repeated
/// within one operand reads its diagonal (`"ii->i"`).
///
/// \param spec e.g. `"ij,jk->ik"`, `"ii"`, `"bij,bjk->bik"`; letters `a`-`z`,
///        `A`-`Z`, one term per operand, separated by commas
/// \param operands the operands, one per term, each of rank equal to its
///        term's length
/// \returns the result, of rank equal to the number of output letters (rank
///          0 for a full contraction)
/// \throws dlmath::shape_error for a malformed spec (a character that is
///         not a letter, a term count or a term length that does not match
///         the operands, an output letter repeated or absent from the
///         inputs) or a letter whose extents differ, naming the letter
xt::xarray<double> einsum(const std::string& spec, const std::vector<xt::xarray<double>>& operands);

}  // namespace dlmath::exercises
