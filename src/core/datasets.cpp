// Reading the datasets list and query replies: a broken item is skipped, a broken reply is an error
// value; cells keep the server's own digits so a score of 7.75 is never shown as 7.7499999.
#include "core/datasets.h"

#include <nlohmann/json.hpp>

#include "core/json_fields.h"
#include "core/json_guard.h"
#include "core/payload_reader.h"

namespace motcua {

namespace {
using nlohmann::json;

constexpr size_t kMaxDatasetReplyBytes = 2 * 1024 * 1024;

LocalTexts readTexts(const json* object) {
    LocalTexts out;
    if (!object || !object->is_object()) return out;
    for (const char* lang : {"vi", "en", "ko", "zh", "ja"})
        if (std::string text = stringField(*object, lang); !text.empty()) out[lang] = text;
    return out;
}

std::optional<DatasetField> readField(const json& item, const std::string& path,
                                      std::vector<std::string>& warnings) {
    if (!item.is_object()) return std::nullopt;
    PayloadReader r(item, path, warnings);
    DatasetField f;
    f.name = r.reqString("name");
    if (r.failure().code != ParseError::None || f.name.empty()) return std::nullopt;
    const std::string type = r.optString("type");
    f.type = type == "number" ? FieldType::Number
             : type == "date" ? FieldType::Date
                              : FieldType::Text;
    f.labels = readTexts(r.optObject("labels"));
    f.label = r.optString("label");
    if (f.label.empty()) f.label = textIn(f.labels, Language::Vi, f.name);
    f.compact = r.optBool("compact");
    return f;
}

std::vector<DatasetField> readFields(const json* array, const std::string& path,
                                     std::vector<std::string>& warnings) {
    std::vector<DatasetField> out;
    if (!array || !array->is_array()) return out;
    for (size_t i = 0; i < array->size(); ++i)
        if (auto f = readField((*array)[i], path + "[" + std::to_string(i) + "]", warnings))
            out.push_back(std::move(*f));
    return out;
}

Result<json> readObject(std::string_view text) {
    json doc;
    if (const ParseError e = parseJsonText(text, kMaxDatasetReplyBytes, doc); e != ParseError::None)
        return Result<json>::failure(e, "not JSON");
    if (!doc.is_object() || !arrayField(doc, "items"))
        return Result<json>::failure(ParseError::Malformed, "no items array");
    return Result<json>::success(std::move(doc));
}

// "42000000" → "42.000.000" (vi) or "42,000,000"; "7.75" → "7,75" (vi); "9.0" → "9".
std::string groupDigits(std::string digits, Language lang) {
    const char group = lang == Language::Vi ? '.' : ',';
    const char decimal = lang == Language::Vi ? ',' : '.';
    if (digits.find_first_of("eE") != std::string::npos) return digits;
    std::string sign;
    if (!digits.empty() && digits[0] == '-') {
        sign = "-";
        digits.erase(0, 1);
    }
    std::string whole = digits, fraction;
    if (const size_t dot = digits.find('.'); dot != std::string::npos) {
        whole = digits.substr(0, dot);
        fraction = digits.substr(dot + 1);
        while (!fraction.empty() && fraction.back() == '0')
            fraction.pop_back();
    }
    std::string grouped;
    for (size_t i = 0; i < whole.size(); ++i) {
        if (i > 0 && (whole.size() - i) % 3 == 0) grouped += group;
        grouped += whole[i];
    }
    return sign + grouped + (fraction.empty() ? "" : std::string(1, decimal) + fraction);
}
} // namespace

std::string textIn(const LocalTexts& texts, Language lang, const std::string& fallback) {
    for (const char* code : {languageCode(lang), "en", "vi"})
        if (auto it = texts.find(code); it != texts.end() && !it->second.empty()) return it->second;
    return fallback;
}

Result<std::vector<Dataset>> parseDatasetList(std::string_view text) {
    using R = Result<std::vector<Dataset>>;
    auto doc = readObject(text);
    if (!doc) return R::failure(doc.code, doc.error);
    std::vector<Dataset> out;
    std::vector<std::string> warnings;
    const json& items = *arrayField(*doc.value, "items");
    for (size_t i = 0; i < items.size(); ++i) {
        if (!items[i].is_object()) continue;
        const std::string path = "items[" + std::to_string(i) + "]";
        PayloadReader r(items[i], path, warnings);
        Dataset d;
        d.id = r.reqString("id");
        if (r.failure().code != ParseError::None || d.id.empty()) continue;
        d.names = readTexts(r.optObject("names"));
        d.name = r.optString("name");
        if (d.name.empty()) d.name = textIn(d.names, Language::Vi, d.id);
        d.description = r.optString("description");
        d.keyed = r.optString("access") == "keyed";
        d.keys = readFields(r.optArray("keys"), path + ".keys", warnings);
        if (const json* second = r.optObject("second_factor"))
            d.secondFactor = readField(*second, path + ".second_factor", warnings);
        d.shown = readFields(r.optArray("shown"), path + ".shown", warnings);
        d.rows = r.optInt("rows").value_or(0);
        // A dataset without key fields could not be asked anything: not worth a button.
        if (d.keys.empty()) continue;
        out.push_back(std::move(d));
    }
    return R::success(std::move(out));
}

Result<DatasetAnswer> parseDatasetAnswer(std::string_view text) {
    using R = Result<DatasetAnswer>;
    auto doc = readObject(text);
    if (!doc) return R::failure(doc.code, doc.error);
    const json& root = *doc.value;
    std::vector<std::string> warnings;
    DatasetAnswer a;
    a.id = stringField(root, "id");
    a.fields = readFields(arrayField(root, "fields"), "fields", warnings);
    a.truncated = boolField(root, "truncated");
    if (a.fields.empty()) return R::failure(ParseError::MissingField, "fields");
    for (const json& item : *arrayField(root, "items")) {
        if (!item.is_object()) continue;
        std::vector<DatasetCell> row;
        for (const DatasetField& f : a.fields) {
            DatasetCell cell;
            if (auto it = item.find(f.name); it != item.end()) {
                if (it->is_string()) {
                    cell.text = it->get<std::string>();
                    cell.present = !cell.text.empty();
                } else if (it->is_number()) {
                    cell.text = it->dump();
                    cell.number = cell.present = true;
                }
            }
            row.push_back(std::move(cell));
        }
        a.rows.push_back(std::move(row));
    }
    return R::success(std::move(a));
}

std::string formatCell(const DatasetCell& cell, FieldType type, Language lang) {
    if (!cell.present) return {};
    if (cell.number) return groupDigits(cell.text, lang);
    if (type == FieldType::Date && cell.text.size() == 10 && cell.text[4] == '-' &&
        cell.text[7] == '-')
        return cell.text.substr(8, 2) + "/" + cell.text.substr(5, 2) + "/" + cell.text.substr(0, 4);
    return cell.text;
}

} // namespace motcua
