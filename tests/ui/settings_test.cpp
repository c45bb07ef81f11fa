// The Settings controller on its own, over the fake HTTP client: choices saved on the device and
// read at the next start, the text scale kept in range, a kiosk remembering nothing, and a CJK
// language shown in English until its font arrives.
#include <catch2/catch.hpp>

#include "app/settings.h"
#include "platform/native/fake_http_client.h"
#include "platform/native/host_native.h"
#include "platform/native/memory_storage.h"

using namespace motcua;

namespace {

// The UI's font atlas, as far as Settings can tell: what it was handed.
struct FontsHanded : FontSink {
    int regular = 0, bold = 0;
    bool addCjkFont(const unsigned char*, std::size_t) override { return ++regular > 0; }
    bool addCjkBoldFont(const unsigned char*, std::size_t) override { return ++bold > 0; }
};

struct Fixture {
    FakeHttpClient http;
    FontsHanded fonts;
    MemoryStorage storage;
    Language language = Language::Vi;
    float textScale = 1.0f;
    bool kiosk = false;
    Settings settings{http, storage, fonts, language, textScale, kiosk};

    Fixture() { host::nativeRecord() = host::NativeHostRecord{}; }
};

} // namespace

TEST_CASE("Settings: a choice is saved and comes back at the next start", "[settings]") {
    Fixture f;
    f.settings.setLanguage(Language::Vi);
    CHECK(std::string(f.settings.strings().get("home.scan")) == "Quét mã QR trên giấy hẹn");
    f.settings.choose(Language::En);
    f.settings.chooseTextScale(5.0f);
    CHECK(f.textScale == 2.0f); // 200 % at most
    CHECK(std::string(f.settings.strings().get("home.scan")) != "Quét mã QR trên giấy hẹn");
    CHECK(host::nativeRecord().language == "en");
    Fixture next;
    next.storage = f.storage;
    next.settings.setLanguage(Language::Vi);
    next.settings.load();
    CHECK(next.language == Language::En);
    CHECK(next.textScale == 2.0f);
    CHECK(next.settings.takeStyleDirty());
    CHECK_FALSE(next.settings.takeStyleDirty());
}

TEST_CASE("Settings: a kiosk neither saves nor reads the citizen's choices", "[settings]") {
    Fixture f;
    f.storage.save("motcua.settings", R"({"language":"en","text_scale":2})");
    f.kiosk = true;
    f.settings.load();
    CHECK(f.language == Language::Vi);
    f.settings.choose(Language::En);
    CHECK(f.storage.values().at("motcua.settings") == R"({"language":"en","text_scale":2})");
}

TEST_CASE("Settings: Korean shows English until its font arrives, asked again when online",
          "[settings]") {
    Fixture f;
    int shownChanges = 0;
    f.settings.onShownLanguage = [&] { ++shownChanges; };
    f.settings.choose(Language::Ko);
    CHECK(f.language == Language::Ko);
    CHECK(f.settings.shownLanguage() == Language::En);
    CHECK(host::nativeRecord().language == "en");
    CHECK(shownChanges == 1);
    REQUIRE(f.http.pending().size() == 1);
    CHECK(f.http.pending().front().request.url == "/cjk.test.otf");
    REQUIRE(f.http.respond(0, "")); // offline
    CHECK(f.settings.shownLanguage() == Language::En);
    f.settings.networkOnline();
    REQUIRE(f.http.pending().size() == 1);
    CHECK(f.http.pending().front().request.url == "/cjk.test.otf");
}
