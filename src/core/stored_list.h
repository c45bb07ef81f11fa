// The device-storage format of the app's bounded lists (outbox, recent dossiers, push registry):
// {"v": 1, "items": [{...}, ...]}, read defensively so a corrupt or foreign item is skipped and a
// corrupt file reads as an empty list, never as an exception; and the dossier an item refers to.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace motcua::stored {

constexpr int kFormatVersion = 1;

// Calls keep(item) for each object in the stored list's items until maxItems were kept (keep
// returns whether it took the item). Text above maxBytes, malformed or of another shape: no call.
// Returns false when the text could not be read at all.
bool readItems(std::string_view text, size_t maxBytes, size_t maxItems,
               const std::function<bool(const nlohmann::json& item)>& keep);

// The stored text for a list of item objects.
std::string writeItems(nlohmann::json items);

// The dossier an item refers to: its "code" normalised (callers decide what an invalid one means)
// and its receipt "secret", empty when missing or not a valid secret (the citizen types it again).
struct DossierRef {
    std::string code;
    std::string secret;
};
DossierRef readDossierRef(const nlohmann::json& item);

} // namespace motcua::stored
