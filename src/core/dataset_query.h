// A dataset's look-up form: which fields it asks, what each typed value means (a date in the ways
// Vietnamese people write it, a number with a decimal comma) and the query body, checked before it
// is sent so the citizen hears what is missing in their language instead of a server error.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/datasets.h"

namespace motcua {

// The fields of the form, in order: the key fields, then the second factor of a keyed dataset.
std::vector<DatasetField> formFields(const Dataset& dataset);

// "15/03/2007", "15-3-2007", "15.03.2007", "15032007" or "2007-03-15" → "2007-03-15"; nothing for
// anything else or a day that does not exist.
std::optional<std::string> normalizeDate(std::string_view typed);
// Blanks trimmed and runs of blanks made one space.
std::string collapseBlanks(std::string_view typed);

struct FieldProblem {
    std::string field;
    std::string messageKey; // "datasets.error.required", "datasets.error.date", …
};
struct DatasetQuery {
    std::vector<FieldProblem> problems; // empty: `body` can be sent
    std::string body;                   // {"field": value} of the fields filled in
};
// `values` holds what was typed, by field name. A keyed dataset needs every field; a public one
// at least one key (a problem on the first key when none is given).
DatasetQuery buildDatasetQuery(const Dataset& dataset,
                               const std::map<std::string, std::string>& values);

} // namespace motcua
