// Offset conversions for the text agent and its shared state.
#include "ui/text_agent.h"

#include "ui/context.h"

namespace motcua::ui {

TextAgent& textAgent() {
    return context().textAgent;
}

namespace {
int sequenceLength(unsigned char lead) {
    if (lead < 0x80) return 1;
    if ((lead >> 5) == 0x6) return 2;
    if ((lead >> 4) == 0xE) return 3;
    if ((lead >> 3) == 0x1E) return 4;
    return 1;
}
} // namespace

int utf8ToUtf16Offset(const std::string& text, int byteOffset) {
    int units = 0;
    for (int i = 0; i < byteOffset && i < static_cast<int>(text.size());) {
        const int len = sequenceLength(static_cast<unsigned char>(text[i]));
        units += len == 4 ? 2 : 1;
        i += len;
    }
    return units;
}

int utf16ToUtf8Offset(const std::string& text, int utf16Offset) {
    int units = 0;
    int i = 0;
    while (i < static_cast<int>(text.size()) && units < utf16Offset) {
        const int len = sequenceLength(static_cast<unsigned char>(text[i]));
        units += len == 4 ? 2 : 1;
        i += len;
    }
    return i > static_cast<int>(text.size()) ? static_cast<int>(text.size()) : i;
}

} // namespace motcua::ui
