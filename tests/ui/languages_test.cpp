// Korean, Chinese and Japanese for tourists: the choice, English until the CJK font has
// arrived, the font merged into the atlas, fallback to English for keys they lack, remembered.
#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>

#include "ui/widgets.h"
#include "ui_harness.h"

using namespace motcua;
using namespace motcua::test;

namespace {

std::string fileBytes(const char* path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}
std::string cjkFontBytes() {
    return fileBytes(MOTCUA_CJK_FONT);
}

// Answers the pending request for the CJK font (others stay queued); false if none is waiting.
bool answerFontRequest(Harness& h, int status, std::string body, bool bold = false) {
    const std::string& url =
        bold ? host::nativeRecord().cjkBoldFontUrl : host::nativeRecord().cjkFontUrl;
    auto& pending = h.http.pending();
    for (auto it = pending.begin(); it != pending.end(); ++it) {
        if (it->cancelled || it->request.url != url) continue;
        FakeHttpClient::Pending p = std::move(*it);
        pending.erase(it);
        HttpResponse r;
        r.status = status;
        r.body = std::move(body);
        p.done(r);
        return true;
    }
    return false;
}

int fontRequests(Harness& h) {
    int n = 0;
    for (const auto& p : h.http.pending())
        if (!p.cancelled && p.request.url == host::nativeRecord().cjkFontUrl) ++n;
    return n;
}

} // namespace

TEST_CASE("Korean: English until the font arrives, then Korean on every screen", "[ui][i18n]") {
    const std::string font = cjkFontBytes();
    REQUIRE(font.size() > 10000);
    MemoryStorage kept;
    {
        Harness h;
        h.frames();
        // The labels are in their own script from the first screen; no CJK font asked for yet.
        CHECK(h.find("radio", "한국어"));
        CHECK(h.find("radio", "中文"));
        CHECK(h.find("radio", "日本語"));
        CHECK(fontRequests(h) == 0);
        CHECK(ui::fonts().regular->IsGlyphInFont(0xD55C));       // 한: embedded label glyph
        CHECK_FALSE(ui::fonts().regular->IsGlyphInFont(0xC11C)); // 서: only in the fetched font

        REQUIRE(h.activate("radio", "한국어"));
        CHECK(fontRequests(h) == 1);
        // Waiting for the font: chosen, but shown in English (no boxes), html lang en.
        CHECK(h.find("radio", "한국어")->checked == 1);
        CHECK(h.find("button", "Enter dossier code"));
        CHECK(host::nativeRecord().language == "en");

        REQUIRE(answerFontRequest(h, 200, font));
        h.frames();
        CHECK(ui::fonts().regular->IsGlyphInFont(0xC11C));
        CHECK(ui::fonts().bold->IsGlyphInFont(0xC11C));
        CHECK(h.find("heading", "서류 찾기"));
        CHECK(h.find("button", "서류 번호 입력"));
        CHECK(h.find("button", "접수증의 QR 코드 스캔"));
        CHECK(host::nativeRecord().language == "ko");
        // Then the bold face: until it comes, bold text has the regular CJK glyphs; a broken
        // download changes nothing; the real one makes headings bold in Korean too.
        auto boldHasCjkBold = [] {
            for (const ImFontConfig* src : ui::fonts().bold->Sources)
                if (std::string(src->Name) == "Noto Sans CJK Bold" &&
                    std::string(ui::fonts().bold->Sources[0]->Name) == "Noto Sans Bold")
                    return src->FontData != nullptr;
            return false;
        };
        const bool mergedRegular = ui::fonts().bold->Sources.Size == 2;
        CHECK(mergedRegular);
        REQUIRE(answerFontRequest(h, 200, "<html>not a font</html>", true));
        h.frames();
        CHECK(ui::fonts().bold->IsGlyphInFont(0xC11C));
        h.app->apply(intent::SetLanguage{Language::Ko});
        REQUIRE(answerFontRequest(h, 200, fileBytes(MOTCUA_CJK_BOLD_FONT), true));
        h.frames();
        CHECK(ui::fonts().bold->IsGlyphInFont(0xC11C));
        CHECK(ui::fonts().bold->Sources.Size == 2);
        CHECK(boldHasCjkBold());
        CHECK(h.find("heading", "서류 찾기"));
        // Beyond the home screen too: the lookup form is Korean.
        REQUIRE(h.activate("button", "서류 번호 입력"));
        CHECK(h.find("heading", "서류 번호 입력"));
        CHECK(h.find("button", "조회"));
        // Other languages that need it reuse the merged font: no second request.
        h.app->apply(intent::SetLanguage{Language::Ja});
        h.app->apply(intent::Navigate{Screen::Home});
        h.frames();
        CHECK(fontRequests(h) == 0);
        CHECK(h.find("button", "書類番号を入力"));
        h.app->apply(intent::SetLanguage{Language::Ko});
        kept = h.storage;
    }
    // Remembered: the next start asks for the font again and then speaks Korean.
    Harness again(&kept);
    again.frames();
    CHECK(again.find("radio", "한국어")->checked == 1);
    REQUIRE(answerFontRequest(again, 200, font));
    again.frames();
    CHECK(again.find("button", "서류 번호 입력"));
    // Every screen still renders with the CJK font at every viewport.
    for (const Viewport& vp : kViewports) {
        again.viewport = vp;
        for (const Screen screen :
             {Screen::Home, Screen::Lookup, Screen::Procedures, Screen::Places, Screen::Stats}) {
            again.app->apply(intent::Navigate{screen});
            REQUIRE_NOTHROW(again.frames());
        }
    }
}

TEST_CASE("Chinese without its font stays in English and asks again when back online",
          "[ui][i18n]") {
    Harness h;
    h.frames();
    REQUIRE(h.activate("radio", "中文"));
    REQUIRE(answerFontRequest(h, 0, ""));
    h.frames();
    CHECK(h.find("radio", "中文")->checked == 1);
    CHECK(h.find("button", "Enter dossier code"));
    CHECK(fontRequests(h) == 0);
    h.app->networkOnline();
    CHECK(fontRequests(h) == 1);
    REQUIRE(answerFontRequest(h, 200, "not a font"));
    h.frames();
    CHECK(h.find("button", "Enter dossier code")); // a broken font is refused, no assert
    // Back to Vietnamese: no fallback table in the way.
    REQUIRE(h.activate("radio", "Tiếng Việt"));
    CHECK(h.find("button", "Nhập mã hồ sơ"));
}
