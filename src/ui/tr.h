// Translation lookup for screens: tr("home.title") gives the text in the language on show (the
// strings the Shell puts in the UI context each frame).
#pragma once

#include "core/i18n.h"

namespace motcua::ui {

const char* tr(const char* key);

} // namespace motcua::ui
