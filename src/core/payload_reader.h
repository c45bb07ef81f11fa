// The reader of server payloads (the dossier and the replies that carry one): required fields fail
// the parse with their path ("steps[2].deadline"), optional ones of the wrong type read as absent
// and leave a warning. Built on json_fields.h, the lenient reader.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/dossier.h"
#include "core/result.h"

namespace motcua {

struct PayloadFailure {
    ParseError code = ParseError::None;
    std::string detail;
};

class PayloadReader {
  public:
    // `path` prefixes messages; warnings go to `warnings`, which must outlive the reader.
    PayloadReader(const nlohmann::json& object, std::string path,
                  std::vector<std::string>& warnings)
        : m_object(object), m_path(std::move(path)), m_warnings(warnings) {}

    const nlohmann::json* find(const char* key) const; // nullptr when absent or null
    std::string where(const char* key) const;
    void warn(const char* key, const char* what);

    // Optional fields: absent or of the wrong type reads as empty (with a warning for the type).
    std::string optString(const char* key);
    bool optBool(const char* key, bool fallback = false);
    std::optional<int64_t> optInt(const char* key);
    std::optional<DateTime> optDate(const char* key);
    const nlohmann::json* optObject(const char* key);
    const nlohmann::json* optArray(const char* key);

    // Required fields: the first problem is kept in failure().
    std::string reqString(const char* key);
    int64_t reqInt(const char* key);
    bool reqBool(const char* key);
    DateTime reqDate(const char* key);

    void fail(ParseError code, const char* key, const char* what);
    const PayloadFailure& failure() const { return m_failure; }

  private:
    // The member when `isType` holds for it; else nullptr, and a warning when it is present.
    const nlohmann::json* optTyped(const char* key, bool (nlohmann::json::*isType)() const noexcept,
                                   const char* what);
    const nlohmann::json* reqTyped(const char* key, bool (nlohmann::json::*isType)() const noexcept,
                                   const char* what);
    const nlohmann::json* requireField(const char* key);

    const nlohmann::json& m_object;
    std::string m_path;
    std::vector<std::string>& m_warnings;
    PayloadFailure m_failure;
};

} // namespace motcua
