// The device-storage format of the app's bounded lists (the outbox, the recent dossiers):
// {"v": 1, "items": [{...}, ...]}, read defensively so a corrupt or foreign item is skipped and a
// corrupt file reads as an empty list, never as an exception.
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

} // namespace motcua::stored
