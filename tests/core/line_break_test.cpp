// Wrapping UI text: spaces for Vietnamese, English and Korean; between characters for Chinese and
// Japanese, never starting a line with closing punctuation or ending one with an opening bracket.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/line_break.h"

using namespace motcua;

namespace {
// Monospace stand-in for the font: ASCII 1 unit, everything else 2 (full width).
std::vector<std::string> wrap(const std::string& text, float maxWidth) {
    auto width = [&](size_t b, size_t e) {
        float w = 0;
        for (size_t i = b; i < e; ++i) {
            const auto c = static_cast<unsigned char>(text[i]);
            if (c < 0x80)
                w += 1;
            else if ((c & 0xC0) != 0x80)
                w += 2;
        }
        return w;
    };
    std::vector<std::string> out;
    for (const LineSpan& l : wrapLines(text, maxWidth, width))
        out.push_back(text.substr(l.begin, l.end - l.begin));
    return out;
}
using Lines = std::vector<std::string>;
} // namespace

TEST_CASE("Chinese wraps between characters, and Vietnamese and Korean at spaces", "[wrap]") {
    CHECK(wrap("请扫描回执上的二维码", 8) == Lines{"请扫描回", "执上的二", "维码"});
    CHECK(wrap("Giữ yên điện thoại", 9) == Lines{"Giữ yên", "điện", "thoại"});
    CHECK(wrap("서류 번호 입력", 9) == Lines{"서류 번호", "입력"});
    CHECK(wrap("short", 40) == Lines{"short"});
    CHECK(wrap("", 10) == Lines{""});
}

TEST_CASE("No line starts with closing punctuation or ends with an opening bracket", "[wrap]") {
    // 。 would start the second line at width 6: the character before it moves down with it.
    CHECK(wrap("办件编号。请稍候", 8) == Lines{"办件编", "号。请稍", "候"});
    CHECK(wrap("受付票を「確認」してください", 10) ==
          Lines{"受付票を", "「確認」し", "てください"});
    for (const std::string& line :
         wrap("请输入办件编号，然后点击「查询」。如有问题，请致电中心。", 7)) {
        CHECK(line.rfind("，", 0) != 0);
        CHECK(line.rfind("。", 0) != 0);
        CHECK(line.rfind("」", 0) != 0);
        CHECK(line.find("「") != line.size() - std::string("「").size());
    }
}

TEST_CASE("Latin words inside Chinese stay whole, and too-long runs are cut", "[wrap]") {
    CHECK(wrap("扫描QR码", 6) == Lines{"扫描QR", "码"});
    CHECK(wrap("000.00.12.H42-241124-0001", 10) == Lines{"000.00.12.", "H42-241124", "-0001"});
    CHECK(wrap("第一行\n第二行", 20) == Lines{"第一行", "第二行"});
    CHECK(wrap("a   b", 1) == Lines{"a", "b"});
}

TEST_CASE("Only Han and kana text needs the CJK wrapping", "[wrap]") {
    CHECK(hasCjkText("请扫描"));
    CHECK(hasCjkText("受付票を"));
    CHECK_FALSE(hasCjkText("서류 번호"));
    CHECK_FALSE(hasCjkText("Giữ yên điện thoại – 15–20 cm"));
    CHECK_FALSE(hasCjkText("\xff\xfe broken"));
}
