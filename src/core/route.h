// The app's addresses, one per screen (assets/domain/routes.json, which the server reads too):
// which screen a URL's path and query name, and the URL of a screen. A route never holds a secret:
// a receipt's stays in the fragment (#k=), a request's on the device.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/i18n.h"

namespace motcua {

enum class Screen {
    NotFound, // no screen has this address
    Home,
    Dossier, // /d/<code>
    Rate,    // /d/<code>/rate
    Scan,
    Lookup,
    Procedures,
    Procedure, // /procedures/<code>
    Ask,       // /ask?q= (the procedures screen with a question answered)
    Requests,
    RequestForm, // /requests/new
    Request,     // /requests/<id> (the requests screen following one)
    Places,      // /places/<kind>
    Place,       // /places/<kind>/<id> (the places screen showing one)
    Stats,
    Datasets, // /lookups: the province's other look-ups
    Dataset,  // /lookups/<id>: one of them, its form and answer
    // Screens without an address of their own: an overlay over the screen it was opened from,
    // and the counter tablet's only screen.
    Alerts,
    Counter,
};
// The screens with an address: those before Alerts.
constexpr size_t kScreenCount = static_cast<size_t>(Screen::Dataset) + 1;

// The name routes.json uses ("procedure"); "not_found" for NotFound, "alerts", "counter".
const char* screenName(Screen screen);

struct Route {
    Screen screen = Screen::Home;
    std::string code;             // Dossier, Rate: a valid dossier code, normalised
    std::string procedure;        // Procedure: a procedure code, upper case
    std::string placeKind;        // Places, Place: one of routes.json's place_kinds
    std::string dataset;          // Dataset: its id (lower-case letters, digits, '-')
    int64_t id = 0;               // Request, Place: > 0
    std::string question;         // Ask: what was asked (NFC, no control characters); may be empty
    std::optional<Language> lang; // ?lang=: the language to open in

    bool operator==(const Route&) const = default;
};

// `path` is the URL's path as sent (percent-encoded, starting with '/'), `query` what follows '?'
// (without it, and without the fragment). One trailing slash is ignored; anything that is not a
// screen's address, or whose parameters are invalid, is Screen::NotFound (keeping ?lang=).
// Parameters other than a screen's own and lang are ignored.
Route parseRoute(std::string_view path, std::string_view query);
// Splits "path?query#fragment" and parses it; the fragment is dropped.
Route parseUrl(std::string_view url);
// The canonical URL (path and query) of a route; parseRoute gives the route back. NotFound has no
// address of its own: "/not-found" (which no screen uses), with ?lang= when set.
std::string formatRoute(const Route& route);

// The place kinds and procedure code rules of routes.json.
bool isPlaceKind(std::string_view kind);
bool isProcedureCode(std::string_view code); // after upper-casing
bool isDatasetId(std::string_view id);

} // namespace motcua
