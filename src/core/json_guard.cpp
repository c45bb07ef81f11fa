// The nesting check runs on the raw text before nlohmann sees it, so hostile inputs such as
// a megabyte of '[' never reach the recursive parts of the library (dump, comparisons).
#include "core/json_guard.h"

namespace motcua {

namespace {

bool textExceedsDepth(std::string_view text, int maxDepth) {
    int depth = 0;
    bool inString = false;
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"')
            inString = true;
        else if (c == '[' || c == '{') {
            if (++depth > maxDepth) return true;
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return false;
}

} // namespace

ParseError parseJsonText(std::string_view text, size_t maxBytes, nlohmann::json& out) {
    if (text.size() > maxBytes) return ParseError::TooLarge;
    if (textExceedsDepth(text, kMaxJsonDepth)) return ParseError::Malformed;
    try {
        out = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
    } catch (...) {
        return ParseError::Malformed;
    }
    if (out.is_discarded()) return ParseError::Malformed;
    return ParseError::None;
}

bool exceedsDepth(const nlohmann::json& value, int maxDepth) {
    if (!value.is_structured()) return false;
    if (maxDepth <= 0) return true;
    for (const auto& child : value)
        if (exceedsDepth(child, maxDepth - 1)) return true;
    return false;
}

} // namespace motcua
