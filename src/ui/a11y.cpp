// Collects the accessibility items of a frame and remembers mirror activations.
#include "ui/a11y.h"

#include "ui/context.h"

#include <nlohmann/json.hpp>

namespace motcua::a11y {
namespace {
Mirror& mirror() {
    return ui::context().mirror;
}
} // namespace

void beginFrame() {
    mirror().items.clear();
    // One activation per frame, in the order they came (keys pressed on the kiosk keyboard must
    // arrive in order); one nobody claims within a few frames is dropped so it cannot fire later.
    if (!mirror().pending.empty() && ++mirror().pending.front().age > 4)
        mirror().pending.erase(mirror().pending.begin());
    if (mirror().backAge >= 0 && ++mirror().backAge > 4) mirror().backAge = -1;
}

void add(Item item) {
    mirror().items.push_back(std::move(item));
}

void markLastUrgent() {
    if (!mirror().items.empty()) mirror().items.back().urgent = true;
}

void markLastRegion(const std::string& label) {
    if (mirror().items.empty()) return;
    Item& item = mirror().items.back();
    item.group = "region:" + label;
    item.region = true;
    item.groupLabel = label;
}

const std::vector<Item>& items() {
    return mirror().items;
}

bool endFrame(std::string& json) {
    nlohmann::json arr = nlohmann::json::array();
    for (const Item& it : mirror().items) {
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
    if (out == mirror().lastJson) return false;
    mirror().lastJson = out;
    json = std::move(out);
    return true;
}

void requestActivation(uint32_t id) {
    mirror().pending.push_back({id, 0});
}

bool takeActivation(uint32_t id) {
    if (id == 0 || mirror().pending.empty() || mirror().pending.front().id != id) return false;
    mirror().pending.erase(mirror().pending.begin());
    return true;
}

bool hasPendingActivation() {
    return !mirror().pending.empty();
}

void requestFollowUpFrame() {
    mirror().followUp = true;
}

bool takeFollowUpFrame() {
    const bool wanted = mirror().followUp;
    mirror().followUp = false;
    return wanted;
}

void setFocus(uint32_t id, bool reducedMotion) {
    mirror().focusMoved = id != 0 && (id != mirror().focused || mirror().focusMoved);
    mirror().focused = id;
    mirror().reducedMotion = reducedMotion;
}

uint32_t focusedId() {
    return mirror().focused;
}

bool reducedMotion() {
    return mirror().reducedMotion;
}

bool focusPending() {
    return mirror().focusMoved;
}

void focusShown() {
    mirror().focusMoved = false;
}

void requestBack() {
    mirror().backAge = 0;
}

bool takeBack() {
    if (mirror().backAge < 0) return false;
    mirror().backAge = -1;
    return true;
}

} // namespace motcua::a11y
