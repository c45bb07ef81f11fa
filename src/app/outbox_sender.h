// Ratings and questions that are never lost: the rating form and the request form put what the
// citizen sent into the outbox on the device (core/outbox.h), and this delivers one item at a time
// with backoff until the server confirms, then follows the answers to sent requests. (Named for
// what it does with core's Outbox, the list it keeps.) It writes AppState's rating, request and
// outbox, and opens the rate, dossier, request and requests screens.
#pragma once

#include <functional>
#include <string>

#include "app/app_state.h"
#include "platform/http_client.h"
#include "platform/storage.h"

namespace motcua {

class OutboxSender {
  public:
    OutboxSender(HttpClient& http, Storage& storage, AppState& state)
        : m_http(http), m_storage(storage), m_state(state) {}

    // Reads the outbox, the request draft and the sent requests kept on the device.
    void load();
    void save();
    // The rating form for the open dossier.
    void startRating();
    void setRatingLevel(RatingField field, RatingLevel level);
    void setRatingVisits(Visits visits);
    void submitRating();
    // The question or complaint form.
    void openRequestForm(const std::string& question);
    void setRequestCategory(const std::string& category);
    void sendRequest();
    void followRequest(int64_t id);
    // Each frame: delivers what is due and keeps the draft saved.
    void tick();
    void networkOnline();

    // An item reached the server (a dossier on screen may now show its rating).
    std::function<void(const std::string& dossierCode)> onDelivered;

  private:
    void pump();
    void sendRating(const std::string& key);
    void sendQueued(const std::string& key);
    void fileAnswer(const std::string& key, int status, int retryAfter, const std::string& code);
    void requestDelivered(const std::string& key, const SentRequest& created);
    void saveDraftIfChanged();

    HttpClient& m_http;
    Storage& m_storage;
    AppState& m_state;
    int m_request = 0; // the delivery in flight
    std::string m_savedDraft;
};

} // namespace motcua
