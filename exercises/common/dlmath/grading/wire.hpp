/// \file
/// \brief The wire format between an exercise's checker and the student's
/// program: a binary encoding of the values exercise functions take and
/// return, and of the exceptions they throw.
///
/// Encoded are arithmetic types and enums (their bytes), `bool`,
/// `std::string`, `xt::xtensor<T, N>` (`Vector`, `Matrix`, `Tensor3`),
/// `xt::xarray<T>`, `std::vector`, `std::pair`, `std::tuple`,
/// `std::optional` and plain aggregate structs of these (up to 16 fields,
/// found by aggregate initialisation and taken apart by structured
/// bindings). A message is a 64-bit length followed by its bytes. Both
/// programs are built from the same headers on the same machine, so the
/// byte order is the machine's own.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <stdexcept>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include <xtensor/xarray.hpp>
#include <xtensor/xtensor.hpp>

namespace dlmath::grading {

/// A message that does not decode: the other side sent garbage.
class wire_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Appends encoded values to a byte string.
class Writer {
public:
    void bytes(const void* p, std::size_t n) { buf_.append(static_cast<const char*>(p), n); }
    void u64(std::uint64_t v) { bytes(&v, sizeof v); }
    [[nodiscard]] const std::string& data() const { return buf_; }
    std::string take() { return std::move(buf_); }

private:
    std::string buf_;
};

/// Reads encoded values back, refusing to read past the end.
class Reader {
public:
    Reader(const char* p, std::size_t n) : p_(p), end_(p + n) {}
    void bytes(void* out, std::size_t n) {
        if (static_cast<std::size_t>(end_ - p_) < n) throw wire_error("the message ends too early");
        std::memcpy(out, p_, n);
        p_ += n;
    }
    std::uint64_t u64() {
        std::uint64_t v = 0;
        bytes(&v, sizeof v);
        return v;
    }
    /// A count of items of at least `item_size` bytes each that the rest of
    /// the message can hold (a forged count must not allocate gigabytes).
    std::size_t count(std::size_t item_size) {
        const std::uint64_t n = u64();
        if (item_size != 0 && n > static_cast<std::uint64_t>(end_ - p_) / item_size)
            throw wire_error("a length exceeds the message");
        if (item_size == 0 && n > (1u << 20)) throw wire_error("a length is implausible");
        return static_cast<std::size_t>(n);
    }
    /// The number of elements of a tensor with this shape, when the rest of
    /// the message can hold that many items of `item_size` bytes.
    template <class Shape>
    std::size_t elements(const Shape& shape, std::size_t item_size) {
        std::size_t n = 1;
        const std::size_t room = static_cast<std::size_t>(end_ - p_) / item_size;
        for (std::size_t s : shape) {
            if (s == 0) return 0;   // an empty tensor, whatever its other extents
        }
        for (std::size_t s : shape) {
            if (s != 0 && n > room / s) throw wire_error("a tensor's shape exceeds the message");
            n *= s;
        }
        if (n > room) throw wire_error("a tensor's shape exceeds the message");
        return n;
    }
    [[nodiscard]] bool done() const { return p_ == end_; }

private:
    const char* p_;
    const char* end_;
};

template <class T, class = void>
struct Codec;   // specialised below; an aggregate falls through to reflection

template <class T>
void put(Writer& w, const T& v) { Codec<T>::put(w, v); }

template <class T>
T get(Reader& r) { return Codec<T>::get(r); }

// ---- aggregate reflection: how many fields, and references to them --------

namespace detail {

/// Converts to any type: `T{any{}, any{}}` compiles when T has (at least) two
/// fields that can be initialised in order.
struct any_field {
    template <class U>
    operator U() const;   // never defined: used in unevaluated contexts only
};

template <class T, std::size_t... I>
constexpr bool initialisable_with(std::index_sequence<I...>) {
    return requires { T{((void)I, any_field{})...}; };
}

template <class T, std::size_t N = 16>
constexpr std::size_t field_count() {
    if constexpr (N == 0) {
        return 0;
    } else if constexpr (initialisable_with<T>(std::make_index_sequence<N>{})) {
        return N;
    } else {
        return field_count<T, N - 1>();
    }
}

#define DLMATH_GRADING_FIELDS(n, ...)          \
    if constexpr (count == n) {                \
        auto& [__VA_ARGS__] = t;               \
        return std::tie(__VA_ARGS__);          \
    } else

/// A tuple of references to the fields of the aggregate `t`.
template <class T>
auto fields(T& t) {
    constexpr std::size_t count = field_count<std::remove_const_t<T>>();
    DLMATH_GRADING_FIELDS(1, a)
    DLMATH_GRADING_FIELDS(2, a, b)
    DLMATH_GRADING_FIELDS(3, a, b, c)
    DLMATH_GRADING_FIELDS(4, a, b, c, d)
    DLMATH_GRADING_FIELDS(5, a, b, c, d, e)
    DLMATH_GRADING_FIELDS(6, a, b, c, d, e, f)
    DLMATH_GRADING_FIELDS(7, a, b, c, d, e, f, g)
    DLMATH_GRADING_FIELDS(8, a, b, c, d, e, f, g, h)
    DLMATH_GRADING_FIELDS(9, a, b, c, d, e, f, g, h, i)
    DLMATH_GRADING_FIELDS(10, a, b, c, d, e, f, g, h, i, j)
    DLMATH_GRADING_FIELDS(11, a, b, c, d, e, f, g, h, i, j, k)
    DLMATH_GRADING_FIELDS(12, a, b, c, d, e, f, g, h, i, j, k, l)
    DLMATH_GRADING_FIELDS(13, a, b, c, d, e, f, g, h, i, j, k, l, m)
    DLMATH_GRADING_FIELDS(14, a, b, c, d, e, f, g, h, i, j, k, l, m, n)
    DLMATH_GRADING_FIELDS(15, a, b, c, d, e, f, g, h, i, j, k, l, m, n, o)
    DLMATH_GRADING_FIELDS(16, a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p) {
        static_assert(count > 0, "dlmath grading: this type cannot cross to the student's program "
                                 "(not an arithmetic type, string, tensor, vector, pair, tuple, "
                                 "optional or aggregate struct of up to 16 fields)");
        return std::tie();
    }
}

#undef DLMATH_GRADING_FIELDS

template <class T>
inline constexpr bool is_reflectable = std::is_aggregate_v<T> && !std::is_array_v<T> &&
                                       std::is_default_constructible_v<T>;

}  // namespace detail

// ---- the codecs -----------------------------------------------------------

template <class T>
struct Codec<T, std::enable_if_t<std::is_arithmetic_v<T> || std::is_enum_v<T>>> {
    static void put(Writer& w, const T& v) {
        if constexpr (std::is_same_v<T, bool>) {
            const unsigned char b = v ? 1 : 0;
            w.bytes(&b, 1);
        } else {
            w.bytes(&v, sizeof v);
        }
    }
    static T get(Reader& r) {
        if constexpr (std::is_same_v<T, bool>) {
            unsigned char b = 0;
            r.bytes(&b, 1);
            if (b > 1) throw wire_error("a bool is neither 0 nor 1");
            return b == 1;
        } else {
            T v{};
            r.bytes(&v, sizeof v);
            return v;
        }
    }
};

template <>
struct Codec<std::string> {
    static void put(Writer& w, const std::string& s) {
        w.u64(s.size());
        w.bytes(s.data(), s.size());
    }
    static std::string get(Reader& r) {
        std::string s(r.count(1), '\0');
        r.bytes(s.data(), s.size());
        return s;
    }
};

template <class T, std::size_t N, xt::layout_type L>
struct Codec<xt::xtensor<T, N, L>> {
    using tensor = xt::xtensor<T, N, L>;
    static void put(Writer& w, const tensor& t) {
        for (std::size_t d = 0; d < N; ++d) w.u64(t.shape()[d]);
        for (const T& x : t) Codec<T>::put(w, x);   // in the tensor's own layout order
    }
    static tensor get(Reader& r) {
        std::array<std::size_t, N> shape{};
        for (auto& s : shape) s = static_cast<std::size_t>(r.u64());
        r.elements(shape, std::is_same_v<T, bool> ? 1 : sizeof(T));
        tensor t(shape);
        for (T& x : t) x = Codec<T>::get(r);
        return t;
    }
};

template <class T, xt::layout_type L>
struct Codec<xt::xarray<T, L>> {
    using array = xt::xarray<T, L>;
    static void put(Writer& w, const array& a) {
        w.u64(a.dimension());
        for (std::size_t d = 0; d < a.dimension(); ++d) w.u64(a.shape()[d]);
        for (const T& x : a) Codec<T>::put(w, x);
    }
    static array get(Reader& r) {
        const std::size_t dims = r.count(8);
        std::vector<std::size_t> shape(dims);
        for (auto& s : shape) s = static_cast<std::size_t>(r.u64());
        r.elements(shape, std::is_same_v<T, bool> ? 1 : sizeof(T));
        array a = array::from_shape(shape);
        for (T& x : a) x = Codec<T>::get(r);
        return a;
    }
};

template <class T, class A>
struct Codec<std::vector<T, A>> {
    static void put(Writer& w, const std::vector<T, A>& v) {
        w.u64(v.size());
        for (const auto& x : v) Codec<T>::put(w, static_cast<const T&>(x));
    }
    static std::vector<T, A> get(Reader& r) {
        const std::size_t n = r.count(std::is_same_v<T, bool> ? 1 : (std::is_arithmetic_v<T> ? sizeof(T) : 1));
        std::vector<T, A> v;
        v.reserve(n);
        for (std::size_t i = 0; i < n; ++i) v.push_back(Codec<T>::get(r));
        return v;
    }
};

template <class A, class B>
struct Codec<std::pair<A, B>> {
    static void put(Writer& w, const std::pair<A, B>& p) {
        Codec<A>::put(w, p.first);
        Codec<B>::put(w, p.second);
    }
    static std::pair<A, B> get(Reader& r) {
        A a = Codec<A>::get(r);   // in order: the arguments of a call are not sequenced
        B b = Codec<B>::get(r);
        return {std::move(a), std::move(b)};
    }
};

template <class... Ts>
struct Codec<std::tuple<Ts...>> {
    static void put(Writer& w, const std::tuple<Ts...>& t) {
        std::apply([&](const auto&... x) { (Codec<std::remove_cvref_t<decltype(x)>>::put(w, x), ...); }, t);
    }
    static std::tuple<Ts...> get(Reader& r) {
        std::tuple<Ts...> t;
        std::apply([&](auto&... x) { ((x = Codec<std::remove_cvref_t<decltype(x)>>::get(r)), ...); }, t);
        return t;
    }
};

template <class T>
struct Codec<std::optional<T>> {
    static void put(Writer& w, const std::optional<T>& o) {
        Codec<bool>::put(w, o.has_value());
        if (o) Codec<T>::put(w, *o);
    }
    static std::optional<T> get(Reader& r) {
        if (!Codec<bool>::get(r)) return std::nullopt;
        return Codec<T>::get(r);
    }
};

/// A plain aggregate struct: its fields in order.
template <class T>
struct Codec<T, std::enable_if_t<detail::is_reflectable<T> && !std::is_arithmetic_v<T>>> {
    static void put(Writer& w, const T& v) {
        std::apply([&](const auto&... x) { (Codec<std::remove_cvref_t<decltype(x)>>::put(w, x), ...); },
                   detail::fields(v));
    }
    static T get(Reader& r) {
        T v{};
        std::apply([&](auto&... x) { ((x = Codec<std::remove_cvref_t<decltype(x)>>::get(r)), ...); },
                   detail::fields(v));
        return v;
    }
};

// ---- calls and answers ----------------------------------------------------

/// What an answer carries: a result, or an exception of one of these types.
enum class Outcome : std::uint8_t {
    value = 0,
    not_implemented = 1,    ///< dlmath::not_implemented
    shape_error = 2,        ///< dlmath::shape_error
    dlmath_domain_error = 3,///< dlmath::domain_error
    invalid_argument = 4,   ///< std::invalid_argument
    domain_error = 5,       ///< std::domain_error
    out_of_range = 6,       ///< std::out_of_range
    logic_error = 7,        ///< std::logic_error
    runtime_error = 8,      ///< std::runtime_error
    other_exception = 9,    ///< another std::exception: rethrown as std::runtime_error
    not_std = 10,           ///< something that is not a std::exception (`throw 42;`)
    no_such_function = 11,  ///< the student's program does not know the call
};

/// The largest message either side accepts (a matrix of 16 million doubles).
inline constexpr std::uint64_t max_message = std::uint64_t{1} << 27;

}  // namespace dlmath::grading
