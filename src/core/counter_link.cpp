#include "core/counter_link.h"

#include <cstddef>

namespace motcua {

namespace {

constexpr std::size_t kMinSecretLength = 32;
constexpr std::size_t kMaxSecretLength = 128;

// Calls visit(key, value) for each "key=value" of an &-separated list.
template <class Visit> void forEachParam(std::string_view list, Visit visit) {
    while (!list.empty()) {
        const std::size_t amp = list.find('&');
        const std::string_view pair = list.substr(0, amp);
        const std::size_t eq = pair.find('=');
        if (eq == std::string_view::npos)
            visit(pair, std::string_view());
        else
            visit(pair.substr(0, eq), pair.substr(eq + 1));
        if (amp == std::string_view::npos) break;
        list.remove_prefix(amp + 1);
    }
}

// Digits only, 1 to 99 (the counters the server knows); anything else names no counter.
int parseCounterNumber(std::string_view text) {
    if (text.empty() || text.size() > 2) return 0;
    int n = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return 0;
        n = n * 10 + (c - '0');
    }
    return n >= 1 && n <= 99 ? n : 0;
}

} // namespace

bool isDeviceSecret(std::string_view text) {
    if (text.size() < kMinSecretLength || text.size() > kMaxSecretLength) return false;
    for (char c : text) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                        (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (!ok) return false;
    }
    return true;
}

CounterLink parseCounterLink(std::string_view url) {
    CounterLink link;
    const std::size_t hash = url.find('#');
    const std::string_view beforeFragment = url.substr(0, hash);
    link.withoutFragment = std::string(beforeFragment);
    const std::size_t question = beforeFragment.find('?');
    if (question != std::string_view::npos)
        forEachParam(beforeFragment.substr(question + 1),
                     [&](std::string_view key, std::string_view value) {
                         if (key == "mode" && value == "counter") link.counterMode = true;
                         if (key == "counter") link.counter = parseCounterNumber(value);
                     });
    if (hash == std::string_view::npos) return link;
    link.hasFragment = true;
    forEachParam(url.substr(hash + 1), [&](std::string_view key, std::string_view value) {
        if (key == "device" && isDeviceSecret(value)) link.deviceSecret = std::string(value);
    });
    return link;
}

std::string counterDeviceKey(int counter) {
    return "motcua.counter." + std::to_string(counter) + ".device";
}

} // namespace motcua
