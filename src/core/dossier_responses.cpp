// The replies that carry a dossier (lookup, long-poll changes) and the API's error bodies: their
// envelopes are checked here, the dossier inside goes through parseDossierJson (dossier.cpp).
#include "core/dossier.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/json_guard.h"
#include "core/payload_reader.h"

namespace motcua {

using nlohmann::json;

namespace {

template <class T> Result<T> fromFailure(const PayloadFailure& f) {
    return Result<T>::failure(f.code, f.detail);
}

template <class T> Result<T> propagate(const Result<Dossier>& inner, const char* prefix) {
    return Result<T>::failure(inner.code, std::string(prefix) + inner.error);
}

} // namespace

Result<LookupResponse> parseLookupResponse(std::string_view text) {
    using R = Result<LookupResponse>;
    try {
        json object;
        if (ParseError e = parseJsonText(text, kMaxJsonBytes, object); e != ParseError::None)
            return R::failure(e, "lookup: not valid JSON or too large");
        if (!object.is_object()) return R::failure(ParseError::Malformed, "lookup: not an object");
        std::vector<std::string> warnings;
        PayloadReader r(object, "", warnings);
        LookupResponse out;
        out.token = r.reqString("token");
        const json* dossier = r.find("dossier");
        if (!dossier) r.fail(ParseError::MissingField, "dossier", "missing");
        if (r.failure().code != ParseError::None) return fromFailure<LookupResponse>(r.failure());
        if (out.token.empty()) return R::failure(ParseError::BadValue, "token: empty");
        out.expiresIn = std::max<int64_t>(0, r.optInt("expires_in").value_or(0));
        auto parsed = parseDossierJson(*dossier);
        if (!parsed) return propagate<LookupResponse>(parsed, "dossier.");
        out.dossier = std::move(*parsed.value);
        return R::success(std::move(out));
    } catch (...) {
        return R::failure(ParseError::Malformed, "lookup: unexpected error");
    }
}

Result<ChangesResponse> parseChangesResponse(std::string_view text) {
    using R = Result<ChangesResponse>;
    try {
        json object;
        if (ParseError e = parseJsonText(text, kMaxJsonBytes, object); e != ParseError::None)
            return R::failure(e, "changes: not valid JSON or too large");
        if (!object.is_object()) return R::failure(ParseError::Malformed, "changes: not an object");
        std::vector<std::string> warnings;
        PayloadReader r(object, "", warnings);
        ChangesResponse out;
        out.changed = r.reqBool("changed");
        out.version = r.reqInt("version");
        if (r.failure().code != ParseError::None) return fromFailure<ChangesResponse>(r.failure());
        if (out.changed) {
            const json* dossier = r.find("dossier");
            if (!dossier) return R::failure(ParseError::MissingField, "dossier: missing");
            auto parsed = parseDossierJson(*dossier);
            if (!parsed) return propagate<ChangesResponse>(parsed, "dossier.");
            out.dossier = std::move(*parsed.value);
        }
        return R::success(std::move(out));
    } catch (...) {
        return R::failure(ParseError::Malformed, "changes: unexpected error");
    }
}

Result<std::vector<ApiError>> parseApiErrors(std::string_view text) {
    using R = Result<std::vector<ApiError>>;
    try {
        json object;
        if (ParseError e = parseJsonText(text, kMaxJsonBytes, object); e != ParseError::None)
            return R::failure(e, "errors: not valid JSON or too large");
        if (!object.is_object()) return R::failure(ParseError::Malformed, "errors: not an object");
        auto it = object.find("errors");
        if (it == object.end() || it->is_null())
            return R::failure(ParseError::MissingField, "errors: missing");
        if (!it->is_array()) return R::failure(ParseError::WrongType, "errors: expected an array");
        std::vector<ApiError> out;
        for (const json& item : *it) {
            if (!item.is_object()) continue;
            ApiError e;
            auto code = item.find("code");
            if (code != item.end()) {
                if (code->is_string())
                    e.code = code->get<std::string>();
                else if (code->is_number_integer())
                    e.code = std::to_string(code->get<int64_t>());
            }
            auto description = item.find("description");
            if (description != item.end() && description->is_string())
                e.description = description->get<std::string>();
            out.push_back(std::move(e));
        }
        return R::success(std::move(out));
    } catch (...) {
        return R::failure(ParseError::Malformed, "errors: unexpected error");
    }
}
} // namespace motcua
