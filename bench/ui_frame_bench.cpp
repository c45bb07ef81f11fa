// Frame time of the dossier timeline with 100 steps on the native headless build (target ≤ 1 ms
// per frame), plus the home screen for comparison. Prints median and p95 in microseconds.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "headless_backend.h"
#include "platform/native/fake_http_client.h"
#include "platform/native/host_native.h"
#include "platform/native/memory_storage.h"
#include "ui/shell.h"

using namespace motcua;

namespace {

std::string hundredStepDossier() {
    nlohmann::json steps = nlohmann::json::array();
    for (int i = 1; i <= 100; ++i)
        steps.push_back({{"seq", i},
                         {"unit", "Phòng Tài nguyên và Môi trường"},
                         {"role", "Chuyên viên"},
                         {"action", "Thẩm định, xác minh thực địa lần " + std::to_string(i)},
                         {"status", 4},
                         {"started_at", "2026-11-02T08:00:00+07:00"},
                         {"handled_at",
                          i < 100 ? nlohmann::json("2026-11-03T09:00:00+07:00") : nlohmann::json()},
                         {"deadline", "2026-11-04T17:00:00+07:00"}});
    nlohmann::json d = {
        {"code", "000.00.12.H42-261102-0001"},
        {"version", 100},
        {"status", 4},
        {"procedure", {{"code", "1.004227"}, {"name", "Cấp Giấy chứng nhận quyền sử dụng đất"}}},
        {"agency", {{"code", "000.00.12.H42"}, {"name", "UBND phường Trần Phú"}}},
        {"owner", "Nguyễn V. A."},
        {"received_at", "2026-11-02T08:00:00+07:00"},
        {"due_at", "2026-12-02T17:00:00+07:00"},
        {"steps", steps}};
    return R"({"token":"t","expires_in":3600,"dossier":)" + d.dump() + "}";
}

struct Figures {
    double median, p95;
};

Figures measure(ui::Shell& app, int frames) {
    std::vector<double> us;
    for (int i = 0; i < frames; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        test::nullBackendFrame(390, 844, 3, [&] { app.frame(); });
        const auto t1 = std::chrono::steady_clock::now();
        us.push_back(std::chrono::duration<double, std::micro>(t1 - t0).count());
    }
    std::sort(us.begin(), us.end());
    return {us[us.size() / 2], us[us.size() * 95 / 100]};
}

} // namespace

int main() {
    ImGui::CreateContext();
    test::nullBackendInit();
    FakeHttpClient http;
    MemoryStorage storage;
    ui::Shell app(http, storage);
    app.start("/d/000.00.12.H42-261102-0001#k=ABC234");
    test::nullBackendFrame(390, 844, 3, [&] { app.frame(); });
    http.respond(200, hundredStepDossier());
    for (int i = 0; i < 10; ++i)
        test::nullBackendFrame(390, 844, 3, [&] { app.frame(); }); // warm up
    const Figures timeline = measure(app, 500);
    app.app().apply(intent::Navigate{Screen::Home});
    for (int i = 0; i < 10; ++i)
        test::nullBackendFrame(390, 844, 3, [&] { app.frame(); });
    const Figures home = measure(app, 500);
    std::printf("UI frame time, native headless (390x844 @3, 500 frames)\n");
    std::printf("  %-32s median %7.1f us   p95 %7.1f us   target <= 1000 us: %s\n",
                "dossier with 100 steps", timeline.median, timeline.p95,
                timeline.median <= 1000 ? "PASS" : "FAIL");
    std::printf("  %-32s median %7.1f us   p95 %7.1f us\n", "home screen", home.median, home.p95);
    ImGui::DestroyContext();
    return 0;
}
