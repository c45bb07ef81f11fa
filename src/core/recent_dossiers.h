// The dossiers this device looked up recently, newest first, stored as one JSON string in
// device storage. Kiosks must not keep this list (the app clears it when a session ends).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace motcua {

struct RecentDossier {
    std::string code;       // normalised
    std::string secret;     // may be empty (then the citizen types it again)
    int lastStatus = 0;     // last known status code; 0 when unknown
    int64_t updatedAt = 0;  // epoch seconds of the last successful refresh
    std::string cachedJson; // last good dossier JSON (see serializeDossierForCache), may be empty
};

class RecentDossiers {
  public:
    static constexpr size_t kMaxEntries = 20;
    static constexpr size_t kMaxStoredBytes = 4 * 1024 * 1024;

    // Corrupt, foreign or oversized text gives an empty list (or skips the bad entries).
    static RecentDossiers fromJson(std::string_view text);
    std::string toJson() const;

    // Puts the entry first, replacing an entry with the same code; an empty secret or cache in
    // the new entry keeps the old one. Entries beyond kMaxEntries are dropped from the end.
    // Returns false (and changes nothing) when the code is not a valid dossier code.
    bool add(RecentDossier entry);
    bool remove(std::string_view code);
    void clear();

    const std::vector<RecentDossier>& entries() const { return m_entries; }
    const RecentDossier* find(std::string_view code) const;
    bool empty() const { return m_entries.empty(); }
    size_t size() const { return m_entries.size(); }

  private:
    std::vector<RecentDossier> m_entries;
};

} // namespace motcua
