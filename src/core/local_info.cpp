// Parsers and builders for places, alerts and citizen requests; never throw into the UI.
#include "core/local_info.h"

#include <algorithm>
#include <initializer_list>
#include <utility>

#include <nlohmann/json.hpp>

#include "core/domain_facts.h"
#include "core/dossier.h"
#include "core/json_fields.h"
#include "core/json_guard.h"
#include "core/rating_form.h"
#include "core/utf8.h"

namespace motcua {

namespace {
using nlohmann::json;

// {"items": [...]}: each object's "id" and the string members named in `fields`; anything else in
// an item is ignored and a member of the wrong type reads as "".
template <class T>
using StringFields = std::initializer_list<std::pair<std::string T::*, const char*>>;

template <class T>
Result<std::vector<T>> parseItems(std::string_view text, StringFields<T> fields) {
    using R = Result<std::vector<T>>;
    json doc;
    if (const ParseError e = parseJsonText(text, kMaxJsonBytes, doc); e != ParseError::None)
        return R::failure(e, "not JSON");
    if (!doc.is_object() || !doc.contains("items") || !doc["items"].is_array())
        return R::failure(ParseError::Malformed, "no items array");
    std::vector<T> out;
    for (const json& item : doc["items"]) {
        if (!item.is_object()) continue;
        T value;
        value.id = intField(item, "id");
        for (const auto& [member, key] : fields)
            value.*member = stringField(item, key);
        out.push_back(std::move(value));
    }
    return R::success(std::move(out));
}

// A reply about one request: a JSON object with a positive "id".
Result<json> replyWithId(std::string_view text) {
    json doc;
    if (const ParseError e = parseJsonText(text, kMaxJsonBytes, doc); e != ParseError::None)
        return Result<json>::failure(e, "not JSON");
    if (!doc.is_object() || intField(doc, "id") <= 0)
        return Result<json>::failure(ParseError::MissingField, "id");
    return Result<json>::success(std::move(doc));
}

std::string summaryOf(const std::string& text) {
    // The first ~60 characters on a character boundary.
    size_t bytes = 0, chars = 0;
    while (bytes < text.size() && chars < 60) {
        bytes += std::max<size_t>(1, utf8LeadLength(static_cast<unsigned char>(text[bytes])));
        ++chars;
    }
    bytes = std::min(bytes, text.size());
    return bytes < text.size() ? text.substr(0, bytes) + "…" : text;
}
} // namespace

Result<std::vector<Place>> parsePlaces(std::string_view text) {
    return parseItems<Place>(text, {{&Place::kind, "kind"},
                                    {&Place::name, "name"},
                                    {&Place::description, "description"},
                                    {&Place::address, "address"},
                                    {&Place::phone, "phone"},
                                    {&Place::hours, "hours"},
                                    {&Place::shop, "shop"},
                                    {&Place::route, "route"},
                                    {&Place::timetable, "timetable"},
                                    {&Place::area, "area"},
                                    {&Place::from, "from"},
                                    {&Place::to, "to"}});
}

Result<std::vector<Alert>> parseAlerts(std::string_view text) {
    return parseItems<Alert>(text, {{&Alert::severity, "severity"},
                                    {&Alert::title, "title"},
                                    {&Alert::body, "body"},
                                    {&Alert::area, "area"},
                                    {&Alert::startsAt, "starts_at"},
                                    {&Alert::endsAt, "ends_at"}});
}

std::string validateRequestDraft(const RequestDraft& d) {
    if (!isRequestCategory(d.category)) return "request.error.category";
    if (d.description.find_first_not_of(" \t\r\n") == std::string::npos)
        return "request.error.empty";
    if (!isValidUtf8(d.description)) return "request.error.invalid";
    if (countCharacters(d.description) > kMaxRequestCharacters) return "request.error.too_long";
    return {};
}

std::string requestBodyJson(const RequestDraft& d) {
    json body = {
        {"category", d.category}, {"description", d.description}, {"anonymous", d.anonymous}};
    if (!d.dossierCode.empty()) body["dossier_code"] = d.dossierCode;
    if (!d.contact.empty() && !d.anonymous) body["contact"] = d.contact;
    return body.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string draftToJson(const RequestDraft& d) {
    return json{{"category", d.category},
                {"description", d.description},
                {"dossier_code", d.dossierCode},
                {"contact", d.contact},
                {"anonymous", d.anonymous}}
        .dump(-1, ' ', false, json::error_handler_t::replace);
}

RequestDraft draftFromJson(std::string_view text) {
    RequestDraft d;
    json doc;
    if (parseJsonText(text, kMaxJsonBytes, doc) != ParseError::None || !doc.is_object()) return d;
    if (const std::string c = stringField(doc, "category"); isRequestCategory(c)) d.category = c;
    d.description = stringField(doc, "description");
    d.dossierCode = stringField(doc, "dossier_code");
    d.contact = stringField(doc, "contact");
    d.anonymous = boolField(doc, "anonymous", d.anonymous);
    return d;
}

Result<SentRequest> parseRequestCreated(std::string_view text) {
    using R = Result<SentRequest>;
    const Result<json> reply = replyWithId(text);
    if (!reply) return R::failure(reply.code, reply.error);
    const json& doc = *reply.value;
    if (stringField(doc, "secret").empty()) return R::failure(ParseError::MissingField, "secret");
    SentRequest s;
    s.id = intField(doc, "id");
    s.secret = stringField(doc, "secret");
    s.createdAt = stringField(doc, "created_at");
    return R::success(std::move(s));
}

std::string sentRequestsToJson(const std::vector<SentRequest>& list) {
    json arr = json::array();
    for (const SentRequest& s : list)
        arr.push_back({{"id", s.id},
                       {"secret", s.secret},
                       {"category", s.category},
                       {"summary", s.summary},
                       {"created_at", s.createdAt}});
    return arr.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::vector<SentRequest> sentRequestsFromJson(std::string_view text) {
    std::vector<SentRequest> out;
    json doc;
    if (parseJsonText(text, kMaxJsonBytes, doc) != ParseError::None || !doc.is_array()) return out;
    for (const json& j : doc) {
        if (!j.is_object() || intField(j, "id") <= 0) continue;
        out.push_back({intField(j, "id"), stringField(j, "secret"), stringField(j, "category"),
                       summaryOf(stringField(j, "summary")), stringField(j, "created_at")});
    }
    return out;
}

Result<RequestStatus> parseRequestStatus(std::string_view text) {
    using R = Result<RequestStatus>;
    const Result<json> reply = replyWithId(text);
    if (!reply) return R::failure(reply.code, reply.error);
    const json& doc = *reply.value;
    RequestStatus s;
    s.id = intField(doc, "id");
    s.status = stringField(doc, "status");
    s.statusName = stringField(doc, "status_name");
    s.description = stringField(doc, "description");
    if (auto notes = doc.find("notes"); notes != doc.end() && notes->is_array())
        for (const json& n : *notes)
            if (n.is_object())
                s.notes.push_back(
                    {stringField(n, "unit"), stringField(n, "note"), stringField(n, "created_at")});
    return R::success(std::move(s));
}

} // namespace motcua
