// The lookup screen: type the dossier code and the secret printed on the receipt.
#include <imgui.h>

#include "core/dossier_code.h"
#include "ui/screens.h"
#include "ui/theme.h"
#include "ui/tr.h"
#include "ui/widgets.h"

namespace motcua::ui {

void drawLookupScreen(Context& ctx, AppState& state, Intents& out) {
    beginPage(ctx, "##lookup");
    drawAlertsBanner(ctx, state, out);
    if (backButton()) out.push_back(intent::Navigate{Screen::Home});
    heading(tr("lookup.title"), 1);
    paragraph(tr("lookup.help"), true);
    spacing();
    beginCard("##form");
    bool submit = textField(tr("lookup.code"), state.lookup.code,
                            {.hint = "000.00.12.H42-241124-0001",
                             .inputMode = "upper",
                             .uppercase = true,
                             .maxLength = 300});
    // Checked as they type: a hint that says what is wrong with the code, or that it looks right.
    const CodeHint hint = codeHint(state.lookup.code);
    if (hint != CodeHint::Empty) {
        const ImU32 col = hint == CodeHint::Valid        ? color::kSuccess
                          : hint == CodeHint::Incomplete ? color::kTextMuted
                                                         : color::kDanger;
        statusText(tr(codeHintKey(hint)), col);
    }
    submit |=
        textField(tr("lookup.secret"), state.lookup.secret,
                  {.hint = "ABC234", .inputMode = "upper", .uppercase = true, .maxLength = 32});
    spacing(0.5f);
    const bool loading = state.lookup.state == Io::Loading;
    if (loading) ImGui::BeginDisabled();
    if (button(loading ? tr("lookup.searching") : tr("lookup.submit")) || (submit && !loading))
        out.push_back(intent::SubmitLookup{});
    if (loading) ImGui::EndDisabled();
    if (!state.lookup.message.empty()) statusText(tr(state.lookup.message.c_str()), color::kDanger);
    endCard();
    endPage(ctx);
}

} // namespace motcua::ui
