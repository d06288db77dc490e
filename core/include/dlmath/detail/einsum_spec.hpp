/// \file
/// \brief The Einstein-summation spec parser shared by both twins' `einsum`:
/// one parser, so both reject the same specs with the same message.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "dlmath/errors.hpp"

namespace dlmath::detail {

/// A parsed and validated two- or one-operand Einstein summation spec such
/// as `"ijz,izk->ijk"`: the index letters of each operand, of the result,
/// and the extent of every letter.
struct EinsumSpec {
    std::vector<std::string> inputs;  ///< index letters of each operand, e.g. {"ijz", "izk"}
    std::string output;               ///< index letters of the result, e.g. "ijk" ("" for a scalar)
    std::string summed;               ///< letters summed over, in order of first appearance
    std::array<std::size_t, 128> extent{};  ///< extent of each letter (indexed by its character)
};

/// Parses `spec` for operands of the given shapes and checks it: letters
/// `a`–`z`/`A`–`Z` only, one term per operand, each term as long as its
/// operand's rank, output letters unique and present in an input, and every
/// letter of the same extent wherever it appears. Without `->` the output is
/// NumPy's implicit one: the letters that appear exactly once, in
/// alphabetical order. Throws `shape_error` naming the offending part, e.g.
/// `einsum: the letter 'j' has extent 3 in operand 1 but 4 in operand 2`.
inline EinsumSpec parse_einsum(std::string_view function, std::string_view spec,
                               const std::vector<std::vector<std::size_t>>& shapes) {
    auto fail = [&](const auto&... parts) {
        throw shape_error(message(function, ": ", parts..., " (spec \"", spec, "\")"));
    };
    auto is_letter = [](char ch) { return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'); };
    EinsumSpec s;

    // split "lhs->rhs", and lhs at the commas; spaces are ignored
    std::string clean;
    for (char ch : spec)
        if (ch != ' ') clean += ch;
    const std::size_t arrow = clean.find("->");
    const bool explicit_output = arrow != std::string::npos;
    const std::string lhs = explicit_output ? clean.substr(0, arrow) : clean;
    if (explicit_output) s.output = clean.substr(arrow + 2);
    if (clean.find('.') != std::string::npos) fail("ellipsis '...' is not supported");
    std::size_t start = 0;
    while (true) {
        const std::size_t comma = lhs.find(',', start);
        s.inputs.push_back(lhs.substr(start, comma - start));
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    if (s.inputs.size() != shapes.size()) {
        fail("the spec has ", s.inputs.size(), " operand term(s) but ", shapes.size(), " operand(s) were given");
    }

    // every term: letters only, as many as the operand has axes; extents agree
    std::array<int, 128> seen_in{};  // 1-based operand where a letter first appeared, 0 if not yet
    std::array<int, 128> count{};
    std::string order;  // letters in order of first appearance
    for (std::size_t t = 0; t < s.inputs.size(); ++t) {
        const std::string& term = s.inputs[t];
        if (term.size() != shapes[t].size()) {
            fail("operand ", t + 1, " has rank ", shapes[t].size(), " but its term \"", term, "\" has ",
                 term.size(), " letter(s)");
        }
        for (std::size_t axis = 0; axis < term.size(); ++axis) {
            const char ch = term[axis];
            if (!is_letter(ch)) fail("'", ch, "' is not an index letter (a-z, A-Z)");
            const auto c = static_cast<unsigned char>(ch);
            const std::size_t d = shapes[t][axis];
            if (seen_in[c] == 0) {
                seen_in[c] = static_cast<int>(t) + 1;
                s.extent[c] = d;
                order += ch;
            } else if (s.extent[c] != d) {
                fail("the letter '", ch, "' has extent ", s.extent[c], " in operand ", seen_in[c], " but ", d,
                     " in operand ", t + 1);
            }
            ++count[c];
        }
    }

    if (!explicit_output) {  // implicit output: letters seen once, alphabetically
        for (char ch = 'A'; ch <= 'z'; ++ch)
            if (is_letter(ch) && count[static_cast<unsigned char>(ch)] == 1) s.output += ch;
    }
    std::array<bool, 128> in_output{};
    for (char ch : s.output) {
        if (!is_letter(ch)) fail("'", ch, "' is not an index letter (a-z, A-Z)");
        const auto c = static_cast<unsigned char>(ch);
        if (seen_in[c] == 0) fail("the output letter '", ch, "' appears in no operand");
        if (in_output[c]) fail("the output letter '", ch, "' appears twice");
        in_output[c] = true;
    }
    for (char ch : order)
        if (!in_output[static_cast<unsigned char>(ch)]) s.summed += ch;
    return s;
}

}  // namespace dlmath::detail
