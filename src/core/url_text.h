// Text in URLs: percent-decoding and -encoding, and making decoded bytes safe text (valid UTF-8,
// no control characters), shared by receipt links and the app's routes.
#pragma once

#include <string>
#include <string_view>

namespace motcua {

// "%41" → "A"; a '%' not followed by two hex digits stays as it is; '+' is a space in query
// strings only (plusIsSpace).
std::string percentDecode(std::string_view s, bool plusIsSpace);
// Every byte but the unreserved ones (A–Z a–z 0–9 - . _ ~) as %XX: safe in a path segment and in
// a query value.
std::string percentEncode(std::string_view s);
// Invalid UTF-8 → U+FFFD (one per maximal invalid subpart, as Python's "replace" does), control
// characters (C0, DEL) → spaces.
std::string safeUtf8(std::string_view s);

} // namespace motcua
