// Route matching driven by the table of assets/domain/routes.json (embedded at build time): a
// pattern's literal segments must match exactly, its {parameters} must be valid values.
#include "core/route.h"

#include <array>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/dossier_code.h"
#include "core/json_fields.h"
#include "core/url_text.h"
#include "core/vn_compose.h"

namespace motcua::assets {
extern const unsigned char k_domain_routes[];
extern const std::size_t k_domain_routes_size;
} // namespace motcua::assets

namespace motcua {

namespace {

constexpr std::array<const char*, static_cast<size_t>(Screen::Counter) + 1> kScreenNames = {
    "not_found", "home",     "dossier",  "rate",         "scan",    "lookup", "procedures",
    "procedure", "ask",      "requests", "request_form", "request", "places", "place",
    "stats",     "datasets", "dataset",  "alerts",       "counter",
};

struct Pattern {
    Screen screen = Screen::NotFound;
    std::vector<std::string> segments; // "procedures", "{procedure}", ...
    std::string path;                  // as routes.json writes it
    bool takesQuestion = false;        // ?q=
};

struct RouteTable {
    std::vector<Pattern> patterns;
    std::vector<std::string> placeKinds;
    std::string procedureCharacters;
    size_t procedureMaxLength = 0;
    size_t questionMaxCharacters = 0;
    std::string datasetCharacters;
    size_t datasetMaxLength = 0;
};

std::vector<std::string_view> splitPath(std::string_view path) {
    std::vector<std::string_view> out;
    path.remove_prefix(1); // the leading '/'
    if (path.empty()) return out;
    while (true) {
        const size_t slash = path.find('/');
        out.push_back(path.substr(0, slash));
        if (slash == std::string_view::npos) break;
        path.remove_prefix(slash + 1);
    }
    return out;
}

std::optional<Screen> screenFromName(std::string_view name) {
    for (size_t i = 1; i < kScreenCount; ++i)
        if (name == kScreenNames[i]) return static_cast<Screen>(i);
    return std::nullopt;
}

RouteTable loadTable() {
    const std::string_view text(reinterpret_cast<const char*>(assets::k_domain_routes),
                                assets::k_domain_routes_size);
    const auto doc = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
    RouteTable table;
    if (const auto* routes = arrayField(doc, "routes")) {
        for (const auto& r : *routes) {
            Pattern p;
            p.path = stringField(r, "path");
            const auto screen = screenFromName(stringField(r, "screen"));
            if (!screen || p.path.empty() || p.path[0] != '/') continue;
            p.screen = *screen;
            for (std::string_view s : splitPath(p.path))
                p.segments.emplace_back(s);
            if (const auto* query = arrayField(r, "query"))
                for (const auto& name : *query)
                    p.takesQuestion = p.takesQuestion || (name.is_string() && name == "q");
            table.patterns.push_back(std::move(p));
        }
    }
    if (const auto* kinds = arrayField(doc, "place_kinds"))
        for (const auto& k : *kinds)
            if (k.is_string()) table.placeKinds.push_back(k.get<std::string>());
    if (const auto* proc = objectField(doc, "procedure_code")) {
        table.procedureCharacters = stringField(*proc, "characters");
        table.procedureMaxLength = static_cast<size_t>(intField(*proc, "max_length"));
    }
    if (const auto* id = objectField(doc, "dataset_id")) {
        table.datasetCharacters = stringField(*id, "characters");
        table.datasetMaxLength = static_cast<size_t>(intField(*id, "max_length"));
    }
    table.questionMaxCharacters = static_cast<size_t>(intField(doc, "ask_query_max_characters"));
    return table;
}

const RouteTable& table() {
    static const RouteTable kTable = loadTable();
    return kTable;
}

std::string asciiUpper(std::string s) {
    for (char& c : s)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return s;
}

// A positive int64 written in ASCII digits (leading zeros allowed), or nothing.
std::optional<int64_t> parseId(std::string_view s) {
    if (s.empty()) return std::nullopt;
    int64_t value = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return std::nullopt;
        const int digit = c - '0';
        if (value > (INT64_MAX - digit) / 10) return std::nullopt;
        value = value * 10 + digit;
    }
    if (value <= 0) return std::nullopt;
    return value;
}

// At most `limit` code points of valid UTF-8, without spaces at either end.
std::string capAndTrim(std::string_view s, size_t limit) {
    size_t end = 0;
    for (size_t count = 0; end < s.size() && count < limit; ++count) {
        ++end;
        while (end < s.size() && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80)
            ++end;
    }
    s = s.substr(0, end);
    while (!s.empty() && s.front() == ' ')
        s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ')
        s.remove_suffix(1);
    return std::string(s);
}

std::string questionText(std::string_view raw) {
    const std::string text = composeVietnamese(safeUtf8(percentDecode(raw, true)));
    return capAndTrim(text, table().questionMaxCharacters);
}

// Fills the route's parameter for `name` from the decoded segment; false when it is not valid.
bool bindParameter(std::string_view name, const std::string& value, Route& route) {
    if (name == "{code}") {
        if (!isValidCode(value)) return false;
        route.code = normalizeCode(value);
    } else if (name == "{procedure}") {
        if (!isProcedureCode(value)) return false;
        route.procedure = asciiUpper(value);
    } else if (name == "{kind}") {
        if (!isPlaceKind(value)) return false;
        route.placeKind = value;
    } else if (name == "{dataset}") {
        if (!isDatasetId(value)) return false;
        route.dataset = value;
    } else if (name == "{id}") {
        const auto id = parseId(value);
        if (!id) return false;
        route.id = *id;
    } else {
        return false;
    }
    return true;
}

struct QueryParts {
    std::optional<Language> lang;
    std::optional<std::string_view> question; // raw, the first q=
};

QueryParts readQuery(std::string_view query) {
    QueryParts out;
    bool sawLang = false;
    while (!query.empty()) {
        const size_t amp = query.find('&');
        const std::string_view part = query.substr(0, amp);
        const size_t eq = part.find('=');
        const std::string key = percentDecode(part.substr(0, eq), true);
        const std::string_view value =
            eq == std::string_view::npos ? std::string_view{} : part.substr(eq + 1);
        if (key == "lang" && !sawLang) {
            sawLang = true;
            out.lang = languageFromCode(percentDecode(value, true));
        } else if (key == "q" && !out.question) {
            out.question = value;
        }
        if (amp == std::string_view::npos) break;
        query.remove_prefix(amp + 1);
    }
    return out;
}

} // namespace

const char* screenName(Screen screen) {
    return kScreenNames[static_cast<size_t>(screen)];
}

bool isPlaceKind(std::string_view kind) {
    for (const std::string& k : table().placeKinds)
        if (k == kind) return true;
    return false;
}

bool isProcedureCode(std::string_view code) {
    const RouteTable& t = table();
    if (code.empty() || code.size() > t.procedureMaxLength) return false;
    for (char c : asciiUpper(std::string(code)))
        if (t.procedureCharacters.find(c) == std::string::npos) return false;
    return true;
}

bool isDatasetId(std::string_view id) {
    const RouteTable& t = table();
    if (id.empty() || id.size() > t.datasetMaxLength) return false;
    for (char c : id)
        if (t.datasetCharacters.find(c) == std::string::npos) return false;
    return true;
}

Route parseRoute(std::string_view path, std::string_view query) {
    const QueryParts q = readQuery(query);
    Route route;
    route.screen = Screen::NotFound;
    route.lang = q.lang;
    if (path.empty() || path[0] != '/') return route;
    if (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
    const std::vector<std::string_view> raw = splitPath(path);
    std::vector<std::string> segments;
    for (std::string_view s : raw) {
        if (s.empty()) return route; // "//" or a second trailing slash
        segments.push_back(percentDecode(s, false));
    }
    for (const Pattern& p : table().patterns) {
        if (p.segments.size() != segments.size()) continue;
        Route candidate;
        candidate.lang = q.lang;
        bool ok = true;
        for (size_t i = 0; ok && i < segments.size(); ++i) {
            const std::string& want = p.segments[i];
            ok = want.front() == '{' ? bindParameter(want, segments[i], candidate)
                                     : want == segments[i];
        }
        if (!ok) continue;
        candidate.screen = p.screen;
        if (p.takesQuestion && q.question) candidate.question = questionText(*q.question);
        return candidate;
    }
    return route;
}

Route parseUrl(std::string_view url) {
    url = url.substr(0, url.find('#'));
    const size_t mark = url.find('?');
    if (mark == std::string_view::npos) return parseRoute(url, {});
    return parseRoute(url.substr(0, mark), url.substr(mark + 1));
}

std::string formatRoute(const Route& route) {
    std::string url;
    const Pattern* pattern = nullptr;
    for (const Pattern& p : table().patterns)
        if (p.screen == route.screen) pattern = &p;
    if (!pattern) {
        url = "/not-found";
    } else if (pattern->segments.empty()) {
        url = "/";
    } else {
        for (const std::string& s : pattern->segments) {
            url += '/';
            if (s == "{code}")
                url += percentEncode(route.code);
            else if (s == "{procedure}")
                url += percentEncode(route.procedure);
            else if (s == "{kind}")
                url += percentEncode(route.placeKind);
            else if (s == "{dataset}")
                url += percentEncode(route.dataset);
            else if (s == "{id}")
                url += std::to_string(route.id);
            else
                url += percentEncode(s);
        }
    }
    char sep = '?';
    if (pattern && pattern->takesQuestion && !route.question.empty()) {
        url += "?q=" + percentEncode(route.question);
        sep = '&';
    }
    if (route.lang) {
        url += sep;
        url += "lang=";
        url += languageCode(*route.lang);
    }
    return url;
}

} // namespace motcua
