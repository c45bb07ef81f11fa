// Collects the accessibility items of a frame and remembers mirror activations.
#include "ui/a11y.h"

#include <nlohmann/json.hpp>

namespace motcua::a11y {
namespace {
std::vector<Item> g_items;
std::string g_lastJson;
// Activations wait in order (a screen reader or a test may press several before a frame runs).
struct Pending {
    uint32_t id;
    int age;
};
std::vector<Pending> g_pending;
uint32_t g_focused = 0;
bool g_focusMoved = false;
bool g_reducedMotion = false;
int g_backAge = -1; // frames a back request has waited; -1 none
} // namespace

void beginFrame() {
    g_items.clear();
    // One activation per frame, in the order they came (keys pressed on the kiosk keyboard must
    // arrive in order); one nobody claims within a few frames is dropped so it cannot fire later.
    if (!g_pending.empty() && ++g_pending.front().age > 4) g_pending.erase(g_pending.begin());
    if (g_backAge >= 0 && ++g_backAge > 4) g_backAge = -1;
}

void add(Item item) {
    g_items.push_back(std::move(item));
}

void markLastUrgent() {
    if (!g_items.empty()) g_items.back().urgent = true;
}

void markLastRegion(const std::string& label) {
    if (g_items.empty()) return;
    Item& item = g_items.back();
    item.group = "region:" + label;
    item.region = true;
    item.groupLabel = label;
}

const std::vector<Item>& items() {
    return g_items;
}

bool endFrame(std::string& json) {
    nlohmann::json arr = nlohmann::json::array();
    for (const Item& it : g_items) {
        nlohmann::json j = {{"id", it.id},
                            {"role", it.role},
                            {"name", it.name},
                            {"x", static_cast<int>(it.x)},
                            {"y", static_cast<int>(it.y)},
                            {"w", static_cast<int>(it.w)},
                            {"h", static_cast<int>(it.h)}};
        if (!it.value.empty()) j["value"] = it.value;
        if (it.level) j["level"] = it.level;
        if (it.disabled) j["disabled"] = true;
        if (it.checked >= 0) j["checked"] = it.checked == 1;
        if (!it.group.empty()) j["group"] = it.group;
        if (it.urgent) j["urgent"] = true;
        if (it.region) j["group_role"] = "region";
        if (!it.groupLabel.empty()) j["group_label"] = it.groupLabel;
        arr.push_back(std::move(j));
    }
    std::string out = arr.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    if (out == g_lastJson) return false;
    g_lastJson = out;
    json = std::move(out);
    return true;
}

void requestActivation(uint32_t id) {
    g_pending.push_back({id, 0});
}

bool takeActivation(uint32_t id) {
    if (id == 0 || g_pending.empty() || g_pending.front().id != id) return false;
    g_pending.erase(g_pending.begin());
    return true;
}

bool hasPendingActivation() {
    return !g_pending.empty();
}

namespace {
bool g_followUp = false;
}

void requestFollowUpFrame() {
    g_followUp = true;
}

bool takeFollowUpFrame() {
    const bool wanted = g_followUp;
    g_followUp = false;
    return wanted;
}

void setFocus(uint32_t id, bool reducedMotion) {
    g_focusMoved = id != 0 && (id != g_focused || g_focusMoved);
    g_focused = id;
    g_reducedMotion = reducedMotion;
}

uint32_t focusedId() {
    return g_focused;
}

bool reducedMotion() {
    return g_reducedMotion;
}

bool focusPending() {
    return g_focusMoved;
}

void focusShown() {
    g_focusMoved = false;
}

void requestBack() {
    g_backAge = 0;
}

bool takeBack() {
    if (g_backAge < 0) return false;
    g_backAge = -1;
    return true;
}

} // namespace motcua::a11y
