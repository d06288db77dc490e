// Crafted submission: einsum that sums over every letter two operands share,
// even one the output keeps ("i,i->i" becomes the dot product at every i).
// Right for matrix products and full contractions.
#include "einsum.hpp"

#include <array>
#include <cstddef>
#include <string>
#include <vector>

#include <dlmath/errors.hpp>

namespace dlmath::exercises {

xt::xarray<double> einsum(const std::string& spec, const std::vector<xt::xarray<double>>& operands) {
    auto fail = [&](const auto&... parts) {
        throw shape_error(detail::message("einsum: ", parts..., " (spec \"", spec, "\")"));
    };
    auto is_letter = [](char ch) { return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'); };

    // 1. the terms: "lhs->out" or "lhs", lhs split at the commas
    const std::size_t arrow = spec.find("->");
    const std::string lhs = arrow == std::string::npos ? spec : spec.substr(0, arrow);
    std::vector<std::string> terms(1);
    for (char ch : lhs) {
        if (ch == ',') terms.emplace_back();
        else if (is_letter(ch)) terms.back() += ch;
        else fail("'", ch, "' is not an index letter (a-z, A-Z)");
    }
    if (terms.size() != operands.size())
        fail("the spec has ", terms.size(), " term(s) but ", operands.size(), " operand(s) were given");

    // 2. the extent of every letter, and in how many terms it occurs
    std::array<std::size_t, 128> extent{};
    std::array<int, 128> terms_with{}, occurrences{};
    std::array<int, 128> first_operand{};  // 1-based, for the message
    for (std::size_t t = 0; t < terms.size(); ++t) {
        const std::string& term = terms[t];
        if (term.size() != operands[t].dimension())
            fail("operand ", t + 1, " has rank ", operands[t].dimension(), " but its term \"", term, "\" has ",
                 term.size(), " letter(s)");
        std::array<bool, 128> in_this{};
        for (std::size_t axis = 0; axis < term.size(); ++axis) {
            const auto c = static_cast<unsigned char>(term[axis]);
            const std::size_t d = operands[t].shape()[axis];
            if (first_operand[c] == 0) {
                first_operand[c] = static_cast<int>(t) + 1;
                extent[c] = d;
            } else if (extent[c] != d) {
                fail("the letter '", term[axis], "' has extent ", extent[c], " in operand ", first_operand[c],
                     " but ", d, " in operand ", t + 1);
            }
            ++occurrences[c];
            if (!in_this[c]) ++terms_with[c];
            in_this[c] = true;
        }
    }

    // 3. the output letters: explicit, or those occurring once, sorted
    std::string out;
    if (arrow != std::string::npos) {
        out = spec.substr(arrow + 2);
        std::array<bool, 128> seen{};
        for (char ch : out) {
            if (!is_letter(ch)) fail("'", ch, "' is not an index letter (a-z, A-Z)");
            const auto c = static_cast<unsigned char>(ch);
            if (seen[c]) fail("the output letter '", ch, "' occurs twice");
            if (first_operand[c] == 0) fail("the output letter '", ch, "' is in no operand");
            seen[c] = true;
        }
    } else {
        for (int c = 0; c < 128; ++c)
            if (occurrences[c] == 1) out += static_cast<char>(c);
    }
    std::array<bool, 128> in_out{};
    for (char ch : out) in_out[static_cast<unsigned char>(ch)] = true;

    // An odometer over some letters: calls visit() with value[c] set for
    // each letter c of `letters`, the last letter moving fastest.
    std::array<std::size_t, 128> value{};
    auto odometer = [&](const std::string& letters, auto&& visit) {
        for (char ch : letters)
            if (extent[static_cast<unsigned char>(ch)] == 0) return;  // an empty range: nothing to visit
        for (char ch : letters) value[static_cast<unsigned char>(ch)] = 0;
        while (true) {
            visit();
            std::size_t k = letters.size();
            while (k > 0) {
                const auto c = static_cast<unsigned char>(letters[k - 1]);
                if (++value[c] < extent[c]) break;
                value[c] = 0;
                --k;
            }
            if (k == 0) return;
        }
    };
    // row-major offset of the current letter values in an array whose axes are `letters`
    auto offset = [&](const std::string& letters, const auto& shape) {
        std::size_t o = 0;
        for (std::size_t k = 0; k < letters.size(); ++k) o = o * shape[k] + value[static_cast<unsigned char>(letters[k])];
        return o;
    };

    // 4. sum out each operand's own letters first (in no other term, not in
    //    the output): "ab,cd->" costs two passes over the operands, not n^4
    std::vector<std::string> kept(terms.size());
    std::vector<xt::xarray<double>> reduced(terms.size());
    for (std::size_t t = 0; t < terms.size(); ++t) {
        std::string own, unique;
        std::array<bool, 128> seen{};
        for (char ch : terms[t]) {
            const auto c = static_cast<unsigned char>(ch);
            if (seen[c]) continue;
            seen[c] = true;
            unique += ch;
            if (terms_with[c] == 1 && !in_out[c]) own += ch;
            else kept[t] += ch;
        }
        std::vector<std::size_t> shape;
        for (char ch : kept[t]) shape.push_back(extent[static_cast<unsigned char>(ch)]);
        reduced[t] = xt::zeros<double>(shape);
        const xt::xarray<double>& X = operands[t];
        odometer(kept[t] + own, [&] {
            reduced[t].data()[offset(kept[t], shape)] += X.data()[offset(terms[t], X.shape())];
        });
    }

    // 5. the product of the reduced operands, summed over the letters shared
    //    by two or more terms that are not in the output
    // the slip: every letter shared by two operands is summed, as in a
    // matrix product, even when the output keeps it
    std::string loop;
    for (char ch : out)
        if (terms_with[static_cast<unsigned char>(ch)] < 2) loop += ch;
    for (int c = 0; c < 128; ++c)
        if (terms_with[c] >= 2) loop += static_cast<char>(c);
    std::vector<std::size_t> out_shape;
    for (char ch : out) out_shape.push_back(extent[static_cast<unsigned char>(ch)]);
    xt::xarray<double> result = xt::zeros<double>(out_shape);
    odometer(loop, [&] {
        double product = 1.0;
        for (std::size_t t = 0; t < terms.size(); ++t)
            product *= reduced[t].data()[offset(kept[t], reduced[t].shape())];
        // every position along a shared output letter gets the whole sum
        for (std::size_t q = 0; q < result.size(); ++q) {
            std::size_t rest = q;
            bool match = true;
            for (std::size_t k = out.size(); k-- > 0;) {
                const auto c = static_cast<unsigned char>(out[k]);
                const std::size_t idx = rest % out_shape[k];
                rest /= out_shape[k];
                if (terms_with[c] < 2 && idx != value[c]) match = false;
            }
            if (match) result.data()[q] += product;
        }
    });
    return result;
}

}  // namespace dlmath::exercises
