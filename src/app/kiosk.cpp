// Kiosk sessions: the mode from the start URL and the idle countdown before a wipe.
#include <algorithm>
#include <cstdlib>
#include <string>

#include "app/kiosk.h"
#include "platform/host.h"

namespace motcua {

namespace {
// A query parameter's value in a path like "/?mode=kiosk&idle=60" (empty when absent).
std::string queryValue(const std::string& url, const std::string& name) {
    const auto q = url.find('?');
    if (q == std::string::npos) return {};
    size_t pos = q + 1;
    while (pos < url.size()) {
        const size_t end = url.find_first_of("&#", pos);
        const std::string pair =
            url.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
        const auto eq = pair.find('=');
        if (pair.substr(0, eq) == name) return eq == std::string::npos ? "" : pair.substr(eq + 1);
        if (end == std::string::npos || url[end] == '#') break;
        pos = end + 1;
    }
    return {};
}
} // namespace

bool Kiosk::configure(const std::string& startUrl) {
    const std::string mode = queryValue(startUrl, "mode");
    if (mode != "kiosk") return false;
    m_state.kiosk = true;
    const int idle = std::atoi(queryValue(startUrl, "idle").c_str());
    if (idle > 0) m_idleSeconds = std::max(idle, 5);
    // The question waits at least 20 s: someone reading a long page must have time to answer.
    const int countdown = std::atoi(queryValue(startUrl, "countdown").c_str());
    if (countdown > 0) m_countdownSeconds = std::max(countdown, kMinCountdownSeconds);
    host::setKioskMode(true);
    host::noteActivity(host::nowMs());
    return true;
}

bool Kiosk::hasCitizenData() const {
    return m_state.screen != Screen::Home || !m_state.recents.empty() ||
           !m_state.lookup.code.empty() || !m_state.lookup.secret.empty() ||
           m_state.language != Language::Vi || !m_state.view.code.empty();
}

void Kiosk::restart() {
    m_state.kioskIdle = KioskIdle{};
    host::setUrl("/?mode=kiosk");
    m_state.page.scrollTop();
    host::noteActivity(host::nowMs());
}

bool Kiosk::tick() {
    KioskIdle& idle = m_state.kioskIdle;
    if (!m_state.kiosk || !hasCitizenData()) {
        idle = KioskIdle{};
        return false;
    }
    const double now = host::nowMs();
    double since = host::lastActivityMs();
    // Once asked, only the answer ends the question: the touch that would otherwise end it would
    // also press whatever lies under the dimmed screen.
    if (idle.asking) since = std::min(since, m_idleSinceMs);
    const double limitMs = m_idleSeconds * 1000.0;
    if (now - since < limitMs) {
        idle = KioskIdle{};
        host::requestFrameAfter(static_cast<int>(limitMs - (now - since)) + 50);
        return false;
    }
    const int left = m_countdownSeconds - static_cast<int>((now - since - limitMs) / 1000.0);
    if (left <= 0) return true;
    host::requestFrameAfter(1000);
    m_idleSinceMs = since;
    idle.asking = true;
    idle.secondsLeft = left;
    return false;
}

void Kiosk::stillThere() {
    host::noteActivity(host::nowMs());
    m_state.kioskIdle = KioskIdle{};
}

} // namespace motcua
