// Where the fonts the app fetches go: the UI's font atlas. The app fetches a Korean, Chinese or
// Japanese font when that language is chosen; the UI (which implements this) draws with it.
#pragma once

#include <cstddef>

namespace motcua {

class FontSink {
  public:
    virtual ~FontSink() = default;
    // The regular CJK face (OpenType bytes); false if it cannot be read.
    virtual bool addCjkFont(const unsigned char* data, std::size_t size) = 0;
    // Its bold face, fetched after it; false if it cannot be read.
    virtual bool addCjkBoldFont(const unsigned char* data, std::size_t size) = 0;
};

} // namespace motcua
