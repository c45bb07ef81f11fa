// Building the search index: every entry's text folded into token ids slot by slot, then the
// postings (where each term occurs) that a query visits instead of every token of the catalogue.
// Ranking a query is in procedure_ranking.cpp.
#include "core/procedure_search.h"

#include <algorithm>

#include "core/vn_text.h"

namespace motcua {

namespace {

constexpr uint32_t kBreak = UINT32_MAX; // separates documents (and keywords) inside one slot

bool containsPhrase(std::string_view text, std::string_view phrase) {
    if (phrase.empty()) return false;
    for (size_t at = text.find(phrase); at != std::string_view::npos;
         at = text.find(phrase, at + 1)) {
        const bool startOk = at == 0 || text[at - 1] == ' ';
        const size_t end = at + phrase.size();
        if (startOk && (end == text.size() || text[end] == ' ')) return true;
    }
    return false;
}

std::vector<KeywordSynonym> foldSynonyms(const std::vector<KeywordSynonym>& synonyms) {
    std::vector<KeywordSynonym> folded;
    folded.reserve(synonyms.size());
    for (const KeywordSynonym& s : synonyms)
        folded.push_back({foldText(s.whenContains), s.keywords});
    return folded;
}

} // namespace

const std::vector<KeywordSynonym>& defaultSynonyms() {
    // What people say at the counter, folded on use. Kept short: each adds words to every entry
    // containing the phrase, so a broad phrase would blur the ranking.
    static const std::vector<KeywordSynonym> kSynonyms = {
        {"khai sinh", "giấy khai sinh làm khai sinh birth certificate"},
        {"kết hôn", "cưới đăng ký cưới giấy đăng ký kết hôn wedding marry"},
        {"khai tử", "chết báo tử giấy chứng tử death certificate"},
        {"giấy phép xây dựng", "xây nhà sửa nhà cấp phép xây building permit"},
        {"giấy chứng nhận quyền sử dụng đất", "sổ đỏ sổ hồng bìa đỏ land title red book"},
        {"chứng thực", "công chứng sao y photo công chứng notarise"},
        {"doanh nghiệp", "mở công ty thành lập công ty company"},
        {"hộ kinh doanh", "mở cửa hàng kinh doanh buôn bán shop"},
        {"tình trạng hôn nhân", "độc thân giấy xác nhận độc thân single status"},
        {"thường trú", "hộ khẩu nhập hộ khẩu"},
        {"căn cước", "cccd chứng minh nhân dân cmnd id card"},
    };
    return kSynonyms;
}

SearchIndex::SearchIndex(const std::vector<ProcedureInfo>& catalog,
                         const std::vector<KeywordSynonym>& synonyms) {
    const std::vector<KeywordSynonym> folded = foldSynonyms(synonyms);
    m_entries.reserve(catalog.size());
    std::string scratch;
    SearchText text;
    for (const ProcedureInfo& p : catalog) {
        text.nameVi =
            !p.name.vi.empty() ? p.name.vi : (p.name.en.empty() ? p.name.name : std::string());
        text.nameEn = !p.name.en.empty() ? p.name.en : std::string();
        if (text.nameVi.empty() && text.nameEn.empty()) text.nameVi = p.name.name;
        text.code = p.code;
        text.field = p.field;
        text.agencyCode = p.agency.code;
        text.agencyName = p.agency.name.name;
        text.keywords = p.keywords;
        text.documents.clear();
        for (const ProcedureDocument& d : p.documents)
            text.documents.push_back(d.name);
        add(text, folded, scratch);
    }
    buildPostings();
}

SearchIndex SearchIndex::fromTexts(const std::vector<SearchText>& entries,
                                   const std::vector<KeywordSynonym>& synonyms) {
    SearchIndex index;
    const std::vector<KeywordSynonym> folded = foldSynonyms(synonyms);
    std::string scratch;
    for (const SearchText& t : entries)
        index.add(t, folded, scratch);
    index.buildPostings();
    return index;
}

void SearchIndex::buildPostings() {
    m_termIds = {}; // only needed while adding entries
    const size_t positions = m_tokens.size();
    // Per position of m_tokens: its entry, slot and offset, for building the postings.
    std::vector<Posting> at(positions, Posting{0, 0, 0});
    for (uint32_t ei = 0; ei < m_entries.size(); ++ei) {
        const Entry& e = m_entries[ei];
        for (int s = 0; s < kSlotCount; ++s) {
            uint32_t segment = e.bounds[s];
            for (uint32_t p = e.bounds[s]; p < e.bounds[s + 1]; ++p) {
                at[p].entry = ei;
                at[p].slot = static_cast<uint8_t>(s);
                if (m_tokens[p] == kBreak) {
                    segment = p + 1;
                    continue;
                }
                at[p].offset = static_cast<uint8_t>(std::min<uint32_t>(p - segment, 255));
            }
        }
    }
    // One posting per term, entry and slot: the occurrence nearest its segment's start, the only
    // one that can score best there (same term, same slot weight, the smallest position penalty).
    std::vector<std::vector<Posting>> byTerm(m_terms.size());
    for (uint32_t p = 0; p < positions; ++p) {
        const uint32_t t = m_tokens[p];
        if (t == kBreak) continue;
        std::vector<Posting>& list = byTerm[t];
        if (!list.empty() && list.back().entry == at[p].entry && list.back().slot == at[p].slot) {
            if (at[p].offset < list.back().offset) list.back() = at[p];
            continue;
        }
        list.push_back(at[p]);
    }
    m_postingStart.assign(m_terms.size() + 1, 0);
    for (size_t t = 0; t < m_terms.size(); ++t)
        m_postingStart[t + 1] = m_postingStart[t] + static_cast<uint32_t>(byTerm[t].size());
    m_postings.clear();
    m_postings.reserve(m_postingStart.back());
    for (const std::vector<Posting>& list : byTerm)
        m_postings.insert(m_postings.end(), list.begin(), list.end());
    m_termsByLength.assign(kMaxTermLengthBucket + 1, {});
    for (uint32_t t = 0; t < m_terms.size(); ++t)
        m_termsByLength[std::min(m_terms[t].size(), kMaxTermLengthBucket)].push_back(t);
}

uint32_t SearchIndex::termId(std::string_view term) {
    auto [it, inserted] =
        m_termIds.try_emplace(std::string(term), static_cast<uint32_t>(m_terms.size()));
    if (inserted) m_terms.emplace_back(term);
    return it->second;
}

void SearchIndex::appendSlot(std::string_view folded) {
    size_t start = 0;
    while (start < folded.size()) {
        size_t end = folded.find(' ', start);
        if (end == std::string_view::npos) end = folded.size();
        if (end > start) m_tokens.push_back(termId(folded.substr(start, end - start)));
        start = end + 1;
    }
}

uint16_t SearchIndex::groupId(std::vector<GroupCount>& groups, const std::string& key,
                              const std::string& name) {
    for (size_t i = 0; i < groups.size(); ++i) {
        if (groups[i].key == key) {
            ++groups[i].count;
            return static_cast<uint16_t>(i);
        }
    }
    groups.push_back({key, name, 1});
    return static_cast<uint16_t>(groups.size() - 1);
}

void SearchIndex::add(const SearchText& text, const std::vector<KeywordSynonym>& foldedSynonyms,
                      std::string& scratch) {
    Entry e;
    auto slot = [&](Slot s, std::string_view raw) {
        e.bounds[s] = static_cast<uint32_t>(m_tokens.size());
        foldTextInto(raw, scratch);
        appendSlot(scratch);
    };
    auto list = [&](Slot s, const std::vector<std::string>& items, const std::string* extra) {
        e.bounds[s] = static_cast<uint32_t>(m_tokens.size());
        for (const std::string& item : items) {
            foldTextInto(item, scratch);
            if (scratch.empty()) continue;
            if (m_tokens.size() > e.bounds[s]) m_tokens.push_back(kBreak);
            appendSlot(scratch);
        }
        if (extra && !extra->empty()) {
            if (m_tokens.size() > e.bounds[s]) m_tokens.push_back(kBreak);
            appendSlot(*extra);
        }
    };
    slot(NameVi, text.nameVi);
    const std::string foldedVi = scratch;
    slot(NameEn, text.nameEn);
    const std::string foldedEn = scratch;
    slot(Code, text.code);
    // Synonyms apply to what the names say, so a document mentioning "khai sinh" adds nothing.
    std::string extra;
    for (const KeywordSynonym& s : foldedSynonyms) {
        if (containsPhrase(foldedVi, s.whenContains) || containsPhrase(foldedEn, s.whenContains)) {
            if (!extra.empty()) extra.push_back(' ');
            extra += foldText(s.keywords);
        }
    }
    list(Keyword, text.keywords, &extra);
    slot(Field, text.field);
    slot(Agency, text.agencyName);
    list(Document, text.documents, nullptr);
    e.bounds[kSlotCount] = static_cast<uint32_t>(m_tokens.size());
    e.fieldId = groupId(m_fields, text.field, text.field);
    e.agencyId = groupId(m_agencies, text.agencyCode, text.agencyName);
    m_entries.push_back(e);
}

std::vector<GroupCount> SearchIndex::sortedGroups(const std::vector<GroupCount>& groups) const {
    std::vector<GroupCount> out;
    for (const GroupCount& g : groups)
        if (!g.key.empty()) out.push_back(g);
    std::stable_sort(out.begin(), out.end(),
                     [](const GroupCount& a, const GroupCount& b) { return a.count > b.count; });
    return out;
}

std::vector<GroupCount> SearchIndex::fields() const {
    return sortedGroups(m_fields);
}
std::vector<GroupCount> SearchIndex::agencies() const {
    return sortedGroups(m_agencies);
}

} // namespace motcua
