// Ranking a query against the index (procedure_search.cpp builds it). Matching costs one pass
// over the vocabulary (a few thousand distinct folded words even for 2,000 procedures: Vietnamese
// is written in syllables) and one pass over the postings of the matching terms, with table
// lookups, so a keystroke stays well under the 2 ms budget.
#include "core/procedure_search.h"

#include <algorithm>
#include <bit>

#include "core/vn_text.h"

namespace motcua {

namespace {

// Match quality of a query token against one vocabulary term. Prefix qualities grow with how
// much of the word was typed; typos score below any prefix.
constexpr uint8_t kExact = 20;
constexpr uint8_t kVariant = 17; // i/y spelling variants: "ki" for "ky", "li" for "ly"
constexpr uint8_t kPrefixMin = 10;
constexpr uint8_t kPrefixSpan = 6;
constexpr uint8_t kTypo1 = 8;
constexpr uint8_t kTypo2 = 5;
constexpr int kMaxSlotWeight = 10;
constexpr int kMaxTokenScore = kExact * kMaxSlotWeight;

// Ranking bonuses, on the scale of a token score (at most 200).
constexpr int kAllTokensBonus = 300;
constexpr int kAllInNameBonus = 200;
constexpr int kPhraseBonus = 240;
constexpr int kPhraseStartStep = 20; // a phrase starting later in the name gets less
constexpr int kFullNameBonus = 400;
constexpr int kExtraWordPenalty = 4; // per name word the query did not match: shorter names first
constexpr int kMaxExtraWordPenalty = 40;
constexpr int kPositionPenalty = 2; // per word before the match inside its slot
constexpr int kMaxPosition = 15;

bool iyVariant(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    bool differs = false;
    for (size_t i = 0; i < a.size(); ++i) {
        if (a[i] == b[i]) continue;
        if ((a[i] == 'i' && b[i] == 'y') || (a[i] == 'y' && b[i] == 'i'))
            differs = true;
        else
            return false;
    }
    return differs;
}

// Distance ≤ 1 (one insertion, deletion, substitution or adjacent transposition) in O(n).
bool withinOneEdit(std::string_view a, std::string_view b) {
    if (a.size() < b.size()) std::swap(a, b);
    const size_t n = b.size();
    if (a.size() - n > 1) return false;
    size_t i = 0;
    while (i < n && a[i] == b[i])
        ++i;
    if (i == n) return true; // equal, or a has one trailing extra character
    if (a.size() == n) {
        if (a.substr(i + 1) == b.substr(i + 1)) return true; // substitution
        return i + 1 < n && a[i] == b[i + 1] && a[i + 1] == b[i] &&
               a.substr(i + 2) == b.substr(i + 2);
    }
    return a.substr(i + 1) == b.substr(i); // deletion from a
}

uint8_t matchQuality(std::string_view q, std::string_view t, bool prefixes) {
    if (q.size() == t.size()) {
        if (q == t) return kExact;
        if (iyVariant(q, t)) return kVariant;
    } else if (prefixes && t.size() > q.size() && t.compare(0, q.size(), q) == 0) {
        return static_cast<uint8_t>(kPrefixMin + kPrefixSpan * q.size() / t.size());
    }
    return 0;
}

// Vietnamese syllables are short and dense ("sinh", "kinh", "tinh" are one edit apart), so typo
// matching is only tried for query tokens that are not themselves words of the catalogue.
uint8_t typoQuality(std::string_view q, std::string_view t) {
    const size_t shorter = std::min(q.size(), t.size());
    const size_t longer = std::max(q.size(), t.size());
    if (shorter < 3 || longer < 4) return 0; // "ky" must not match "kyo" as a typo
    const int allowed = longer >= 8 ? 2 : 1;
    if (longer - shorter > static_cast<size_t>(allowed)) return 0;
    if (withinOneEdit(q, t)) return kTypo1;
    if (allowed == 2 && boundedEditDistance(q, t, 2) <= 2) return kTypo2;
    return 0;
}

} // namespace

int boundedEditDistance(std::string_view a, std::string_view b, int bound) {
    constexpr size_t kMaxLen = 32;
    const int over = bound + 1;
    const size_t n = a.size(), m = b.size();
    if (static_cast<int>(n > m ? n - m : m - n) > bound) return over;
    if (n > kMaxLen || m > kMaxLen) return a == b ? 0 : over;
    int rows[3][kMaxLen + 1];
    int* prev2 = rows[0];
    int* prev = rows[1];
    int* cur = rows[2];
    for (size_t j = 0; j <= m; ++j)
        prev[j] = static_cast<int>(j);
    for (size_t i = 1; i <= n; ++i) {
        cur[0] = static_cast<int>(i);
        int rowMin = cur[0];
        for (size_t j = 1; j <= m; ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            int v = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                v = std::min(v, prev2[j - 2] + 1);
            cur[j] = v;
            rowMin = std::min(rowMin, v);
        }
        if (rowMin > bound) return over;
        int* spare = prev2;
        prev2 = prev;
        prev = cur;
        cur = spare;
    }
    return std::min(prev[m], over);
}

std::vector<SearchHit> SearchIndex::search(std::string_view query, Language lang, size_t limit,
                                           const SearchFilter& filter) const {
    if (query.size() > kMaxQueryBytes)
        query = query.substr(0, kMaxQueryBytes); // a cut code point folds to a space
    const std::string folded = foldText(query);
    std::vector<std::string_view> tokens;
    splitTokens(folded, tokens);
    return searchTokens(tokens, lang, limit, filter);
}

std::vector<SearchHit> SearchIndex::searchTokens(const std::vector<std::string_view>& tokens,
                                                 Language lang, size_t limit,
                                                 const SearchFilter& filter,
                                                 const MatchOptions& options) const {
    std::vector<SearchHit> hits;
    if (limit == 0) return hits;
    constexpr int kAny = -1;
    auto resolve = [](const std::vector<GroupCount>& groups, const std::string& key) {
        if (key.empty()) return kAny;
        for (size_t i = 0; i < groups.size(); ++i)
            if (groups[i].key == key) return static_cast<int>(i);
        return -2; // unknown: nothing passes
    };
    const int fieldFilter = resolve(m_fields, filter.field);
    const int agencyFilter = resolve(m_agencies, filter.agencyCode);
    if (fieldFilter == -2 || agencyFilter == -2) return hits;
    auto passes = [&](const Entry& e) {
        return (fieldFilter == kAny || e.fieldId == fieldFilter) &&
               (agencyFilter == kAny || e.agencyId == agencyFilter);
    };

    const size_t n = std::min(tokens.size(), kMaxQueryTokens);
    if (n == 0) {
        for (uint32_t i = 0; i < m_entries.size() && hits.size() < limit; ++i)
            if (passes(m_entries[i])) {
                SearchHit hit;
                hit.index = i;
                hits.push_back(hit);
            }
        return hits;
    }

    // 1. The query against the vocabulary: which query tokens each term matches, and how well.
    const size_t vocab = m_terms.size();
    std::vector<uint16_t> termMask(vocab, 0);
    std::vector<uint8_t> quality(n * vocab, 0);
    std::array<bool, kMaxQueryTokens> known{};
    for (size_t t = 0; t < vocab; ++t) {
        const std::string_view term = m_terms[t];
        for (size_t q = 0; q < n; ++q) {
            if (const uint8_t ql = matchQuality(tokens[q], term, options.prefixes)) {
                quality[q * vocab + t] = ql;
                termMask[t] |= static_cast<uint16_t>(1u << q);
                known[q] = known[q] || ql == kExact;
            }
        }
    }
    for (size_t q = 0; q < n; ++q) {
        if (known[q] || !options.typos) continue;
        // A typo is at most two edits: only terms within two bytes of the token's length.
        const size_t len = tokens[q].size();
        const size_t from = std::min(len > 2 ? len - 2 : 0, kMaxTermLengthBucket);
        const size_t to = std::min(len + 2, kMaxTermLengthBucket);
        for (size_t bucket = from; bucket <= to && bucket < m_termsByLength.size(); ++bucket) {
            for (const uint32_t t : m_termsByLength[bucket]) {
                if (quality[q * vocab + t]) continue;
                if (const uint8_t ql = typoQuality(tokens[q], m_terms[t])) {
                    quality[q * vocab + t] = ql;
                    termMask[t] |= static_cast<uint16_t>(1u << q);
                }
            }
        }
    }

    std::array<int, kSlotCount> weight{kMaxSlotWeight, kMaxSlotWeight, 9, 8, 4, 3, 2};
    (contentLanguage(lang) == Language::En ? weight[NameVi] : weight[NameEn]) =
        7; // the other language's name
    const Slot primary = contentLanguage(lang) == Language::En ? NameEn : NameVi;
    const Slot secondary = primary == NameVi ? NameEn : NameVi;
    const uint16_t allMask = static_cast<uint16_t>((1u << n) - 1);

    // 2. The entries holding a matching term, through the terms' postings; each entry's best
    // occurrence per query token. Positions are visited in catalogue order within a term.
    struct Best {
        std::array<int, kMaxQueryTokens> score{};
        std::array<uint8_t, kMaxQueryTokens> quality{};
        uint16_t matched = 0, inName = 0;
    };
    const bool filtering = fieldFilter != kAny || agencyFilter != kAny;
    std::vector<int32_t> bestOf(m_entries.size(), -1);
    std::vector<Best> bests;
    std::vector<uint32_t> touched;
    for (size_t t = 0; t < vocab; ++t) {
        const uint32_t termBits = termMask[t];
        if (!termBits) continue;
        for (uint32_t k = m_postingStart[t]; k < m_postingStart[t + 1]; ++k) {
            const Posting& post = m_postings[k];
            const uint32_t ei = post.entry;
            if (filtering && !passes(m_entries[ei])) continue;
            if (bestOf[ei] < 0) {
                bestOf[ei] = static_cast<int32_t>(bests.size());
                bests.emplace_back();
                touched.push_back(ei);
            }
            Best& b = bests[static_cast<size_t>(bestOf[ei])];
            const int s = post.slot;
            const int penalty = kPositionPenalty * std::min<int>(post.offset, kMaxPosition);
            b.matched |= static_cast<uint16_t>(termBits);
            if (s <= Keyword) b.inName |= static_cast<uint16_t>(termBits);
            uint32_t mask = termBits;
            while (mask) {
                const int q = std::countr_zero(mask);
                mask &= mask - 1;
                const uint8_t ql = quality[q * vocab + t];
                const int sc = std::max(1, ql * weight[s] - penalty);
                if (sc > b.score[q] || (sc == b.score[q] && ql > b.quality[q]))
                    b.score[q] = sc, b.quality[q] = ql;
            }
        }
    }
    hits.reserve(std::min<size_t>(touched.size(), 256));
    for (const uint32_t ei : touched) {
        const Entry& e = m_entries[ei];
        const Best& found = bests[static_cast<size_t>(bestOf[ei])];
        const auto& best = found.score;
        const auto& bestQuality = found.quality;
        const uint16_t matched = found.matched, inName = found.inName;

        SearchHit hit;
        hit.index = ei;
        hit.queryTokens = static_cast<uint8_t>(n);
        hit.matchedTokens = static_cast<uint8_t>(std::popcount(matched));
        hit.nameTokens = static_cast<uint8_t>(std::popcount(inName));
        int score = 0;
        float coverage = 0;
        for (size_t q = 0; q < n; ++q) {
            score += best[q];
            coverage += static_cast<float>(std::min(best[q], kMaxTokenScore)) / kMaxTokenScore;
            if (best[q] && bestQuality[q] < kPrefixMin) ++hit.typoTokens;
        }
        const bool anyTypo = hit.typoTokens > 0;
        hit.coverage = coverage / static_cast<float>(n);

        if (matched != allMask) {
            hit.kind = MatchKind::Partial;
            score = score * hit.matchedTokens / static_cast<int>(n);
        } else {
            score += kAllTokensBonus;
            hit.kind = anyTypo ? MatchKind::Typo : MatchKind::AllTokens;
            if (inName == allMask) {
                score += kAllInNameBonus;
                // The query as consecutive words of a name: the earliest occurrence counts.
                int phraseBonus = 0;
                MatchKind phraseKind = MatchKind::None;
                for (Slot s : {primary, secondary}) {
                    const uint32_t begin = e.bounds[s], len = e.bounds[s + 1] - begin;
                    for (uint32_t start = 0; start + n <= len; ++start) {
                        bool run = true, exact = true, typo = false;
                        for (size_t k = 0; k < n && run; ++k) {
                            const uint32_t t = m_tokens[begin + start + k];
                            run = (termMask[t] >> k) & 1u;
                            if (run) {
                                const uint8_t ql = quality[k * vocab + t];
                                exact = exact && ql >= kVariant;
                                typo = typo || ql < kPrefixMin;
                            }
                        }
                        if (!run) continue;
                        int bonus =
                            kPhraseBonus -
                            kPhraseStartStep * static_cast<int>(std::min<uint32_t>(start, 6));
                        if (exact && len == n) bonus += kFullNameBonus;
                        if (s == secondary) bonus = bonus * 4 / 5;
                        if (bonus > phraseBonus) {
                            phraseBonus = bonus;
                            phraseKind = typo    ? MatchKind::Typo
                                         : exact ? MatchKind::ExactPhrase
                                                 : MatchKind::Prefix;
                        }
                        break;
                    }
                }
                score += phraseBonus;
                if (phraseKind != MatchKind::None) hit.kind = phraseKind;
                const Slot named = e.bounds[primary + 1] > e.bounds[primary] ? primary : secondary;
                const int extraWords =
                    static_cast<int>(e.bounds[named + 1] - e.bounds[named]) - static_cast<int>(n);
                if (extraWords > 0)
                    score -= std::min(kMaxExtraWordPenalty, kExtraWordPenalty * extraWords);
            }
        }
        hit.score = score;
        hits.push_back(hit);
    }

    const auto better = [](const SearchHit& a, const SearchHit& b) {
        return a.score != b.score ? a.score > b.score : a.index < b.index;
    };
    if (hits.size() > limit) {
        std::partial_sort(hits.begin(), hits.begin() + static_cast<std::ptrdiff_t>(limit),
                          hits.end(), better);
        hits.resize(limit);
    } else {
        std::sort(hits.begin(), hits.end(), better);
    }
    return hits;
}

} // namespace motcua
