// Shared guards for parsing untrusted JSON text: size cap, nesting cap, no-throw parse.
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "core/result.h"

namespace motcua {

constexpr int kMaxJsonDepth = 64;

// Parses text into `out` without throwing. Returns ParseError::None on success, TooLarge above
// `maxBytes`, Malformed for invalid, truncated or too deeply nested JSON.
ParseError parseJsonText(std::string_view text, size_t maxBytes, nlohmann::json& out);

// True when the value nests deeper than `maxDepth` (serialising it would recurse that deep).
bool exceedsDepth(const nlohmann::json& value, int maxDepth);

} // namespace motcua
