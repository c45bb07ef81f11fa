// The procedure catalogue as GET /api/v1/procedures sends it (docs/api.md): what the app browses,
// searches and quotes in answers. Parsing never throws and skips bad entries with a warning.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/dossier.h"
#include "core/result.h"

namespace motcua {

// The whole catalogue is fetched once (page_size up to 500); 2,000 entries are about 1.5 MB.
constexpr size_t kMaxCatalogJsonBytes = 8 * 1024 * 1024;

struct ProcedureDocument {
    std::string name;
    int originals = 0;
    int copies = 0;
};

struct ProcedureFee {
    std::string name;
    int64_t amount = 0; // đồng
};

// One catalogue entry. Named ProcedureInfo because `Procedure` (dossier.h) is the short
// code+name reference a dossier carries.
struct ProcedureInfo {
    std::string code;
    LocalizedName name;     // name in the requested language, plus vi/en when sent
    std::string field;      // in the requested language
    Agency agency;          // agency.name.name is in the requested language
    int processingDays = 0; // working days; 0 when unknown
    std::vector<ProcedureFee> fees;
    std::vector<ProcedureDocument> documents;
    std::string legalBasis;
    bool online = false;
    std::vector<std::string>
        keywords; // optional synonyms ("keywords" in the JSON, or added locally)

    int64_t feeTotal() const;
};

struct ProcedureList {
    std::vector<ProcedureInfo> items;
    int64_t total = 0; // server's total (may exceed items.size() when paged)
    std::vector<std::string> warnings;
};

// {"items":[...],"total":N}. Fails only when the text is not JSON, too large, or has no
// "items" array; an item without a code or a name is skipped and recorded in warnings.
Result<ProcedureList> parseProcedureList(std::string_view json);

} // namespace motcua
