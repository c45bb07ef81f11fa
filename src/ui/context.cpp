// The one pointer to the bound UI context, as ImGui keeps one to its own.
#include "ui/context.h"

#include <cassert>

namespace motcua::ui {

namespace {
Context* g_context = nullptr;
} // namespace

Context& context() {
    assert(g_context && "no ui::Context bound: create a ui::Shell first");
    return *g_context;
}

void bindContext(Context* context) {
    g_context = context;
}

void unbindContext(const Context* context) {
    if (g_context == context) g_context = nullptr;
}

} // namespace motcua::ui
