// Question analysis is phrase-based on folded text: "bao lâu" (how long) and "bao nhiêu tiền"
// (how much) share "bao", so single stop words alone would lose what is being asked.
#include "core/ask_matcher.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/json_guard.h"
#include "core/vn_text.h"

namespace motcua {

using nlohmann::json;

namespace {

constexpr size_t kMaxFaqJsonBytes = 1024 * 1024;
constexpr size_t kMaxQuestionBytes = 1000;
// An FAQ must beat the procedure by this much to be the answer: procedure facts are exact.
constexpr float kFaqMargin = 0.05f;
constexpr float kPhraseConfidenceBonus = 0.1f;
constexpr float kTypoDiscount = 0.2f;
// Questions are whole words: "gia" (price) must not match "giấy" as a prefix.
constexpr MatchOptions kWholeWords{false, true};

struct Phrase {
    const char* folded;
    uint8_t facet; // 0: a question word that only goes away
};

constexpr uint8_t kDocs = static_cast<uint8_t>(AskFacet::Documents);
constexpr uint8_t kTime = static_cast<uint8_t>(AskFacet::Time);
constexpr uint8_t kFee = static_cast<uint8_t>(AskFacet::Fee);
constexpr uint8_t kPlace = static_cast<uint8_t>(AskFacet::Place);
constexpr uint8_t kOnline = static_cast<uint8_t>(AskFacet::Online);

// Multi-word phrases first (longest wins), then single words. Folded, so "đang" and "đăng"
// are the same "dang": that is why "dang" is not a stop word.
const Phrase kPhrases[] = {
    {"bao nhieu tien", kFee},
    {"bao nhieu ngay", kTime},
    {"how many days", kTime},
    {"thanh phan ho so", kDocs},
    {"can nhung gi", kDocs},
    {"nop o dau", kPlace},
    {"lam o dau", kPlace},
    {"co quan nao", kPlace},
    {"dich vu cong", kOnline},
    {"nhu the nao", 0},
    {"lam the nao", 0},
    {"how do i", 0},
    {"giay to", kDocs},
    {"ho so gom", kDocs},
    {"can mang", kDocs},
    {"mang theo", kDocs},
    {"chuan bi", kDocs},
    {"bao lau", kTime},
    {"may ngay", kTime},
    {"thoi gian", kTime},
    {"thoi han", kTime},
    {"khi nao", kTime},
    {"bao gio", kTime},
    {"how long", kTime},
    {"le phi", kFee},
    {"chi phi", kFee},
    {"mat phi", kFee},
    {"mat tien", kFee},
    {"how much", kFee},
    {"o dau", kPlace},
    {"noi nao", kPlace},
    {"cho nao", kPlace},
    {"dia chi", kPlace},
    {"which office", kPlace},
    {"truc tuyen", kOnline},
    {"qua mang", kOnline},
    {"tren mang", kOnline},
    {"the nao", 0},
    {"lam sao", 0},
    {"bao nhieu", 0},
    {"hom nay", 0},
    {"thu tuc", 0},
    {"ho so", 0},
    {"how to", 0},
    {"documents", kDocs},
    {"document", kDocs},
    {"papers", kDocs},
    {"paperwork", kDocs},
    {"bring", kDocs},
    {"when", kTime},
    {"days", kTime},
    {"phi", kFee},
    {"tien", kFee},
    {"fee", kFee},
    {"fees", kFee},
    {"cost", kFee},
    {"price", kFee},
    {"pay", kFee},
    {"where", kPlace},
    {"address", kPlace},
    {"online", kOnline},
    {"internet", kOnline},
    // Vietnamese question and filler words.
    {"toi", 0},
    {"minh", 0},
    {"em", 0},
    {"anh", 0},
    {"ong", 0},
    {"con", 0},
    {"chung", 0},
    {"muon", 0},
    {"can", 0},
    {"lam", 0},
    {"gi", 0},
    {"o", 0},
    {"cho", 0},
    {"cua", 0},
    {"co", 0},
    {"duoc", 0},
    {"khong", 0},
    {"thi", 0},
    {"la", 0},
    {"va", 0},
    {"voi", 0},
    {"de", 0},
    {"phai", 0},
    {"nhung", 0},
    {"cac", 0},
    {"mot", 0},
    {"ve", 0},
    {"nay", 0},
    {"ay", 0},
    {"a", 0},
    {"oi", 0},
    {"xin", 0},
    {"hoi", 0},
    {"giup", 0},
    {"vay", 0},
    {"sao", 0},
    {"khi", 0},
    {"nen", 0},
    {"hay", 0},
    {"hoac", 0},
    {"neu", 0},
    {"roi", 0},
    {"chua", 0},
    {"se", 0},
    {"da", 0},
    {"nao", 0},
    {"the", 0},
    {"ai", 0},
    {"nhieu", 0},
    {"bao", 0},
    {"lau", 0},
    {"nhe", 0},
    {"nop", 0},
    {"di", 0},
    // English.
    {"i", 0},
    {"me", 0},
    {"my", 0},
    {"want", 0},
    {"to", 0},
    {"need", 0},
    {"how", 0},
    {"does", 0},
    {"what", 0},
    {"which", 0},
    {"is", 0},
    {"are", 0},
    {"an", 0},
    {"for", 0},
    {"of", 0},
    {"in", 0},
    {"get", 0},
    {"should", 0},
    {"much", 0},
    {"long", 0},
    {"please", 0},
    {"it", 0},
    {"take", 0},
    {"does", 0},
    {"apply", 0},
    {"child", 0},
    {"you", 0},
    {"we", 0},
};

struct CompiledPhrase {
    std::vector<std::string> words;
    uint8_t facet;
};

const std::vector<CompiledPhrase>& compiledPhrases() {
    static const std::vector<CompiledPhrase> kCompiled = [] {
        std::vector<CompiledPhrase> out;
        for (const Phrase& p : kPhrases)
            out.push_back({tokenize(p.folded), p.facet});
        std::stable_sort(out.begin(), out.end(),
                         [](const CompiledPhrase& a, const CompiledPhrase& b) {
                             return a.words.size() > b.words.size();
                         });
        return out;
    }();
    return kCompiled;
}

struct Analysis {
    uint8_t facets = 0;
    std::vector<std::string> terms;
};

Analysis analyse(std::string_view question) {
    if (question.size() > kMaxQuestionBytes) question = question.substr(0, kMaxQuestionBytes);
    const std::vector<std::string> tokens = tokenize(question);
    std::vector<bool> used(tokens.size(), false);
    Analysis a;
    for (const CompiledPhrase& p : compiledPhrases()) {
        const size_t len = p.words.size();
        for (size_t i = 0; i + len <= tokens.size(); ++i) {
            bool match = true;
            for (size_t k = 0; k < len && match; ++k)
                match = !used[i + k] && tokens[i + k] == p.words[k];
            if (!match) continue;
            for (size_t k = 0; k < len; ++k)
                used[i + k] = true;
            a.facets |= p.facet;
        }
    }
    for (size_t i = 0; i < tokens.size(); ++i)
        if (!used[i]) a.terms.push_back(tokens[i]);
    return a;
}

// Coverage, discounted for typo-only tokens (short syllables are one edit from many others) and
// for tokens found only in documents or the agency name.
float confidenceOf(const SearchHit& hit) {
    const float n = static_cast<float>(std::max<uint8_t>(hit.queryTokens, 1));
    float c = hit.coverage * (0.5f + 0.5f * static_cast<float>(hit.nameTokens) / n);
    c -= kTypoDiscount * static_cast<float>(hit.typoTokens) / n;
    if (hit.kind == MatchKind::ExactPhrase || hit.kind == MatchKind::Prefix)
        c += kPhraseConfidenceBonus;
    return std::clamp(c, 0.0f, 1.0f);
}

std::string str(const json& obj, const char* key) {
    auto it = obj.find(key);
    return it != obj.end() && it->is_string() ? it->get<std::string>() : std::string();
}

} // namespace

Result<std::vector<Faq>> parseFaqList(std::string_view text) {
    json root;
    if (ParseError e = parseJsonText(text, kMaxFaqJsonBytes, root); e != ParseError::None)
        return Result<std::vector<Faq>>::failure(e, "faq list: not valid JSON or too large");
    if (!root.is_object())
        return Result<std::vector<Faq>>::failure(ParseError::Malformed, "faq list: not an object");
    auto items = root.find("items");
    if (items == root.end() || items->is_null())
        return Result<std::vector<Faq>>::failure(ParseError::MissingField, "items: missing");
    if (!items->is_array())
        return Result<std::vector<Faq>>::failure(ParseError::WrongType, "items: expected an array");
    std::vector<Faq> faqs;
    for (const json& item : *items) {
        if (!item.is_object()) continue;
        Faq f;
        if (auto id = item.find("id"); id != item.end() && id->is_number_integer())
            f.id = id->get<int64_t>();
        f.question = str(item, "question");
        f.answer = str(item, "answer");
        f.procedureCode = str(item, "procedure_code");
        if (auto kw = item.find("keywords"); kw != item.end() && kw->is_array())
            for (const json& k : *kw)
                if (k.is_string()) f.keywords.push_back(k.get<std::string>());
        if (!f.question.empty() && !f.answer.empty()) faqs.push_back(std::move(f));
    }
    return Result<std::vector<Faq>>::success(std::move(faqs));
}

uint8_t questionFacets(std::string_view question) {
    return analyse(question).facets;
}
std::vector<std::string> questionTerms(std::string_view question) {
    return analyse(question).terms;
}

AskMatcher::AskMatcher(const std::vector<ProcedureInfo>& catalog, const std::vector<Faq>& faqs)
    : m_procedures(catalog) {
    std::vector<SearchText> texts;
    texts.reserve(faqs.size());
    for (const Faq& f : faqs) {
        SearchText t;
        t.nameVi = f.question; // whatever language the server sent: searched as the main name
        t.keywords = f.keywords;
        t.documents = {f.answer};
        texts.push_back(std::move(t));
        m_faqProcedure.push_back(f.procedureCode);
    }
    m_faqs = SearchIndex::fromTexts(texts);
    for (const ProcedureInfo& p : catalog)
        m_codes.push_back(p.code);
}

AskAnswer AskMatcher::answer(std::string_view question, Language lang) const {
    Analysis a = analyse(question);
    AskAnswer out;
    out.facets = a.facets;
    out.terms = std::move(a.terms);
    if (out.terms.empty()) return out;
    std::vector<std::string_view> tokens(out.terms.begin(), out.terms.end());

    float procConfidence = 0, faqConfidence = 0;
    if (auto hits = m_procedures.searchTokens(tokens, lang, 1, {}, kWholeWords); !hits.empty()) {
        procConfidence = confidenceOf(hits[0]);
        if (procConfidence >= kMinConfidence) out.procedure = hits[0].index;
    }
    // FAQ questions are indexed as the main name whatever their language.
    if (auto hits = m_faqs.searchTokens(tokens, Language::Vi, 1, {}, kWholeWords); !hits.empty()) {
        faqConfidence = confidenceOf(hits[0]);
        if (faqConfidence >= kMinConfidence) out.faq = hits[0].index;
    }
    if (out.faq && (!out.procedure || faqConfidence > procConfidence + kFaqMargin)) {
        out.kind = AskAnswer::Kind::Faq;
        out.confidence = faqConfidence;
        const std::string& code = m_faqProcedure[*out.faq];
        if (!code.empty()) {
            auto it = std::find(m_codes.begin(), m_codes.end(), code);
            if (it != m_codes.end()) out.procedure = static_cast<size_t>(it - m_codes.begin());
        }
    } else if (out.procedure) {
        out.kind = AskAnswer::Kind::Procedure;
        out.confidence = procConfidence;
    } else {
        out.confidence = std::max(procConfidence, faqConfidence);
    }
    return out;
}

AskAnswer answerQuestion(std::string_view question, const std::vector<ProcedureInfo>& catalog,
                         const std::vector<Faq>& faqs, Language lang) {
    return AskMatcher(catalog, faqs).answer(question, lang);
}

} // namespace motcua
