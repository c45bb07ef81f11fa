// Translation lookup for screens: tr("home.title") gives the text in the current language.
#pragma once

#include "core/i18n.h"

namespace motcua::ui {

void setStrings(const Strings* strings);
const char* tr(const char* key);

} // namespace motcua::ui
