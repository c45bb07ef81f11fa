// The "ask" box: a question in plain words is matched against the catalogue and the frequent
// questions, answered with the best procedure's facts, or flagged for sending to the centre.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/i18n.h"
#include "core/procedure_catalog.h"
#include "core/procedure_search.h"
#include "core/result.h"

namespace motcua {

// GET /api/v1/faqs → {"items":[{"id","question","answer","keywords":[...],"procedure_code"|null}]}.
struct Faq {
    int64_t id = 0;
    std::string question;
    std::string answer;
    std::vector<std::string> keywords;
    std::string procedureCode; // empty when the answer is not about one procedure
};
// Items without a question or an answer are skipped; fails only on non-JSON or no "items" array.
Result<std::vector<Faq>> parseFaqList(std::string_view json);

// Which facts the question asks about (bit flags, any combination).
enum class AskFacet : uint8_t {
    Documents = 1 << 0, // "giấy tờ gì", "cần mang gì", "documents"
    Time = 1 << 1,      // "bao lâu", "mấy ngày", "how long"
    Fee = 1 << 2,       // "bao nhiêu tiền", "lệ phí", "how much"
    Place = 1 << 3,     // "ở đâu", "nộp ở đâu", "where"
    Online = 1 << 4,    // "trực tuyến", "online"
};

struct AskAnswer {
    enum class Kind { NoMatch, Procedure, Faq };
    Kind kind = Kind::NoMatch;       // NoMatch: offer to send the question to the centre
    std::optional<size_t> procedure; // index into the catalogue (also set for an FAQ tied to one)
    std::optional<size_t> faq;       // index into the FAQ list
    uint8_t facets = 0;              // AskFacet bits
    float confidence = 0;            // 0..1 of the chosen answer
    std::vector<std::string> terms; // the question's content words (folded), question words removed

    bool good() const { return kind != Kind::NoMatch; }
    bool asks(AskFacet facet) const { return (facets & static_cast<uint8_t>(facet)) != 0; }
};

class AskMatcher {
  public:
    // Below this the answer is NoMatch: a wrong procedure is worse than asking the centre.
    static constexpr float kMinConfidence = 0.5f;

    AskMatcher(const std::vector<ProcedureInfo>& catalog, const std::vector<Faq>& faqs);
    AskAnswer answer(std::string_view question, Language lang) const;

  private:
    SearchIndex m_procedures;
    SearchIndex m_faqs;
    std::vector<std::string> m_codes;        // catalogue codes by index
    std::vector<std::string> m_faqProcedure; // FAQ procedure codes by index
};

// Builds the indexes for one question; keep an AskMatcher when asking repeatedly.
AskAnswer answerQuestion(std::string_view question, const std::vector<ProcedureInfo>& catalog,
                         const std::vector<Faq>& faqs, Language lang);

// The facets asked about, and the content words left once question words are removed.
uint8_t questionFacets(std::string_view question);
std::vector<std::string> questionTerms(std::string_view question);

} // namespace motcua
