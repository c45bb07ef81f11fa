// Collects the accessibility items of a frame and remembers mirror activations.
#include "ui/a11y.h"

#include <nlohmann/json.hpp>

namespace motcua::a11y {
namespace {
std::vector<Item> g_items;
std::string g_lastJson;
uint32_t g_pendingActivation = 0;
int g_pendingAge = 0;
} // namespace

void beginFrame() {
    g_items.clear();
    // An activation nobody claimed within a few frames is dropped so it cannot fire later.
    if (g_pendingActivation != 0 && ++g_pendingAge > 3) g_pendingActivation = 0;
}

void add(Item item) { g_items.push_back(std::move(item)); }

const std::vector<Item>& items() { return g_items; }

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
        arr.push_back(std::move(j));
    }
    std::string out = arr.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    if (out == g_lastJson) return false;
    g_lastJson = out;
    json = std::move(out);
    return true;
}

void requestActivation(uint32_t id) {
    g_pendingActivation = id;
    g_pendingAge = 0;
}

bool takeActivation(uint32_t id) {
    if (id == 0 || g_pendingActivation != id) return false;
    g_pendingActivation = 0;
    return true;
}

} // namespace motcua::a11y
