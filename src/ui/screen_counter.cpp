// The counter terminal: "Đánh giá cán bộ quầy N", the dossier just handled, three huge buttons,
// then a thank-you before it resets for the next citizen.
#include <cstdio>
#include <string>

#include <imgui.h>

#include "ui/rating_widgets.h"
#include "ui/screens.h"
#include "ui/theme.h"
#include "ui/tr.h"
#include "ui/widgets.h"

namespace motcua::ui {

void drawCounterScreen(Context& ctx, const AppState& state, Intents& out) {
    const CounterView& c = state.counter;
    beginPage(ctx, "##counter");
    drawAlertsBanner(ctx, state, out);
    char title[160];
    std::snprintf(title, sizeof title, tr("counter.title"), c.counter);
    heading(title, 1);
    if (c.notSetUp) {
        // Written for the staff who set the tablet up; a citizen at least sees it is not working.
        char notSetUp[512];
        std::snprintf(notSetUp, sizeof notSetUp, tr("counter.not_set_up"), c.counter);
        // Larger than body text and on a card: read from a step away, across the counter.
        beginCard("##not_set_up");
        ImGui::PushFont(nullptr, ImGui::GetStyle().FontSizeBase * 1.25f);
        statusText(notSetUp, color::kDanger);
        ImGui::PopFont();
        endCard();
        endPage(ctx);
        return;
    }
    if (c.phase == CounterView::Phase::Thanks) {
        spacing(2);
        heading(tr("counter.thanks"), 1);
        paragraph(tr("counter.thanks_help"), true);
        endPage(ctx);
        return;
    }
    const bool hasDossier = c.status && c.status->dossier;
    if (!hasDossier) {
        if (c.load == Io::Loading)
            statusText(tr("stats.loading"));
        else
            statusText(tr("counter.waiting"));
        if (!c.message.empty()) statusText(tr(c.message.c_str()), color::kDanger);
        endPage(ctx);
        return;
    }
    const CounterDossier& d = *c.status->dossier;
    beginCard("##dossier");
    const std::string& procedure =
        contentLanguage(state.language) == Language::En && !d.procedure.en.empty()
            ? d.procedure.en
            : d.procedure.name;
    heading(procedure.c_str(), 2);
    char code[120];
    std::snprintf(code, sizeof code, tr("counter.dossier"), d.codeMasked.c_str());
    paragraph(code, true);
    endCard();
    if (d.rated) {
        statusText(tr("counter.already_rated"), color::kSuccess);
        endPage(ctx);
        return;
    }
    paragraph(tr("counter.ask"));
    const float h = std::max(96.0f, ImGui::GetFontSize() * 4.0f);
    const bool sending = c.phase == CounterView::Phase::Sending;
    if (sending) ImGui::BeginDisabled();
    for (RatingLevel level :
         {RatingLevel::VerySatisfied, RatingLevel::Satisfied, RatingLevel::Dissatisfied}) {
        ImGui::PushFont(nullptr, ImGui::GetStyle().FontSizeBase * 1.5f);
        if (ratingChoice(level, false, ratingLevelWords(level), h))
            out.push_back(intent::CounterRate{level});
        ImGui::PopFont();
    }
    if (sending) ImGui::EndDisabled();
    if (c.phase == CounterView::Phase::Failed && !c.message.empty())
        statusText(tr(c.message.c_str()), color::kDanger);
    endPage(ctx);
}

} // namespace motcua::ui
