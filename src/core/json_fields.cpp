// Lenient JSON member reads shared by every core parser (see json_fields.h).
#include "core/json_fields.h"

#include <limits>

namespace motcua {

using nlohmann::json;

namespace {
const json* member(const json& object, const char* key) {
    if (!object.is_object()) return nullptr;
    auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}
} // namespace

std::string stringField(const json& object, const char* key) {
    const json* v = member(object, key);
    return v && v->is_string() ? v->get<std::string>() : std::string();
}

std::optional<int64_t> asInt64(const json& value) {
    if (!value.is_number_integer()) return std::nullopt;
    if (value.is_number_unsigned() &&
        value.get<uint64_t>() > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()))
        return std::nullopt;
    return value.get<int64_t>();
}

std::optional<int64_t> optIntField(const json& object, const char* key) {
    const json* v = member(object, key);
    return v ? asInt64(*v) : std::nullopt;
}

std::optional<int64_t> optWholeNumberField(const json& object, const char* key) {
    if (auto n = optIntField(object, key)) return n;
    const json* v = member(object, key);
    if (!v || !v->is_number_float()) return std::nullopt;
    const double d = v->get<double>();
    if (!(d >= -9e15 && d <= 9e15)) return std::nullopt; // NaN fails both
    return static_cast<int64_t>(d);
}

std::optional<double> optNumberField(const json& object, const char* key) {
    const json* v = member(object, key);
    if (!v || !v->is_number()) return std::nullopt;
    return v->get<double>();
}

bool boolField(const json& object, const char* key, bool fallback) {
    const json* v = member(object, key);
    return v && v->is_boolean() ? v->get<bool>() : fallback;
}

const json* objectField(const json& object, const char* key) {
    const json* v = member(object, key);
    return v && v->is_object() ? v : nullptr;
}

const json* arrayField(const json& object, const char* key) {
    const json* v = member(object, key);
    return v && v->is_array() ? v : nullptr;
}

} // namespace motcua
