/// \file
/// \brief The Einstein-summation spec parser shared by both twins' `einsum`:
/// one parser, so both reject the same specs with the same message.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dlmath/detail/scaling.hpp"
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

/// `text` as it may be quoted in a message: printable ASCII as it is, every
/// other byte (a NUL, a control character, each byte of a multi-byte UTF-8
/// character) as `\xHH`, so that a message never carries a stray byte or
/// ends early at an embedded NUL.
inline std::string printable(std::string_view text) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string r;
    for (char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (c >= 0x20 && c < 0x7f) {
            r += ch;
        } else {
            r += "\\x";
            r += hex[c >> 4];
            r += hex[c & 0xF];
        }
    }
    return r;
}

/// Parses `spec` for operands of the given shapes and checks it: letters
/// `a`–`z`/`A`–`Z` only, one term per operand, each term as long as its
/// operand's rank, output letters unique and present in an input, and every
/// letter of the same extent wherever it appears. Without `->` the output is
/// NumPy's implicit one: the letters that appear exactly once, in
/// alphabetical order. Throws `shape_error` naming the offending part, e.g.
/// `einsum: the letter 'j' has extent 3 in operand 1 but 4 in operand 2`.
/// A byte outside printable ASCII (a letter such as 'é', a NUL) is rejected
/// first, by its position; messages quote such bytes as `\xHH`.
inline EinsumSpec parse_einsum(std::string_view function, std::string_view spec,
                               const std::vector<std::vector<std::size_t>>& shapes) {
    auto fail = [&](const auto&... parts) {
        throw shape_error(message(function, ": ", parts..., " (spec \"", printable(spec), "\")"));
    };
    auto is_letter = [](char ch) { return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'); };
    for (std::size_t i = 0; i < spec.size(); ++i) {
        const auto c = static_cast<unsigned char>(spec[i]);
        if (c >= 0x80) {
            fail("the spec must be ASCII: byte ", i, " ('", printable(spec.substr(i, 1)),
                 "') belongs to a non-ASCII character; index letters are a-z, A-Z");
        }
        if (c < 0x20 || c == 0x7f) {
            fail("the spec must be printable ASCII: byte ", i, " is '", printable(spec.substr(i, 1)),
                 "'; index letters are a-z, A-Z");
        }
    }
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
    std::array<std::size_t, 128> seen_axis{};  // the axis of that first appearance
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
                seen_axis[c] = axis;
                s.extent[c] = d;
                order += ch;
            } else if (s.extent[c] != d && seen_in[c] == static_cast<int>(t) + 1) {
                fail("the letter '", ch, "' is repeated in operand ", t + 1, " (a diagonal) over axes of different extents: ",
                     s.extent[c], " at axis ", seen_axis[c], " but ", d, " at axis ", axis);
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

/// Operands after NumPy's first contraction step (see sum_out_private_letters).
template <class Array>
struct EinsumReduced {
    EinsumSpec spec;  ///< the spec on the reduced operands, with no private letters left
    Array a, b;       ///< the operands with their private letters summed out
};

/// The one-operand einsum of both twins around their sums `sums(x)` (a
/// linear map of x): entries that overflowed on the way are recomputed from
/// the operand scaled by a power of two (recompute_overflowed), so an entry
/// is ±inf only when its value lies beyond the double range, in both twins
/// whatever order each adds in.
template <class Array, class Sums>
Array einsum_one_operand(const Array& a, Sums sums) {
    Array R = sums(a);
    recompute_overflowed(a, R, sums);
    return R;
}

/// NumPy's contraction order for two operands: a letter that occurs in one
/// operand only and not in the output is summed out of that operand alone,
/// before the product is formed. `"ab,cd->"` then costs two sums of
/// \f$ n^2 \f$ terms and one product, not \f$ n^4 \f$ products. `einsum1(spec, x)`
/// is the twin's one-operand einsum. Returns nothing when no letter is
/// private (the spec is then contracted as it is).
template <class Array, class Einsum1>
std::optional<EinsumReduced<Array>> sum_out_private_letters(std::string_view function, const EinsumSpec& s,
                                                             const Array& a, const Array& b, Einsum1 einsum1) {
    const std::string* terms[2] = {&s.inputs[0], &s.inputs[1]};
    auto occurs = [](const std::string& text, char ch) { return text.find(ch) != std::string::npos; };
    std::string kept[2];
    bool reduce[2] = {false, false};
    for (int t = 0; t < 2; ++t) {
        for (char ch : *terms[t]) {
            if (occurs(*terms[1 - t], ch) || occurs(s.output, ch)) {
                if (!occurs(kept[t], ch)) kept[t] += ch;
            } else {
                reduce[t] = true;  // ch is private to operand t
            }
        }
        if (!reduce[t]) kept[t] = *terms[t];  // nothing to sum out: keep the term, repeated letters and all
    }
    if (!reduce[0] && !reduce[1]) return std::nullopt;
    EinsumReduced<Array> r{{}, reduce[0] ? einsum1(*terms[0] + "->" + kept[0], a) : a,
                           reduce[1] ? einsum1(*terms[1] + "->" + kept[1], b) : b};
    auto shape_of = [](const Array& x) { return std::vector<std::size_t>(x.shape().begin(), x.shape().end()); };
    r.spec = parse_einsum(function, kept[0] + "," + kept[1] + "->" + s.output, {shape_of(r.a), shape_of(r.b)});
    return r;
}

/// The two-operand einsum of both twins around their kernel `contract(spec,
/// x, y)`: private letters summed out first (sum_out_private_letters), then
/// the kernel; entries that overflowed on the way are recomputed from
/// operands scaled by powers of two (recompute_overflowed), so an entry is
/// ±inf only when its value lies beyond the double range. The recomputation
/// is `rescue(x, y)`, the whole einsum of the scaled operands; without one,
/// the same steps again. The fast twin passes the reference's einsum: its
/// fused multiply-adds leave the rounding error of x·y in x·y − x·y, which
/// the scaling back would turn into ±inf where the true value is 0.
template <class Array, class Contract, class Einsum1, class Rescue>
Array einsum_two_operands(std::string_view function, const EinsumSpec& s, const Array& a, const Array& b,
                          Contract contract, Einsum1 einsum1, Rescue rescue) {
    Array R = [&] {
        if (auto r = sum_out_private_letters(function, s, a, b, einsum1)) return contract(r->spec, r->a, r->b);
        return contract(s, a, b);
    }();
    recompute_overflowed(a, b, R, rescue);
    return R;
}

template <class Array, class Contract, class Einsum1>
Array einsum_two_operands(std::string_view function, const EinsumSpec& s, const Array& a, const Array& b,
                          Contract contract, Einsum1 einsum1) {
    auto once = [&](const Array& x, const Array& y) -> Array {
        if (auto r = sum_out_private_letters(function, s, x, y, einsum1)) return contract(r->spec, r->a, r->b);
        return contract(s, x, y);
    };
    return einsum_two_operands(function, s, a, b, contract, einsum1, once);
}

}  // namespace dlmath::detail
