// Timeline derivation. Lateness is judged on exact timestamps; the day counts shown to people
// are working days between Vietnam-local dates, as legal deadlines are counted.
#include "core/timeline.h"

#include <cstdio>

#include "core/civil_date.h"
#include "core/status.h"
#include "core/working_days.h"

namespace motcua {

namespace {

std::optional<int64_t> finishEpoch(const Dossier& d) {
    if (d.completedAt) return d.completedAt->epoch;
    if (d.returnedAt) return d.returnedAt->epoch;
    // Older records may lack completed_at: the last handled step is when the work finished.
    for (auto it = d.steps.rbegin(); it != d.steps.rend(); ++it)
        if (it->handledAt) return it->handledAt->epoch;
    if (d.updatedAt) return d.updatedAt->epoch;
    return std::nullopt;
}

} // namespace

Timeline deriveTimeline(const Dossier& d, int64_t now) {
    Timeline t;
    const StatusInfo& status = statusInfo(d.status);

    t.steps.reserve(d.steps.size());
    for (size_t i = 0; i < d.steps.size(); ++i) {
        const Step& s = d.steps[i];
        StepTiming st;
        st.open = !s.handledAt.has_value();
        int64_t end = st.open ? now : s.handledAt->epoch;
        if (s.startedAt && end > s.startedAt->epoch) st.durationSeconds = end - s.startedAt->epoch;
        if (s.deadline) {
            st.hasDeadline = true;
            st.late = end > s.deadline->epoch;
            if (st.late)
                st.overdueWorkingDays =
                    workingDaysBetween(localDateOf(s.deadline->epoch), localDateOf(end));
        }
        t.steps.push_back(st);
        if (st.open && t.currentStep < 0) t.currentStep = static_cast<int>(i);
    }
    if (t.currentStep < 0 && !d.steps.empty()) t.currentStep = static_cast<int>(d.steps.size()) - 1;

    auto finished = finishEpoch(d);
    if (d.statusKnown && (d.status == 3 || d.status == 7 || d.status == 8)) {
        t.dueState = DueState::NotApplicable;
    } else if (finished && (status.resultReady || status.closed)) {
        bool late = *finished > d.dueAt.epoch;
        t.dueState = late ? DueState::FinishedLate : DueState::FinishedOnTime;
        t.workingDays =
            late ? workingDaysBetween(localDateOf(d.dueAt.epoch), localDateOf(*finished)) : 0;
    } else {
        t.workingDays = workingDaysBetween(localDateOf(now), localDateOf(d.dueAt.epoch));
        if (now > d.dueAt.epoch)
            t.dueState = DueState::Overdue;
        else if (localDateOf(now) == localDateOf(d.dueAt.epoch))
            t.dueState = DueState::DueToday;
        else
            t.dueState = DueState::OnTrack;
        // Due on a weekend or holiday while still ahead: at least the date itself is not past.
        if (t.dueState == DueState::OnTrack && t.workingDays < 1) t.workingDays = 1;
        if (t.dueState == DueState::Overdue && t.workingDays > 0) t.workingDays = 0;
    }

    for (auto it = d.dueHistory.rbegin(); it != d.dueHistory.rend(); ++it) {
        if (!it->apology) continue;
        t.apology = Apology{it->previousDueAt, it->dueAt, it->reason, it->issuedAt};
        if (!t.apology->previousDueAt && d.originalDueAt)
            t.apology->previousDueAt = d.originalDueAt;
        if (!t.apology->newDueAt) t.apology->newDueAt = d.dueAt;
        break;
    }

    bool closed = status.closed;
    for (size_t i = 0; i < d.supplements.size(); ++i)
        if (d.supplements[i].state == SupplementState::Open && !closed)
            t.openSupplements.push_back(static_cast<int>(i));
    for (const Fee& f : d.fees) {
        if (f.paid) continue;
        ++t.unpaidCount;
        if (t.unpaidTotal <= INT64_MAX - f.amount) t.unpaidTotal += f.amount;
    }
    bool pausedForCitizen = d.statusKnown && (d.status == 5 || d.status == 6);
    t.needsAction =
        !closed && (!t.openSupplements.empty() || t.unpaidCount > 0 || pausedForCitizen);
    t.resultReady = d.statusKnown && status.resultReady;
    return t;
}

std::string formatDong(int64_t amount) {
    bool negative = amount < 0;
    // Magnitude in unsigned arithmetic so INT64_MIN does not overflow.
    uint64_t magnitude =
        negative ? 0 - static_cast<uint64_t>(amount) : static_cast<uint64_t>(amount);
    std::string digits = std::to_string(magnitude);
    std::string out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += '.';
        out += digits[i];
    }
    return (negative ? "-" : "") + out + " \xE2\x82\xAB";
}

std::string formatDate(CivilDate c) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", c.d, c.m, c.y);
    return buf;
}

std::string formatDate(int64_t epoch) {
    return formatDate(localDateOf(epoch));
}

std::string formatDateTime(int64_t epoch) {
    int minutes = localMinuteOfDay(epoch);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d:%02d ", minutes / 60, minutes % 60);
    return buf + formatDate(epoch);
}

} // namespace motcua
