// Tolerant catalogue parsing: one broken entry must not hide the rest of the catalogue.
#include "core/procedure_catalog.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/json_guard.h"

namespace motcua {

using nlohmann::json;

namespace {

std::string str(const json& obj, const char* key) {
    auto it = obj.find(key);
    return it != obj.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// Integers may arrive as floats from some JSON writers ("amount": 15000.0).
int64_t integer(const json& obj, const char* key, int64_t fallback = 0) {
    auto it = obj.find(key);
    if (it == obj.end()) return fallback;
    if (it->is_number_integer()) return it->get<int64_t>();
    if (it->is_number_float()) {
        const double d = it->get<double>();
        if (d >= -9e15 && d <= 9e15) return static_cast<int64_t>(d);
    }
    return fallback;
}

bool parseItem(const json& item, ProcedureInfo& p, std::string& why) {
    if (!item.is_object()) {
        why = "not an object";
        return false;
    }
    p.code = str(item, "code");
    p.name.name = str(item, "name");
    if (auto names = item.find("names"); names != item.end() && names->is_object()) {
        p.name.vi = str(*names, "vi");
        p.name.en = str(*names, "en");
    }
    if (p.name.name.empty()) p.name.name = !p.name.vi.empty() ? p.name.vi : p.name.en;
    if (p.code.empty() || p.name.name.empty()) {
        why = "missing code or name";
        return false;
    }
    p.field = str(item, "field");
    if (auto agency = item.find("agency"); agency != item.end() && agency->is_object()) {
        p.agency.code = str(*agency, "code");
        p.agency.name.name = str(*agency, "name");
    }
    p.processingDays =
        static_cast<int>(std::clamp<int64_t>(integer(item, "processing_days"), 0, 100000));
    if (auto fees = item.find("fees"); fees != item.end() && fees->is_array()) {
        for (const json& f : *fees) {
            if (!f.is_object()) continue;
            p.fees.push_back({str(f, "name"), std::max<int64_t>(0, integer(f, "amount"))});
        }
    }
    if (auto docs = item.find("documents"); docs != item.end() && docs->is_array()) {
        for (const json& d : *docs) {
            if (d.is_string()) {
                p.documents.push_back({d.get<std::string>(), 1, 0});
            } else if (d.is_object()) {
                p.documents.push_back(
                    {str(d, "name"),
                     static_cast<int>(std::clamp<int64_t>(integer(d, "originals"), 0, 99)),
                     static_cast<int>(std::clamp<int64_t>(integer(d, "copies"), 0, 99))});
            }
        }
    }
    p.legalBasis = str(item, "legal_basis");
    if (auto online = item.find("online"); online != item.end() && online->is_boolean())
        p.online = online->get<bool>();
    if (auto kw = item.find("keywords"); kw != item.end() && kw->is_array()) {
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
    list.total = integer(root, "total", static_cast<int64_t>(list.items.size()));
    return Result<ProcedureList>::success(std::move(list));
}

} // namespace motcua
