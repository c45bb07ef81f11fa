// The page for an address no screen has (an old or mistyped link): says so, and leads home.
#include "ui/screens.h"
#include "ui/tr.h"
#include "ui/widgets.h"

namespace motcua::ui {

void drawNotFoundScreen(Context& ctx, const AppState& state, Intents& out) {
    beginPage(ctx, "##not_found");
    drawAlertsBanner(ctx, state, out);
    heading(tr("notfound.title"), 1);
    paragraph(tr("notfound.body"));
    spacing();
    if (button(tr("notfound.home"))) out.push_back(intent::Navigate{Screen::Home});
    endPage(ctx);
}

} // namespace motcua::ui
