// The current language's strings for the screens.
#include "ui/tr.h"

#include "ui/context.h"

namespace motcua::ui {
const char* tr(const char* key) {
    const Strings* strings = context().strings;
    return strings ? strings->get(key) : key;
}

} // namespace motcua::ui
