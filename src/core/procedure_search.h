// Search-as-you-type over the procedure catalogue: an index of folded tokens built once, then
// each keystroke matches the query against the vocabulary and scores every entry by integer
// lookups. Diacritic- and case-insensitive, typo-tolerant, filterable by field and agency.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/i18n.h"
#include "core/procedure_catalog.h"

namespace motcua {

// Best way the query matched an entry, strongest last.
enum class MatchKind : uint8_t {
    None,        // empty query: browsing, every entry that passes the filter
    Partial,     // some query tokens matched
    Typo,        // all tokens matched, at least one only within the typo distance
    AllTokens,   // all tokens matched exactly or as prefixes, not as one phrase of a name
    Prefix,      // all tokens form a phrase in a name, the last one (or more) as a word prefix
    ExactPhrase, // all tokens, exactly, as consecutive words of a name
};

struct SearchHit {
    uint32_t index = 0; // entry index (catalogue order)
    int32_t score = 0;  // higher is better; comparable within one query only
    MatchKind kind = MatchKind::None;
    uint8_t queryTokens = 0;
    uint8_t matchedTokens = 0;
    uint8_t nameTokens = 0; // tokens matched in a name, the code or a keyword (not just documents)
    uint8_t typoTokens = 0; // tokens whose best match was only a typo
    float coverage = 0;     // 0..1: how well each query token matched, weighted by where
};

// Typing a query wants prefixes ("khai s"); the ask box gets whole words and turns them off.
struct MatchOptions {
    bool prefixes = true;
    bool typos = true;
};

struct SearchFilter {
    std::string field;      // exact field name as in the catalogue; empty: any
    std::string agencyCode; // empty: any
};

// One searchable entry as raw text; the index folds it. FAQs use name (question), keywords and
// documents (answer) only.
struct SearchText {
    std::string nameVi;
    std::string nameEn;
    std::string code;
    std::string field;
    std::string agencyCode;
    std::string agencyName;
    std::vector<std::string> keywords;
    std::vector<std::string> documents;
};

// Everyday words people type for a procedure: an entry whose folded text contains `whenContains`
// also gets `keywords` ("cưới" for kết hôn, "sổ đỏ" for the land-use right certificate).
struct KeywordSynonym {
    std::string whenContains;
    std::string keywords;
};
const std::vector<KeywordSynonym>& defaultSynonyms();

struct GroupCount {
    std::string key;  // field name, or agency code
    std::string name; // field name, or agency name
    size_t count = 0;
};

class SearchIndex {
  public:
    static constexpr size_t kMaxQueryTokens = 12;
    static constexpr size_t kMaxQueryBytes = 256;

    SearchIndex() = default;
    explicit SearchIndex(const std::vector<ProcedureInfo>& catalog,
                         const std::vector<KeywordSynonym>& synonyms = defaultSynonyms());
    static SearchIndex fromTexts(const std::vector<SearchText>& entries,
                                 const std::vector<KeywordSynonym>& synonyms = {});

    // Ranked hits, best first, at most `limit`. `lang` says which name counts as the main one
    // (both are searched). An empty query lists the entries passing the filter, in order.
    std::vector<SearchHit> search(std::string_view query, Language lang, size_t limit,
                                  const SearchFilter& filter = {}) const;
    // Same on already folded tokens (the ask matcher removes question words first).
    std::vector<SearchHit> searchTokens(const std::vector<std::string_view>& tokens, Language lang,
                                        size_t limit, const SearchFilter& filter = {},
                                        const MatchOptions& options = {}) const;

    // Browsing: fields and agencies with their entry counts, largest first.
    std::vector<GroupCount> fields() const;
    std::vector<GroupCount> agencies() const;

    size_t size() const { return m_entries.size(); }
    size_t vocabularySize() const { return m_terms.size(); }

  private:
    // Terms longer than this share the last length bucket (all of them are typo candidates there).
    static constexpr size_t kMaxTermLengthBucket = 40;

    enum Slot : uint8_t { NameVi, NameEn, Code, Keyword, Field, Agency, Document, kSlotCount };

    struct Entry {
        std::array<uint32_t, kSlotCount + 1>
            bounds{}; // slot s spans m_tokens[bounds[s], bounds[s+1])
        uint16_t fieldId = 0;
        uint16_t agencyId = 0;
    };

    void add(const SearchText& text, const std::vector<KeywordSynonym>& synonyms,
             std::string& scratch);
    void appendSlot(std::string_view folded);
    void buildPostings(); // after the last add()
    uint32_t termId(std::string_view term);
    static uint16_t groupId(std::vector<GroupCount>& groups, const std::string& key,
                            const std::string& name);
    std::vector<GroupCount> sortedGroups(const std::vector<GroupCount>& groups) const;

    std::vector<std::string> m_terms; // vocabulary, id = position
    std::vector<uint32_t> m_tokens;   // all entries' token ids, slot by slot
    std::vector<Entry> m_entries;
    // Where each term occurs, built once: a keystroke then visits only the entries that hold a
    // term matching the query, not every token of the catalogue.
    struct Posting {
        uint32_t entry;
        uint8_t slot;
        uint8_t offset; // words since its segment began (capped)
    };
    std::vector<uint32_t> m_postingStart;               // per term: its first posting (+1: the end)
    std::vector<Posting> m_postings;                    // term by term, entries in catalogue order
    std::vector<std::vector<uint32_t>> m_termsByLength; // term ids by byte length (typo candidates)
    std::vector<GroupCount> m_fields;                   // by id; count filled at build
    std::vector<GroupCount> m_agencies;                 // by id
    std::unordered_map<std::string, uint32_t> m_termIds;
};

// Optimal-string-alignment Damerau–Levenshtein distance, giving up above `bound`
// (returns bound + 1 then). Exposed for tests.
int boundedEditDistance(std::string_view a, std::string_view b, int bound);

} // namespace motcua
