// What the dossier screen shows, derived from a Dossier and the current time: the current step,
// per-step durations and late flags, time left or overdue in working days, apology, supplements
// to bring, fees to pay and where to collect the result. Also the display formatters.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/civil_date.h"
#include "core/dossier.h"

namespace motcua {

struct StepTiming {
    bool open = false; // handled_at is null: the step is in progress
    bool hasDeadline = false;
    bool late = false;           // handled after the deadline, or open and past it now
    int64_t durationSeconds = 0; // handled − started, or now − started while open
    int overdueWorkingDays = 0;  // > 0 when late, counted to handled_at or now
};

enum class DueState {
    OnTrack,        // open, due date in the future (workingDays >= 1)
    DueToday,       // open, due today and not past the due time
    Overdue,        // open, past the due time (workingDays <= 0)
    FinishedOnTime, // completed/returned no later than the due date
    FinishedLate,   // completed/returned after the due date
    NotApplicable,  // refused, withdrawn or stopped: no result is coming
};

struct Apology {
    std::optional<DateTime> previousDueAt;
    std::optional<DateTime> newDueAt;
    std::string reason;
    std::optional<DateTime> issuedAt;
};

struct Timeline {
    int currentStep = -1;          // index into dossier.steps; -1 when there are no steps
    std::vector<StepTiming> steps; // parallel to dossier.steps

    DueState dueState = DueState::OnTrack;
    // Working days from today (Vietnam time) to the due date: positive = left, negative =
    // overdue. For finished dossiers: from the due date to the finish date (positive = late).
    int workingDays = 0;

    std::optional<Apology> apology; // the latest apology; shows both old and new dates

    std::vector<int> openSupplements; // indices into dossier.supplements
    bool needsAction = false;         // open supplements or unpaid fees, or status 5/6

    int64_t unpaidTotal = 0; // đồng
    int unpaidCount = 0;

    bool resultReady = false; // status 9: show results with place and time
};

Timeline deriveTimeline(const Dossier& dossier, int64_t nowEpoch);

// 50000 → "50.000 ₫"; -1500 → "-1.500 ₫".
std::string formatDong(int64_t amount);
// In Vietnam time: "29/11/2024" and "17:00 29/11/2024".
std::string formatDate(int64_t epoch);
std::string formatDateTime(int64_t epoch);
std::string formatDate(CivilDate date);

} // namespace motcua
