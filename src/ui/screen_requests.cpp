// Questions and complaints: a form whose draft stays on the device, and the requests sent with
// their status and the centre's answers.
#include <cstdio>
#include <string>

#include <imgui.h>

#include "ui/screens.h"
#include "ui/theme.h"
#include "ui/tr.h"
#include "ui/widgets.h"

namespace motcua::ui {

void drawRequestScreen(Context& ctx, AppState& state, Intents& out) {
    RequestView& r = state.request;
    beginPage(ctx, "##request");
    drawAlertsBanner(ctx, state, out);
    if (backButton()) out.push_back(intent::Navigate{Screen::Procedures});
    heading(tr("request.title"), 1);
    paragraph(tr("request.help"), true);
    beginCard("##form");
    heading(tr("request.category"), 2);
    const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    if (choice(tr("request.question"), r.draft.category == "question", half))
        out.push_back(intent::SetRequestCategory{"question"});
    ImGui::SameLine();
    if (choice(tr("request.complaint"), r.draft.category == "complaint", half))
        out.push_back(intent::SetRequestCategory{"complaint"});
    textField(tr("request.description"), r.draft.description,
              {.hint = tr("request.description_hint"), .maxLength = 12000});
    textField(tr("request.dossier_code"), r.draft.dossierCode,
              {.hint = "000.00.12.H42-241124-0001",
               .inputMode = "upper",
               .uppercase = true,
               .maxLength = 64});
    if (choice(tr("request.anonymous"), r.draft.anonymous, ImGui::GetContentRegionAvail().x))
        out.push_back(intent::SetRequestAnonymous{!r.draft.anonymous});
    if (!r.draft.anonymous)
        textField(tr("request.contact"), r.draft.contact,
                  {.hint = tr("request.contact_hint"), .maxLength = 200});
    paragraph(tr("request.draft_kept"), true);
    // The draft waits in the outbox until the server has it: say honestly where it is.
    const auto queued = r.pendingKey.empty() ? std::nullopt : state.outbox.stateOf(r.pendingKey);
    const bool waiting =
        queued && (*queued == OutboxState::Pending || *queued == OutboxState::Sending);
    if (waiting) ImGui::BeginDisabled();
    if (button(queued == OutboxState::Sending ? tr("request.sending") : tr("request.send")))
        out.push_back(intent::SendRequest{});
    if (waiting) ImGui::EndDisabled();
    if (queued == OutboxState::Pending) statusText(tr("request.saved"), color::kWarning);
    if (queued == OutboxState::Failed) statusText(tr("request.error.rejected"), color::kDanger);
    if (!r.problem.empty()) statusText(tr(r.problem.c_str()), color::kDanger);
    endCard();
    endPage(ctx);
}

void drawRequestsScreen(Context& ctx, const AppState& state, Intents& out) {
    const RequestView& r = state.request;
    beginPage(ctx, "##requests");
    drawAlertsBanner(ctx, state, out);
    if (backButton()) out.push_back(intent::Navigate{Screen::Home});
    heading(tr("requests.title"), 1);
    if (r.send == Io::Done) statusText(tr("request.sent"), color::kSuccess);
    if (r.status) {
        beginCard("##status");
        char title[80];
        std::snprintf(title, sizeof title, tr("requests.number"),
                      static_cast<long long>(r.status->id));
        heading(title, 2);
        statusText(r.status->statusName.c_str(),
                   r.status->status == "answered" ? color::kSuccess : color::kPrimary);
        paragraph(r.status->description.c_str(), true);
        for (size_t i = 0; i < r.status->notes.size(); ++i) {
            ImGui::PushID(static_cast<int>(i));
            const RequestNote& n = r.status->notes[i];
            paragraph((n.unit.empty() ? n.note : n.unit + ": " + n.note).c_str());
            ImGui::PopID();
        }
        if (r.status->notes.empty()) paragraph(tr("requests.no_answer"), true);
        endCard();
    } else if (r.follow == Io::Loading) {
        statusText(tr("stats.loading"));
    } else if (r.follow == Io::Failed) {
        statusText(tr("error.offline"), color::kDanger);
    }
    for (const SentRequest& s : r.sent) {
        ImGui::PushID(static_cast<int>(s.id));
        char label[300];
        std::snprintf(label, sizeof label, tr("requests.item"), static_cast<long long>(s.id),
                      s.summary.c_str());
        if (button(label, ButtonKind::Secondary)) out.push_back(intent::FollowRequest{s.id});
        ImGui::PopID();
    }
    endPage(ctx);
}

} // namespace motcua::ui
