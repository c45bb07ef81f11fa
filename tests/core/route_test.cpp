// The app's addresses: every screen's URL parses back to it, what is not an address of ours is
// "not found", and no URL the app writes carries a receipt secret.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/dossier_code.h"
#include "core/route.h"
#include "core/vn_compose.h"

using namespace motcua;

namespace {

const std::string kCode = "000.00.12.H42-241124-0001";

Route make(Screen screen) {
    Route r;
    r.screen = screen;
    return r;
}

std::vector<Route> everyScreen() {
    std::vector<Route> out;
    for (Screen s :
         {Screen::Home, Screen::Scan, Screen::Lookup, Screen::Procedures, Screen::Requests,
          Screen::RequestForm, Screen::Stats, Screen::Datasets, Screen::NotFound})
        out.push_back(make(s));
    Route dossier = make(Screen::Dossier);
    dossier.code = kCode;
    out.push_back(dossier);
    Route rate = make(Screen::Rate);
    rate.code = kCode;
    out.push_back(rate);
    Route procedure = make(Screen::Procedure);
    procedure.procedure = "1.004873";
    out.push_back(procedure);
    Route ask = make(Screen::Ask);
    ask.question = "Đăng ký khai sinh cần giấy tờ gì? 100% & a+b=c / #1";
    out.push_back(ask);
    out.push_back(make(Screen::Ask)); // nothing asked yet
    Route request = make(Screen::Request);
    request.id = 9223372036854775807LL;
    out.push_back(request);
    Route dataset = make(Screen::Dataset);
    dataset.dataset = "exam-results";
    out.push_back(dataset);
    for (const char* kind :
         {"sight", "specialty", "bus", "power_cut", "health", "service_centre"}) {
        Route places = make(Screen::Places);
        places.placeKind = kind;
        out.push_back(places);
        Route place = places;
        place.screen = Screen::Place;
        place.id = 12;
        out.push_back(place);
    }
    return out;
}

} // namespace

TEST_CASE("every screen's URL parses back to the same screen, in every language", "[route]") {
    for (Route r : everyScreen()) {
        for (std::optional<Language> lang :
             {std::optional<Language>{}, std::optional{Language::Vi}, std::optional{Language::En},
              std::optional{Language::Ko}, std::optional{Language::Zh},
              std::optional{Language::Ja}}) {
            r.lang = lang;
            const std::string url = formatRoute(r);
            INFO(url);
            CHECK(parseUrl(url) == r);
        }
    }
}

TEST_CASE("the addresses are the ones people share", "[route]") {
    Route r = make(Screen::Procedure);
    r.procedure = "1.004873";
    r.lang = Language::En;
    CHECK(formatRoute(r) == "/procedures/1.004873?lang=en");
    CHECK(formatRoute(make(Screen::Home)) == "/");
    Route place = make(Screen::Place);
    place.placeKind = "sight";
    place.id = 3;
    CHECK(formatRoute(place) == "/places/sight/3");
    Route ask = make(Screen::Ask);
    ask.question = "hộ khẩu";
    ask.lang = Language::Vi;
    CHECK(formatRoute(ask) == "/ask?q=h%E1%BB%99%20kh%E1%BA%A9u&lang=vi");
    Route rate = make(Screen::Rate);
    rate.code = kCode;
    CHECK(formatRoute(rate) == "/d/" + kCode + "/rate");
}

TEST_CASE("what people type or receive is read leniently where it is safe", "[route]") {
    // a code as typed on a receipt link, in lower case and percent-encoded
    Route d = parseRoute("/d/000.00.12.h42-241124-0001", "");
    CHECK(d.screen == Screen::Dossier);
    CHECK(d.code == kCode);
    CHECK(parseRoute("/d/000%2E00%2E12%2EH42-241124-0001/rate", "").screen == Screen::Rate);
    // one trailing slash, other parameters, a repeated lang (the first counts)
    CHECK(parseRoute("/procedures/", "utm_source=zalo").screen == Screen::Procedures);
    const Route p = parseRoute("/procedures/1.004873", "lang=en&lang=vi&fbclid=x");
    CHECK(p.screen == Screen::Procedure);
    CHECK(p.lang == Language::En);
    CHECK(parseRoute("/places/sight/007", "").id == 7);
    // an unknown language is ignored, not an error
    const Route home = parseRoute("/", "lang=fr");
    CHECK(home.screen == Screen::Home);
    CHECK_FALSE(home.lang.has_value());
    // '+' is a space in a query, the question is trimmed, NFD becomes NFC
    CHECK(parseRoute("/ask", "q=+khai+sinh+").question == "khai sinh");
    CHECK(parseRoute("/ask", "q=Vie%CC%A3%CC%82t").question == "Việt");
    CHECK(parseRoute("/ask", "q=a%00b%0Ac").question == "a b c");
    CHECK(parseRoute("/ask", "q=%FF").question == "\xEF\xBF\xBD");
    CHECK(parseRoute("/ask", "q=" + std::string(300, 'x')).question.size() == 200);
}

TEST_CASE("anything else is not found, keeping the language", "[route]") {
    for (const char* path : {"",
                             "procedures",
                             "/x",
                             "/d",
                             "/d/",
                             "/d/not-a-code",
                             "/d/000.00.12.H42-241324-0001",
                             "/d/"
                             "000.00.12.H42-241124-0001/rate/x",
                             "/d/000.00.12.H42-241124-0001/other",
                             "/procedures/1.004873/x",
                             "/procedures/a%2Fb",
                             "/procedures/"
                             "1.00487300000000000000000000000000000",
                             "/procedures/h%E1%BB%99",
                             "/places",
                             "/places/castle",
                             "/places/Sight",
                             "/places/sight/0",
                             "/places/sight/-1",
                             "/places/sight/1x",
                             "/places/sight/9223372036854775808",
                             "/requests/0",
                             "/lookups/Exam",
                             "/lookups/a_b",
                             "/requests/abc",
                             "/requests/+5",
                             "/Stats",
                             "//stats",
                             "/stats//",
                             "/scan/extra",
                             "/index.html",
                             "/not-found",
                             "/%2F",
                             "/ask/x"}) {
        INFO(path);
        const Route r = parseRoute(path, "lang=ja");
        CHECK(r.screen == Screen::NotFound);
        CHECK(r.lang == Language::Ja);
        CHECK(parseUrl(formatRoute(r)) == r);
    }
}

TEST_CASE("no URL the app writes carries a secret", "[route]") {
    // A receipt link with its secret: the route keeps the code, never the fragment's secret.
    const Route d = parseUrl("/d/" + kCode + "?k=ABCDEF&secret=ABCDEF#k=ABCDEF");
    CHECK(d.screen == Screen::Dossier);
    for (const Route& r : everyScreen()) {
        const std::string url = formatRoute(r);
        INFO(url);
        CHECK(url.find('#') == std::string::npos);
        CHECK(url.find("k=") == std::string::npos);
        CHECK(url.find("secret") == std::string::npos);
    }
    CHECK(formatRoute(d) == "/d/" + kCode);
}

TEST_CASE("screens have the names of the route table", "[route]") {
    CHECK(std::string(screenName(Screen::Procedure)) == "procedure");
    CHECK(std::string(screenName(Screen::NotFound)) == "not_found");
    // every screen but NotFound has an address (the table in assets/domain/routes.json is complete)
    for (size_t i = 1; i < kScreenCount; ++i) {
        const Screen s = static_cast<Screen>(i);
        INFO(screenName(s));
        CHECK(formatRoute(make(s)) != "/not-found");
    }
    CHECK(isPlaceKind("power_cut"));
    CHECK_FALSE(isPlaceKind("castle"));
    CHECK(isProcedureCode("1.004873"));
    CHECK_FALSE(isProcedureCode(""));
}

TEST_CASE("Vietnamese written with combining marks is composed", "[route][vn_compose]") {
    CHECK(composeVietnamese("Vie\xCC\xA3\xCC\x82t Nam") == "Việt Nam");
    CHECK(composeVietnamese("nguye\xCC\x82\xCC\x83n") == "nguyễn");
    CHECK(composeVietnamese("tho\xCC\x9B\xCC\x80i") == "thời");
    CHECK(composeVietnamese("Đà Nẵng") == "Đà Nẵng");
    // é + circumflex has no precomposed form in NFC: kept as it is, and stable
    const std::string odd = "e\xCC\x81\xCC\x82";
    CHECK(composeVietnamese(odd) == "é\xCC\x82");
    CHECK(composeVietnamese(composeVietnamese(odd)) == composeVietnamese(odd));
}
