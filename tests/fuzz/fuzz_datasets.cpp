// libFuzzer target: whatever the datasets list or a query reply contains, reading it must not
// crash, and what it accepts must be usable (ids and field names present, one cell per shown
// field).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/dataset_query.h"
#include "core/datasets.h"

using namespace motcua;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    if (auto list = parseDatasetList(text)) {
        for (const Dataset& d : *list.value) {
            if (d.id.empty() || d.keys.empty()) __builtin_trap();
            for (const DatasetField& f : formFields(d))
                if (f.name.empty()) __builtin_trap();
            // An empty form and one with the text as every value are checked, never thrown.
            std::map<std::string, std::string> values;
            for (const DatasetField& f : formFields(d))
                values[f.name] = std::string(text.substr(0, 64));
            (void)buildDatasetQuery(d, values);
            (void)buildDatasetQuery(d, {});
            (void)textIn(d.names, Language::Ja, d.id);
        }
    }
    if (auto answer = parseDatasetAnswer(text)) {
        if (answer.value->fields.empty()) __builtin_trap();
        for (const auto& row : answer.value->rows) {
            if (row.size() != answer.value->fields.size()) __builtin_trap();
            for (size_t i = 0; i < row.size(); ++i)
                for (Language lang : {Language::Vi, Language::En})
                    (void)formatCell(row[i], answer.value->fields[i].type, lang);
        }
    }
    (void)normalizeDate(text);
    return 0;
}
