// The dossier screen: where the dossier is, who holds it, whether it is late, what to bring or
// pay, when to collect, and every processing step as a vertical timeline.
#include <cstdarg>
#include <cstdio>
#include <string>

#include <imgui.h>

#include "core/status.h"
#include "ui/a11y.h"
#include "ui/notify_switch.h"
#include "ui/screens.h"
#include "ui/status_badge.h"
#include "ui/theme.h"
#include "ui/tr.h"
#include "ui/vietqr_card.h"
#include "ui/widgets.h"

namespace motcua::ui {

namespace {

std::string format(const char* fmt, ...) {
    char buf[1024];
    va_list args;
    va_start(args, fmt);
    std::vsnprintf(buf, sizeof buf, fmt, args);
    va_end(args);
    return buf;
}

std::string dateOf(const std::optional<DateTime>& dt) {
    return dt ? formatDate(dt->epoch) : "—";
}
std::string dateTimeOf(const std::optional<DateTime>& dt) {
    return dt ? formatDateTime(dt->epoch) : "—";
}

const std::string& localized(const LocalizedName& n, Language lang) {
    if (contentLanguage(lang) == Language::En && !n.en.empty()) return n.en;
    if (lang == Language::Vi && !n.vi.empty()) return n.vi;
    return n.name;
}

// A label above its value, both mirrored as one text ("Label: value").
void fact(const char* label, const std::string& value, ImU32 valueColour = 0) {
    ImGui::PushStyleColor(ImGuiCol_Text, color::kTextMuted);
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, 2.0f));
    wrappedText(label);
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
    if (valueColour) ImGui::PushStyleColor(ImGuiCol_Text, valueColour);
    ImGui::PushFont(fonts().bold, 0.0f);
    wrappedText(value.c_str());
    ImGui::PopFont();
    if (valueColour) ImGui::PopStyleColor();
    const std::string both = std::string(label) + ": " + value;
    mirrorLastItem("text", both.c_str());
}

// A card with a coloured bar on its left edge, for things the citizen must act on.
void beginCallout(const char* id, ImU32 colour) {
    ImGui::PushStyleColor(ImGuiCol_Border, colour);
    ImGui::PushStyleVar(ImGuiStyleVar_ChildBorderSize, 2.0f);
    beginCard(id);
}

void endCallout() {
    endCard();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
}

std::string dueWords(const Timeline& t) {
    switch (t.dueState) {
    case DueState::OnTrack:
        return format(tr("dossier.days_left"), t.workingDays);
    case DueState::DueToday:
        return tr("dossier.due_today");
    case DueState::Overdue:
        return format(tr("dossier.overdue"), -t.workingDays > 0 ? -t.workingDays : 1);
    case DueState::FinishedOnTime:
        return tr("dossier.finished_on_time");
    case DueState::FinishedLate:
        return tr("dossier.finished_late");
    default:
        return "";
    }
}

ImU32 dueColour(const Timeline& t) {
    switch (t.dueState) {
    case DueState::Overdue:
    case DueState::FinishedLate:
        return color::kDanger;
    case DueState::DueToday:
        return color::kWarning;
    case DueState::FinishedOnTime:
        return color::kSuccess;
    default:
        return color::kText;
    }
}

void drawTimeline(const Dossier& d, const Timeline& t) {
    heading(tr("dossier.timeline"), 2);
    if (d.steps.empty()) {
        paragraph(tr("dossier.no_steps"), true);
        return;
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float r = ImGui::GetFontSize() * 0.45f;
    const float indent = r * 2 + 14;
    for (size_t i = 0; i < d.steps.size(); ++i) {
        const Step& s = d.steps[i];
        const StepTiming& st = t.steps[i];
        const ImVec2 top = ImGui::GetCursorScreenPos();
        ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing,
                            ImVec2(ImGui::GetStyle().ItemSpacing.x, 3.0f));
        ImGui::Indent(indent);
        ImGui::PushFont(fonts().bold, 0.0f);
        const std::string title = format(tr("dossier.step_title"), s.seq, s.action.c_str());
        wrappedText(title.c_str());
        ImGui::PopFont();
        std::string who = s.unit;
        if (!s.role.empty()) who += who.empty() ? s.role : " · " + s.role;
        wrappedText(who.c_str());
        ImGui::PushStyleColor(ImGuiCol_Text, color::kTextMuted);
        const std::string started =
            format(tr("dossier.step_started"), dateTimeOf(s.startedAt).c_str());
        const std::string handled =
            st.open ? std::string(tr("dossier.step_in_progress"))
                    : format(tr("dossier.step_handled"), dateTimeOf(s.handledAt).c_str());
        wrappedText(started.c_str());
        wrappedText(handled.c_str());
        std::string deadline;
        if (st.hasDeadline) {
            deadline = format(tr("dossier.step_deadline"), dateTimeOf(s.deadline).c_str());
            wrappedText(deadline.c_str());
        }
        ImGui::PopStyleColor();
        std::string onTime;
        if (st.hasDeadline) {
            onTime = st.late ? tr("dossier.step_late") : tr("dossier.step_on_time");
            ImGui::PushStyleColor(ImGuiCol_Text, st.late ? color::kDanger : color::kSuccess);
            wrappedText(onTime.c_str());
            ImGui::PopStyleColor();
        }
        ImGui::Unindent(indent);
        ImGui::PopStyleVar();
        const ImVec2 bottom = ImGui::GetCursorScreenPos();
        // The rail: a dot per step (filled when done, a ring while in progress) joined by a line.
        const ImVec2 centre(top.x + r + 2, top.y + ImGui::GetFontSize() * 0.6f);
        const ImU32 railColour =
            st.late ? color::kDanger : (st.open ? color::kPrimary : color::kSuccess);
        if (i + 1 < d.steps.size())
            dl->AddLine(ImVec2(centre.x, centre.y + r),
                        ImVec2(centre.x, bottom.y + ImGui::GetFontSize() * 0.6f - r),
                        color::kBorder, 2.0f);
        if (st.open) {
            dl->AddCircleFilled(centre, r, IM_COL32_WHITE);
            dl->AddCircle(centre, r, railColour, 0, 3.0f);
        } else {
            dl->AddCircleFilled(centre, r, railColour);
        }
        // One list item per step for screen readers: everything the step says, in order.
        a11y::Item item;
        std::string name = title + ". " + who + ". " + started + ". " + handled + ".";
        if (!deadline.empty()) name += " " + deadline + ". " + onTime + ".";
        item.id = ImGui::GetID(static_cast<int>(1000 + i));
        item.role = "listitem";
        item.name = name;
        item.group = "timeline";
        item.x = top.x;
        item.y = top.y;
        item.w = ImGui::GetContentRegionAvail().x;
        item.h = bottom.y - top.y;
        a11y::add(std::move(item));
        spacing(0.5f);
    }
}

} // namespace

void drawDossierScreen(Context& ctx, const AppState& state, Intents& out) {
    const DossierView& v = state.view;
    beginPage(ctx, "##dossier");
    drawAlertsBanner(ctx, state, out);
    if (backButton()) out.push_back(intent::Navigate{Screen::Home});

    if (!v.dossier) {
        heading(v.code.c_str(), 2);
        if (v.load == Io::Loading) statusText(tr("dossier.loading"));
        if (!v.message.empty()) statusText(tr(v.message.c_str()), color::kDanger);
        if (v.load == Io::Failed && button(tr("dossier.refresh"), ButtonKind::Secondary))
            out.push_back(intent::Refresh{});
        endPage(ctx);
        return;
    }
    const Dossier& d = *v.dossier;
    const Timeline& t = v.timeline;

    heading(localized(d.procedure.name, state.language).c_str(), 1);
    const std::string words = tr(statusInfo(d.status).i18nKey);
    statusBadge(d.status, words.c_str());
    if (!d.statusNote.empty())
        paragraph(format(tr("dossier.note"), d.statusNote.c_str()).c_str(), true);
    if (v.changedStatus) {
        const std::string changedTo = tr(statusInfo(*v.changedStatus).i18nKey);
        statusText(format(tr("dossier.changed_status"), changedTo.c_str()).c_str(),
                   color::kPrimary);
    } else if (v.changed) {
        statusText(tr("dossier.changed"), color::kPrimary);
    }

    // What the citizen must do comes first.
    if (!t.openSupplements.empty()) {
        beginCallout("##supplements", color::kWarning);
        heading(tr("dossier.supplement_title"), 2);
        for (int idx : t.openSupplements) {
            const Supplement& s = d.supplements[static_cast<size_t>(idx)];
            ImGui::PushID(idx);
            paragraph(("• " + s.content).c_str());
            if (s.deadline)
                statusText(format(tr("dossier.supplement_by"), dateOf(s.deadline).c_str()).c_str(),
                           color::kWarning);
            ImGui::PopID();
        }
        endCallout();
    }
    if (t.unpaidCount > 0) {
        beginCallout("##fees", color::kWarning);
        heading(tr("dossier.fees_title"), 2);
        for (size_t i = 0; i < d.fees.size(); ++i) {
            const Fee& f = d.fees[i];
            ImGui::PushID(static_cast<int>(i));
            const std::string line = f.name + ": " + formatDong(f.amount) + " — " +
                                     (f.paid ? tr("dossier.fee_paid") : tr("dossier.fee_unpaid"));
            paragraph(line.c_str(), f.paid);
            ImGui::PopID();
        }
        statusText(format(tr("dossier.fees_total"), formatDong(t.unpaidTotal).c_str()).c_str(),
                   color::kWarning);
        endCallout();
    }
    drawFeePayments(v, out);
    if (t.resultReady && !d.results.empty()) {
        beginCallout("##results", color::kSuccess);
        heading(tr("dossier.result_title"), 2);
        for (size_t i = 0; i < d.results.size(); ++i) {
            const ResultDocument& r = d.results[i];
            ImGui::PushID(static_cast<int>(i));
            paragraph(("• " + r.name).c_str());
            if (!r.collectPlace.empty())
                paragraph(format(tr("dossier.collect_at"), r.collectPlace.c_str()).c_str());
            if (r.collectFrom)
                paragraph(
                    format(tr("dossier.collect_from"), dateTimeOf(r.collectFrom).c_str()).c_str());
            ImGui::PopID();
        }
        endCallout();
    }
    if (t.apology) {
        beginCallout("##apology", color::kDanger);
        heading(tr("dossier.apology_title"), 2);
        paragraph(format(tr("dossier.apology_dates"), dateOf(t.apology->previousDueAt).c_str(),
                         dateOf(t.apology->newDueAt).c_str())
                      .c_str());
        if (!t.apology->reason.empty())
            paragraph(format(tr("dossier.reason"), t.apology->reason.c_str()).c_str(), true);
        endCallout();
    }

    beginCard("##facts");
    const std::string due =
        formatDate(d.dueAt.epoch) + (dueWords(t).empty() ? "" : " — " + dueWords(t));
    fact(tr("dossier.due"), due, dueColour(t));
    if (d.holder && !statusInfo(d.status).closed) {
        std::string holder = d.holder->unit;
        if (!d.holder->role.empty()) holder += " · " + d.holder->role;
        fact(tr("dossier.holder"), holder);
    }
    fact(tr("dossier.code"), d.code);
    fact(tr("dossier.agency"), localized(d.agency.name, state.language));
    fact(tr("dossier.received"), formatDate(d.receivedAt.epoch));
    if (!d.owner.empty()) fact(tr("dossier.owner"), d.owner);
    if (d.rating) {
        const std::string level = std::string("rating.") + ratingLevelKey(d.rating->overall);
        fact(tr("dossier.rating_given"), tr(level.c_str()));
    }
    endCard();
    drawNotifySwitch(state, out);

    // Rating: the rating given, the honest state of one waiting in the outbox, or the way in.
    const OutboxItem* queued = nullptr;
    for (const OutboxItem& item : state.outbox.items())
        if (item.kind == OutboxKind::Rating && item.dossierCode == d.code) queued = &item;
    if (!d.rating && queued) {
        switch (queued->state) {
        case OutboxState::Pending:
            statusText(tr("rating.saved"), color::kWarning);
            break;
        case OutboxState::Sending:
            statusText(tr("rating.sending"));
            break;
        case OutboxState::Sent:
            statusText(tr("rating.sent"), color::kSuccess);
            break;
        case OutboxState::Failed: {
            const std::string key = "rating." + queued->errorCode;
            const char* words =
                queued->errorCode == "already_rated" || queued->errorCode == "not_eligible"
                    ? tr(key.c_str())
                    : tr("error.unknown");
            statusText(format(tr("rating.failed"), words).c_str(), color::kDanger);
            break;
        }
        }
    } else if (!d.rating && d.ratingEligible) {
        if (button(tr("rating.cta"))) out.push_back(intent::StartRating{});
    }

    beginCard("##timeline");
    drawTimeline(d, t);
    endCard();

    // Freshness and actions.
    if (v.updatedAt > 0)
        paragraph(format(tr("dossier.updated_at"), formatDateTime(v.updatedAt).c_str()).c_str(),
                  true);
    if (v.offline)
        statusText(tr("dossier.offline_note"), color::kWarning);
    else if (!v.message.empty())
        statusText(tr(v.message.c_str()), color::kDanger);
    const bool loading = v.load == Io::Loading;
    if (button(loading ? tr("dossier.refreshing") : tr("dossier.refresh"), ButtonKind::Secondary))
        out.push_back(intent::Refresh{});
    if (button(tr("dossier.share"), ButtonKind::Quiet)) out.push_back(intent::Share{});
    if (v.shared) statusText(tr("dossier.shared"));
    endPage(ctx);
}

} // namespace motcua::ui
