// PayloadReader: typed access to one object's members, with the path of each problem.
#include "core/payload_reader.h"

#include "core/civil_date.h"
#include "core/json_fields.h"

namespace motcua {

using nlohmann::json;

namespace {

std::optional<DateTime> asDate(const std::string& text) {
    auto epoch = parseIsoTimestamp(text);
    if (!epoch || !isPlausibleEpoch(*epoch)) return std::nullopt;
    return DateTime{text, *epoch};
}

} // namespace

const json* PayloadReader::find(const char* key) const {
    auto it = m_object.find(key);
    if (it == m_object.end() || it->is_null()) return nullptr;
    return &*it;
}

std::string PayloadReader::where(const char* key) const {
    return m_path.empty() ? key : m_path + "." + key;
}

void PayloadReader::warn(const char* key, const char* what) {
    m_warnings.push_back(where(key) + ": " + what);
}

const json* PayloadReader::optTyped(const char* key, bool (json::*isType)() const noexcept,
                                    const char* what) {
    const json* v = find(key);
    if (v && !(v->*isType)()) {
        warn(key, what);
        return nullptr;
    }
    return v;
}

std::string PayloadReader::optString(const char* key) {
    const json* v = optTyped(key, &json::is_string, "expected a string");
    return v ? v->get<std::string>() : std::string();
}

bool PayloadReader::optBool(const char* key, bool fallback) {
    const json* v = optTyped(key, &json::is_boolean, "expected a boolean");
    return v ? v->get<bool>() : fallback;
}

std::optional<int64_t> PayloadReader::optInt(const char* key) {
    const json* v = find(key);
    if (!v) return std::nullopt;
    auto n = asInt64(*v);
    if (!n) warn(key, "expected an integer");
    return n;
}

std::optional<DateTime> PayloadReader::optDate(const char* key) {
    const json* v = optTyped(key, &json::is_string, "expected a date string");
    if (!v) return std::nullopt;
    auto d = asDate(v->get<std::string>());
    if (!d) warn(key, "not a plausible ISO 8601 date");
    return d;
}

const json* PayloadReader::optObject(const char* key) {
    return optTyped(key, &json::is_object, "expected an object");
}

const json* PayloadReader::optArray(const char* key) {
    return optTyped(key, &json::is_array, "expected an array");
}

const json* PayloadReader::requireField(const char* key) {
    const json* v = find(key);
    if (!v) fail(ParseError::MissingField, key, "missing");
    return v;
}

const json* PayloadReader::reqTyped(const char* key, bool (json::*isType)() const noexcept,
                                    const char* what) {
    const json* v = requireField(key);
    if (v && !(v->*isType)()) {
        fail(ParseError::WrongType, key, what);
        return nullptr;
    }
    return v;
}

std::string PayloadReader::reqString(const char* key) {
    const json* v = reqTyped(key, &json::is_string, "expected a string");
    return v ? v->get<std::string>() : std::string();
}

int64_t PayloadReader::reqInt(const char* key) {
    const json* v = requireField(key);
    if (!v) return 0;
    auto n = asInt64(*v);
    if (!n) fail(ParseError::WrongType, key, "expected an integer");
    return n.value_or(0);
}

bool PayloadReader::reqBool(const char* key) {
    const json* v = reqTyped(key, &json::is_boolean, "expected a boolean");
    return v ? v->get<bool>() : false;
}

DateTime PayloadReader::reqDate(const char* key) {
    const json* v = reqTyped(key, &json::is_string, "expected a date string");
    if (!v) return {};
    auto d = asDate(v->get<std::string>());
    if (!d) fail(ParseError::BadValue, key, "not a plausible ISO 8601 date");
    return d.value_or(DateTime{});
}

void PayloadReader::fail(ParseError code, const char* key, const char* what) {
    if (m_failure.code != ParseError::None) return;
    m_failure.code = code;
    m_failure.detail = where(key) + ": " + what;
}

} // namespace motcua
