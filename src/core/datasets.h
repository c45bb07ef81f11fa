// The province's other look-ups (exam results, land prices, camera-recorded violations, power and
// water cuts): the list of datasets and a query's reply, read from the API without throwing.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/i18n.h"
#include "core/result.h"

namespace motcua {

// A text in several languages ("vi", "en", "ko", "zh", "ja"), as the server gives names and labels.
using LocalTexts = std::map<std::string, std::string>;
// The text in `lang`, else English (the tourists' fallback), else Vietnamese, else `fallback`.
std::string textIn(const LocalTexts& texts, Language lang, const std::string& fallback = {});

enum class FieldType { Text, Number, Date };

struct DatasetField {
    std::string name;
    FieldType type = FieldType::Text;
    std::string label; // in the language asked for; `labels` holds every language given
    LocalTexts labels;
    bool compact = false; // spaces and punctuation do not count (licence plates)
};

struct Dataset {
    std::string id;
    std::string name;
    LocalTexts names;
    std::string description;
    bool keyed = false; // answers only with every key and the second factor
    std::vector<DatasetField> keys;
    std::optional<DatasetField> secondFactor;
    std::vector<DatasetField> shown;
    int64_t rows = 0;
};
Result<std::vector<Dataset>> parseDatasetList(std::string_view json);

// One value of a matching row: text as sent, a number in the JSON's own digits ("8.4"), or absent.
struct DatasetCell {
    std::string text;
    bool number = false;
    bool present = false;
};
struct DatasetAnswer {
    std::string id;
    std::vector<DatasetField> fields;           // the shown fields, in order
    std::vector<std::vector<DatasetCell>> rows; // one cell per field
    bool truncated = false;
};
Result<DatasetAnswer> parseDatasetAnswer(std::string_view json);

// A cell as the citizen reads it in `lang`: numbers grouped ("42.000.000", "7,75" in Vietnamese),
// ISO dates as DD/MM/YYYY; empty for an absent value.
std::string formatCell(const DatasetCell& cell, FieldType type, Language lang);

} // namespace motcua
