// Reading and writing the app's stored lists (see stored_list.h).
#include "core/stored_list.h"

#include <utility>

#include "core/dossier_code.h"
#include "core/json_fields.h"
#include "core/json_guard.h"

namespace motcua::stored {

using nlohmann::json;

bool readItems(std::string_view text, size_t maxBytes, size_t maxItems,
               const std::function<bool(const json& item)>& keep) {
    json root;
    if (parseJsonText(text, maxBytes, root) != ParseError::None || !root.is_object()) return false;
    auto items = root.find("items");
    if (items == root.end() || !items->is_array()) return false;
    size_t kept = 0;
    for (const json& item : *items) {
        if (kept >= maxItems) break;
        if (item.is_object() && keep(item)) ++kept;
    }
    return true;
}

std::string writeItems(json items) {
    json root = {{"v", kFormatVersion}, {"items", std::move(items)}};
    // Invalid UTF-8 in a stored string is replaced rather than thrown on.
    return root.dump(-1, ' ', false, json::error_handler_t::replace);
}

DossierRef readDossierRef(const json& item) {
    DossierRef ref{normalizeCode(stringField(item, "code")), stringField(item, "secret")};
    if (!ref.secret.empty() && !isValidSecret(ref.secret)) ref.secret.clear();
    return ref;
}

} // namespace motcua::stored
