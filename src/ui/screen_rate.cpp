// The satisfaction form: overall, officer attitude, on time, ease (the official three levels),
// how many times the citizen had to come, and an optional comment with a live count.
#include <cstdio>
#include <string>

#include <imgui.h>

#include "ui/rating_widgets.h"
#include "ui/screens.h"
#include "ui/theme.h"
#include "ui/tr.h"
#include "ui/widgets.h"

namespace motcua::ui {

namespace {

bool hasProblem(const RatingView& r, FormField field) {
    for (const FormProblem& p : r.problems)
        if (p.field == field) return true;
    return false;
}

void problemText(const RatingView& r, FormField field) {
    for (const FormProblem& p : r.problems)
        if (p.field == field) statusText(tr(formProblemKey(p)), color::kDanger);
}

void levelQuestion(const char* id, RatingField field, const char* questionKey,
                   const std::optional<RatingLevel>& value, Intents& out) {
    const char* question = tr(questionKey);
    heading(question, 2);
    ImGui::PushID(id);
    for (RatingLevel level :
         {RatingLevel::VerySatisfied, RatingLevel::Satisfied, RatingLevel::Dissatisfied}) {
        const std::string name = std::string(question) + ": " + ratingLevelWords(level);
        if (ratingChoice(level, value == level, name.c_str()))
            out.push_back(intent::SetRatingLevel{field, level});
    }
    ImGui::PopID();
}

} // namespace

void drawRatingScreen(Context& ctx, AppState& state, Intents& out) {
    RatingView& r = state.rating;
    beginPage(ctx, "##rate");
    drawAlertsBanner(ctx, state, out);
    if (backButton()) out.push_back(intent::Navigate{Screen::Dossier});
    heading(tr("rating.title"), 1);
    paragraph(tr("rating.help"), true);

    beginCard("##overall");
    levelQuestion("overall", RatingField::Overall, "rating.q_overall", r.form.overall, out);
    problemText(r, FormField::Overall);
    endCard();
    beginCard("##criteria");
    levelQuestion("attitude", RatingField::Attitude, "rating.q_attitude", r.form.attitude, out);
    spacing();
    levelQuestion("on_time", RatingField::OnTime, "rating.q_on_time", r.form.onTime, out);
    spacing();
    levelQuestion("ease", RatingField::Ease, "rating.q_ease", r.form.ease, out);
    endCard();

    beginCard("##visits");
    const char* visitsQuestion = tr("rating.q_visits");
    heading(visitsQuestion, 2);
    const char* labels[] = {tr("rating.visits_0"), tr("rating.visits_1"), tr("rating.visits_more")};
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float w = (ImGui::GetContentRegionAvail().x - 2 * gap) / 3;
    for (int i = 0; i < 3; ++i) {
        if (i) ImGui::SameLine();
        ImGui::PushID(i);
        const bool selected = r.form.visits && static_cast<int>(*r.form.visits) == i;
        if (choice(labels[i], selected, w))
            out.push_back(intent::SetRatingVisits{static_cast<Visits>(i)});
        ImGui::PopID();
    }
    problemText(r, FormField::Visits);
    endCard();

    beginCard("##comment");
    // Like every text field, the comment is edited in place: it belongs to the form state, kept
    // across errors.
    std::string& comment = r.form.comment;
    textField(tr("rating.comment"), comment,
              {.hint = tr("rating.comment_hint"), .maxLength = 4000});
    char count[64];
    std::snprintf(count, sizeof count, "%zu / %zu", countCharacters(comment),
                  kMaxCommentCharacters);
    statusText(count, countCharacters(comment) > kMaxCommentCharacters ? color::kDanger
                                                                       : color::kTextMuted);
    problemText(r, FormField::Comment);
    endCard();

    if (!r.problems.empty() && !hasProblem(r, FormField::Comment))
        statusText(tr("rating.fix_above"), color::kDanger);
    if (button(tr("rating.submit"))) out.push_back(intent::SubmitRating{});
    endPage(ctx);
}

} // namespace motcua::ui
