// The look-up form's checks and its query body (see dataset_query.h).
#include "core/dataset_query.h"

#include <cctype>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "core/civil_date.h"
#include "core/rating_form.h"

namespace motcua {

namespace {
bool isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool allDigits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    return true;
}

int toInt(std::string_view s) {
    int v = 0;
    for (char c : s)
        v = v * 10 + (c - '0');
    return v;
}

std::optional<std::string> isoDate(int y, int m, int d) {
    if (y < 1900 || y > 2100 || !isValidDate(y, m, d)) return std::nullopt;
    char out[11];
    std::snprintf(out, sizeof out, "%04d-%02d-%02d", y, m, d);
    return std::string(out);
}

// "8,5" or "8.5" or "42 000 000" → the JSON number's digits; nothing when it is not a number.
std::optional<nlohmann::json> readNumber(const std::string& typed) {
    std::string digits;
    for (char c : typed) {
        if (c == ' ') continue;
        digits += c == ',' ? '.' : c;
    }
    size_t dots = 0, i = digits.empty() || digits[0] != '-' ? 0 : 1;
    if (i == digits.size() || digits.size() > 18) return std::nullopt;
    for (; i < digits.size(); ++i) {
        if (digits[i] == '.')
            ++dots;
        else if (!std::isdigit(static_cast<unsigned char>(digits[i])))
            return std::nullopt;
    }
    if (dots > 1 || digits.back() == '.' || digits.front() == '.') return std::nullopt;
    if (dots == 0) return nlohmann::json(std::stoll(digits));
    return nlohmann::json(std::stod(digits));
}
} // namespace

std::vector<DatasetField> formFields(const Dataset& dataset) {
    std::vector<DatasetField> out = dataset.keys;
    if (dataset.secondFactor) out.push_back(*dataset.secondFactor);
    return out;
}

std::string collapseBlanks(std::string_view typed) {
    std::string out;
    for (char c : typed) {
        if (isBlank(c)) {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += c;
        }
    }
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

std::optional<std::string> normalizeDate(std::string_view typed) {
    const std::string text = collapseBlanks(typed);
    if (text.size() == 8 && allDigits(text))
        return isoDate(toInt(text.substr(4, 4)), toInt(text.substr(2, 2)),
                       toInt(text.substr(0, 2)));
    // Three groups of digits split by one kind of separator.
    std::vector<std::string_view> parts;
    char separator = 0;
    size_t start = 0;
    std::string_view view(text);
    for (size_t i = 0; i <= view.size(); ++i) {
        if (i < view.size() && std::isdigit(static_cast<unsigned char>(view[i]))) continue;
        if (i < view.size()) {
            if (view[i] != '/' && view[i] != '-' && view[i] != '.') return std::nullopt;
            if (separator && view[i] != separator) return std::nullopt;
            separator = view[i];
        }
        parts.push_back(view.substr(start, i - start));
        start = i + 1;
    }
    if (parts.size() != 3) return std::nullopt;
    for (std::string_view p : parts)
        if (!allDigits(p) || p.size() > 4) return std::nullopt;
    if (parts[0].size() == 4 && separator == '-' && parts[1].size() <= 2 && parts[2].size() <= 2)
        return isoDate(toInt(parts[0]), toInt(parts[1]), toInt(parts[2]));
    if (parts[2].size() != 4 || parts[0].size() > 2 || parts[1].size() > 2) return std::nullopt;
    return isoDate(toInt(parts[2]), toInt(parts[1]), toInt(parts[0]));
}

DatasetQuery buildDatasetQuery(const Dataset& dataset,
                               const std::map<std::string, std::string>& values) {
    DatasetQuery q;
    nlohmann::json body = nlohmann::json::object();
    const std::vector<DatasetField> fields = formFields(dataset);
    for (const DatasetField& f : fields) {
        const auto it = values.find(f.name);
        const std::string typed = it == values.end() ? "" : collapseBlanks(it->second);
        if (typed.empty()) {
            if (dataset.keyed) q.problems.push_back({f.name, "datasets.error.required"});
            continue;
        }
        if (!isValidUtf8(typed) || countCharacters(typed) > 200) {
            q.problems.push_back({f.name, "datasets.error.invalid"});
        } else if (f.type == FieldType::Date) {
            if (auto iso = normalizeDate(typed))
                body[f.name] = *iso;
            else
                q.problems.push_back({f.name, "datasets.error.date"});
        } else if (f.type == FieldType::Number) {
            if (auto number = readNumber(typed))
                body[f.name] = *number;
            else
                q.problems.push_back({f.name, "datasets.error.number"});
        } else {
            body[f.name] = typed;
        }
    }
    if (q.problems.empty() && body.empty() && !fields.empty())
        q.problems.push_back({fields.front().name, "datasets.error.one_key"});
    if (q.problems.empty())
        q.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return q;
}

} // namespace motcua
