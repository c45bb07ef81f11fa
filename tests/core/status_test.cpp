// The ten statuses and how each is presented.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "core/status.h"

using namespace motcua;

TEST_CASE("every national status has its own key", "[status]") {
    std::set<std::string> keys;
    for (int code = 1; code <= 10; ++code) {
        const StatusInfo& s = statusInfo(code);
        CHECK(s.known);
        CHECK(s.code == code);
        CHECK(std::string(s.i18nKey) == "status." + std::to_string(code));
        CHECK(std::string(s.iconId).size() > 0);
        keys.insert(s.i18nKey);
    }
    CHECK(keys.size() == 10);
}

TEST_CASE("open, closed and paused follow the national table", "[status]") {
    for (int code : {1, 2, 4, 5, 6, 9})
        CHECK_FALSE(statusInfo(code).closed);
    for (int code : {3, 7, 8, 10})
        CHECK(statusInfo(code).closed);
    for (int code : {5, 6, 8})
        CHECK(statusInfo(code).paused);
    for (int code : {1, 2, 3, 4, 7, 9, 10})
        CHECK_FALSE(statusInfo(code).paused);
    CHECK(statusInfo(9).resultReady);
    for (int code = 1; code <= 10; ++code)
        CHECK(statusInfo(code).ratingEligible == (code == 9 || code == 10));
}

TEST_CASE("colour families tell the citizen what the status means", "[status]") {
    CHECK(statusInfo(4).family == StatusFamily::Processing);
    CHECK(statusInfo(5).family == StatusFamily::NeedsAction);
    CHECK(statusInfo(6).family == StatusFamily::NeedsAction);
    CHECK(statusInfo(9).family == StatusFamily::Done);
    CHECK(statusInfo(10).family == StatusFamily::Done);
    CHECK(statusInfo(3).family == StatusFamily::Refused);
    CHECK(statusInfo(7).family == StatusFamily::Withdrawn);
    CHECK(statusInfo(1).colour == statusInfo(4).colour);
    CHECK_FALSE(statusInfo(4).colour == statusInfo(5).colour);
    CHECK_FALSE(statusInfo(5).colour == statusInfo(9).colour);
    CHECK(statusFamilyInfo(StatusFamily::Done).colour == statusInfo(9).colour);
    CHECK(std::string(statusFamilyKey(StatusFamily::NeedsAction)) == "status_family.needs_action");
}

TEST_CASE("unknown status codes get a safe unknown entry", "[status]") {
    for (int code : {0, 11, -1, 42, 1 << 30}) {
        const StatusInfo& s = statusInfo(code);
        CHECK_FALSE(s.known);
        CHECK(s.family == StatusFamily::Unknown);
        CHECK(std::string(s.i18nKey) == "status.unknown");
        CHECK_FALSE(s.ratingEligible);
        CHECK_FALSE(isKnownStatus(code));
    }
}
