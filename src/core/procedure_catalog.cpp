// Tolerant catalogue parsing: one broken entry must not hide the rest of the catalogue.
#include "core/procedure_catalog.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/json_fields.h"
#include "core/json_guard.h"

namespace motcua {

using nlohmann::json;

namespace {

bool parseItem(const json& item, ProcedureInfo& p, std::string& why) {
    if (!item.is_object()) {
        why = "not an object";
        return false;
    }
    p.code = stringField(item, "code");
    p.name.name = stringField(item, "name");
    if (const json* names = objectField(item, "names")) {
        p.name.vi = stringField(*names, "vi");
        p.name.en = stringField(*names, "en");
    }
    if (p.name.name.empty()) p.name.name = !p.name.vi.empty() ? p.name.vi : p.name.en;
    if (p.code.empty() || p.name.name.empty()) {
        why = "missing code or name";
        return false;
    }
    p.field = stringField(item, "field");
    if (const json* agency = objectField(item, "agency")) {
        p.agency.code = stringField(*agency, "code");
        p.agency.name.name = stringField(*agency, "name");
    }
    p.processingDays = static_cast<int>(
        std::clamp<int64_t>(optWholeNumberField(item, "processing_days").value_or(0), 0, 100000));
    if (const json* fees = arrayField(item, "fees")) {
        for (const json& f : *fees) {
            if (!f.is_object()) continue;
            p.fees.push_back({stringField(f, "name"),
                              std::max<int64_t>(0, optWholeNumberField(f, "amount").value_or(0))});
        }
    }
    if (const json* docs = arrayField(item, "documents")) {
        for (const json& d : *docs) {
            if (d.is_string()) {
                p.documents.push_back({d.get<std::string>(), 1, 0});
            } else if (d.is_object()) {
                p.documents.push_back({stringField(d, "name"),
                                       static_cast<int>(std::clamp<int64_t>(
                                           optWholeNumberField(d, "originals").value_or(0), 0, 99)),
                                       static_cast<int>(std::clamp<int64_t>(
                                           optWholeNumberField(d, "copies").value_or(0), 0, 99))});
            }
        }
    }
    p.legalBasis = stringField(item, "legal_basis");
    p.online = boolField(item, "online", p.online);
    if (const json* kw = arrayField(item, "keywords")) {
        for (const json& k : *kw)
            if (k.is_string()) p.keywords.push_back(k.get<std::string>());
    }
    return true;
}

} // namespace

int64_t ProcedureInfo::feeTotal() const {
    int64_t total = 0;
    for (const ProcedureFee& f : fees)
        total += f.amount;
    return total;
}

Result<ProcedureList> parseProcedureList(std::string_view text) {
    json root;
    if (ParseError e = parseJsonText(text, kMaxCatalogJsonBytes, root); e != ParseError::None)
        return Result<ProcedureList>::failure(e, "procedure list: not valid JSON or too large");
    if (!root.is_object())
        return Result<ProcedureList>::failure(ParseError::Malformed,
                                              "procedure list: not an object");
    auto items = root.find("items");
    if (items == root.end() || items->is_null())
        return Result<ProcedureList>::failure(ParseError::MissingField, "items: missing");
    if (!items->is_array())
        return Result<ProcedureList>::failure(ParseError::WrongType, "items: expected an array");
    ProcedureList list;
    list.items.reserve(items->size());
    for (size_t i = 0; i < items->size(); ++i) {
        ProcedureInfo p;
        std::string why;
        if (parseItem((*items)[i], p, why))
            list.items.push_back(std::move(p));
        else
            list.warnings.push_back("items[" + std::to_string(i) + "]: " + why);
    }
    list.total =
        optWholeNumberField(root, "total").value_or(static_cast<int64_t>(list.items.size()));
    return Result<ProcedureList>::success(std::move(list));
}

} // namespace motcua
