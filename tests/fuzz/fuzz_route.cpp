// libFuzzer target: whatever address a link, a bookmark or a hand-typed URL holds, the route table
// must not crash, and a parsed route's own URL must parse to the same route.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/route.h"

using namespace motcua;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    // The input as a whole URL, and split at its first newline into a path and a query.
    const size_t nl = text.find('\n');
    const Route routes[] = {
        parseUrl(text),
        parseRoute(text.substr(0, nl), nl == std::string_view::npos ? "" : text.substr(nl + 1)),
    };
    for (const Route& r : routes) {
        const std::string url = formatRoute(r);
        if (url.empty() || url[0] != '/' || url.find('#') != std::string::npos) __builtin_trap();
        for (char c : url)
            if (static_cast<unsigned char>(c) <= 0x20 || static_cast<unsigned char>(c) >= 0x7F)
                __builtin_trap(); // formatted URLs are plain ASCII, percent-encoded
        if (!(parseUrl(url) == r)) __builtin_trap();
        if (r.screen == Screen::NotFound &&
            (!r.code.empty() || !r.procedure.empty() || !r.placeKind.empty() || r.id != 0))
            __builtin_trap();
    }
    return 0;
}
