// The dossier as the server describes it (docs/dossier_payload.md) and the parsers for every
// response that carries one (dossier.cpp; the reply envelopes in dossier_responses.cpp). Parsers
// never throw: they return Result with an error code.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/result.h"

namespace motcua {

constexpr size_t kMaxJsonBytes = 1024 * 1024;

// A timestamp as received (shown verbatim if ever needed) and as UTC epoch seconds.
struct DateTime {
    std::string text;
    int64_t epoch = 0;
};

struct LocalizedName {
    std::string name; // in the requested language
    std::string vi;   // empty when the server sent no "names"
    std::string en;
};

struct Procedure {
    std::string code;
    LocalizedName name;
};

struct Agency {
    std::string code;
    LocalizedName name;
};

enum class Channel { Counter, Online, Post, Unknown };

struct DueChange {
    std::optional<DateTime> previousDueAt;
    std::optional<DateTime> dueAt;
    bool apology = false;
    std::string reason;
    std::optional<DateTime> issuedAt;
};

struct Holder {
    std::string unit;
    std::string role;
};

struct Step {
    int seq = 0;
    std::string unit;
    std::string role;
    std::string action;
    int status = 0;
    std::optional<DateTime> startedAt;
    std::optional<DateTime> handledAt; // empty: still in progress
    std::optional<DateTime> deadline;
};

enum class SupplementState { Open, Fulfilled, Unknown };

struct Supplement {
    int64_t id = 0;
    std::string content;
    std::optional<DateTime> requestedAt;
    std::optional<DateTime> deadline;
    SupplementState state = SupplementState::Unknown;
    std::optional<DateTime> oldDueAt;
    std::optional<DateTime> newDueAt;
};

struct Fee {
    std::string name;
    int64_t amount = 0; // đồng
    bool paid = false;
    std::string paymentReference; // the exact transfer content; empty: not payable by transfer
};

// The handling agency's collection account, for paying fees by transfer (VietQR).
struct PaymentAccount {
    std::string bankBin; // NAPAS BIN, six digits
    std::string bankName;
    std::string accountNumber;
    std::string accountName;
};

struct ResultDocument {
    std::string name;
    std::string collectPlace;
    std::optional<DateTime> collectFrom;
};

enum class RatingLevel { VerySatisfied, Satisfied, Dissatisfied };
enum class Visits { Zero, One, More };

struct Rating {
    RatingLevel overall = RatingLevel::Satisfied;
    std::optional<RatingLevel> attitude;
    std::optional<RatingLevel> onTime;
    std::optional<RatingLevel> ease;
    std::optional<Visits> visits;
    std::optional<std::string> comment;
    std::optional<DateTime> createdAt;
};

struct Dossier {
    // Required by the parser.
    std::string code;
    int64_t version = 0;
    int status = 0;
    bool statusKnown = false; // false: a code this app does not know; shown as "unknown"
    DateTime receivedAt;
    DateTime dueAt;

    Procedure procedure;
    Agency agency;
    std::string owner; // already initials ("Nguyễn V. A.")
    Channel channel = Channel::Unknown;
    std::optional<DateTime> originalDueAt;
    std::vector<DueChange> dueHistory;
    std::string statusName;
    std::string statusNote;
    std::optional<Holder> holder;
    std::optional<DateTime> completedAt;
    std::optional<DateTime> returnedAt;
    std::vector<Step> steps;
    std::vector<Supplement> supplements;
    std::vector<Fee> fees;
    std::optional<PaymentAccount> paymentAccount;
    std::vector<ResultDocument> results;
    bool ratingEligible = false;
    std::optional<Rating> rating;
    std::optional<DateTime> updatedAt;

    // Things the parser tolerated (unknown status, optional fields of the wrong type, ...).
    std::vector<std::string> warnings;
    // The dossier object exactly as received, re-serialised: what the device caches.
    std::string sourceJson;
};

Result<Dossier> parseDossier(std::string_view json);
Result<Dossier> parseDossierJson(const nlohmann::json& object);

// POST /api/v1/dossiers/lookup → {"token", "expires_in", "dossier"}.
struct LookupResponse {
    std::string token;
    int64_t expiresIn = 0; // seconds; 0 when absent
    Dossier dossier;
};
Result<LookupResponse> parseLookupResponse(std::string_view json);

// GET /api/v1/dossiers/{code}/changes → {"changed", "version", "dossier"?}.
struct ChangesResponse {
    bool changed = false;
    int64_t version = 0;
    std::optional<Dossier> dossier; // present when changed
};
Result<ChangesResponse> parseChangesResponse(std::string_view json);

// Error bodies: {"errors": [{"code", "description"}]} (Open311 style; code may be a number).
struct ApiError {
    std::string code;
    std::string description;
};
Result<std::vector<ApiError>> parseApiErrors(std::string_view json);

// The device cache keeps the dossier JSON text; parsing it back goes through the same checks.
std::string serializeDossierForCache(const Dossier& dossier);
Result<Dossier> parseDossierFromCache(std::string_view text);

const char* ratingLevelKey(RatingLevel level); // "very_satisfied", "satisfied", "dissatisfied"
std::optional<RatingLevel> ratingLevelFromKey(std::string_view key);
const char* visitsKey(Visits visits); // "0", "1", "more"

} // namespace motcua
