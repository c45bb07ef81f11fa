// The one lenient reader of JSON object members used by core parsers: a member of the wrong type
// reads as absent, so a foreign or corrupt value degrades to a default and never throws.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace motcua {

// A JSON value as an int64: integers within range only (never a float: ids must stay exact).
std::optional<int64_t> asInt64(const nlohmann::json& value);

// A string member, or "" when missing, null, not a string, or `object` is not an object.
std::string stringField(const nlohmann::json& object, const char* key);
// An integer member within int64 (never a float: ids must stay exact), or nothing.
std::optional<int64_t> optIntField(const nlohmann::json& object, const char* key);
inline int64_t intField(const nlohmann::json& object, const char* key, int64_t fallback = 0) {
    return optIntField(object, key).value_or(fallback);
}
// An integer, or a float within ±9e15 cut to its whole part (some writers send 15000.0).
std::optional<int64_t> optWholeNumberField(const nlohmann::json& object, const char* key);
// Any JSON number, as a double.
std::optional<double> optNumberField(const nlohmann::json& object, const char* key);
bool boolField(const nlohmann::json& object, const char* key, bool fallback = false);
// The member when it is an object (or an array), else nullptr.
const nlohmann::json* objectField(const nlohmann::json& object, const char* key);
const nlohmann::json* arrayField(const nlohmann::json& object, const char* key);

} // namespace motcua
