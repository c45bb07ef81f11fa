// The current language's strings for the screens.
#include "ui/tr.h"

namespace motcua::ui {
namespace {
const Strings* g_strings = nullptr;
}

void setStrings(const Strings* strings) {
    g_strings = strings;
}

const char* tr(const char* key) {
    return g_strings ? g_strings->get(key) : key;
}

} // namespace motcua::ui
