// Result type returned by every core parser, so malformed server or device data becomes an
// error value the UI can show instead of an exception unwinding through the frame loop.
#pragma once

#include <optional>
#include <string>
#include <utility>

namespace motcua {

enum class ParseError {
    None,
    TooLarge,     // input above the size cap; refused before parsing
    Malformed,    // not JSON, truncated JSON, or not the expected top-level shape
    MissingField, // a required field is absent or null
    WrongType,    // a required field has the wrong JSON type
    BadValue,     // right type, impossible value (bad date, absurd year, negative version)
};

// Stable i18n key per error, so the UI never displays parser internals as the main message.
const char* parseErrorKey(ParseError error);

template <class T> struct Result {
    std::optional<T> value;
    ParseError code = ParseError::None;
    std::string error; // developer detail (field path and reason), fine for logs

    bool ok() const { return value.has_value(); }
    explicit operator bool() const { return ok(); }

    static Result success(T v) {
        Result r;
        r.value = std::move(v);
        return r;
    }
    static Result failure(ParseError c, std::string detail) {
        Result r;
        r.code = c;
        r.error = std::move(detail);
        return r;
    }
};

} // namespace motcua
