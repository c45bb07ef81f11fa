// Local information and alerts from the API (places by kind, active alerts), and the citizen's
// questions and complaints (request bodies, stored receipts, status with the centre's answers).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace motcua {

struct Place {
    int64_t id = 0;
    std::string kind; // sight, specialty, bus, power_cut, health, service_centre
    std::string name;
    std::string description;
    std::string address;
    std::string phone;
    std::string hours;
    std::string shop;      // specialty: where to buy
    std::string route;     // bus
    std::string timetable; // bus
    std::string area;      // power cut
    std::string from, to;  // power cut, ISO times
};
Result<std::vector<Place>> parsePlaces(std::string_view json);

struct Alert {
    int64_t id = 0;
    std::string severity; // info, warning, danger (anything else shown as info)
    std::string title;
    std::string body;
    std::string area;
    std::string startsAt, endsAt;
};
Result<std::vector<Alert>> parseAlerts(std::string_view json);

// A question or complaint to send (POST /api/v1/requests).
struct RequestDraft {
    std::string category = "question"; // a code of assets/domain/request_categories.json
    std::string description;
    std::string dossierCode;
    std::string contact;
    bool anonymous = false;
};
constexpr size_t kMaxRequestCharacters = 4000;
// An i18n key of the first problem ("request.error.*"), or empty when the draft can be sent.
std::string validateRequestDraft(const RequestDraft& draft);
std::string requestBodyJson(const RequestDraft& draft);
std::string draftToJson(const RequestDraft& draft);
RequestDraft draftFromJson(std::string_view json);

// What the device keeps of a sent request so the citizen can follow it.
struct SentRequest {
    int64_t id = 0;
    std::string secret;
    std::string category;
    std::string summary; // the first words of the description
    std::string createdAt;
};
Result<SentRequest> parseRequestCreated(std::string_view json);
std::string sentRequestsToJson(const std::vector<SentRequest>& list);
std::vector<SentRequest> sentRequestsFromJson(std::string_view json);

struct RequestNote {
    std::string unit;
    std::string note;
    std::string createdAt;
};
struct RequestStatus {
    int64_t id = 0;
    std::string status;     // open, in_progress, answered, closed
    std::string statusName; // in the requested language
    std::string description;
    std::vector<RequestNote> notes;
};
Result<RequestStatus> parseRequestStatus(std::string_view json);

} // namespace motcua
