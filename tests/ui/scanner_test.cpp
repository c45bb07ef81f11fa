// The Scanner controller on its own: the camera opened and closed, a receipt handed on, anything
// else shown and never followed, a USB scanner's odd read noticed on any screen.
#include <catch2/catch.hpp>

#include <imgui.h>

#include "app/scanner.h"
#include "core/receipt_payload.h"
#include "platform/native/host_native.h"
#include "platform/scanner_events.h"

using namespace motcua;

namespace {

struct Fixture {
    AppState state;
    Scanner scanner{state};
    std::vector<std::string> opened;

    Fixture() {
        ImGui::CreateContext();
        host::nativeRecord() = host::NativeHostRecord{};
        scanner.installHandlers();
        scanner.onReceipt = [this](const std::string& code, const std::string& secret) {
            opened.push_back(code + " " + secret);
        };
    }
    ~Fixture() { ImGui::DestroyContext(); }
};

} // namespace

TEST_CASE("Scanner: a receipt read by the camera closes it and opens the dossier", "[scanner]") {
    Fixture f;
    f.scanner.open();
    CHECK(host::nativeRecord().scannerOpen);
    scanner::events().state(scanner::State::Running, "");
    const std::array<float, 8> corners{1, 1, 2, 1, 2, 2, 1, 2};
    scanner::events().result("https://motcua.example.vn/d/000.00.12.H42-241124-0001#k=ABC234",
                             &corners, scanner::Source::Camera);
    CHECK(f.opened == std::vector<std::string>{"000.00.12.H42-241124-0001 ABC234"});
    CHECK_FALSE(host::nativeRecord().scannerOpen);
    CHECK(f.state.scan.state == scanner::State::Idle);
    CHECK(f.state.scan.cornersOk);
}

TEST_CASE("Scanner: another QR is shown, never followed", "[scanner]") {
    Fixture f;
    f.scanner.open();
    scanner::events().state(scanner::State::Running, "");
    scanner::events().result("https://zalo.me/g/abc123", nullptr, scanner::Source::Photo);
    CHECK(f.opened.empty());
    CHECK(f.state.scan.notReceipt == "https://zalo.me/g/abc123");
    CHECK(host::nativeRecord().scannerOpen);
    // A USB scanner reading something odd away from the scan screen: a notice on that screen.
    f.state.screen = Screen::Home;
    scanner::events().result("hello", nullptr, scanner::Source::KeyboardScanner);
    CHECK(f.state.notice == "hello");
}

TEST_CASE("Scanner: the torch and a failed photo", "[scanner]") {
    Fixture f;
    f.scanner.open();
    f.scanner.toggleTorch();
    CHECK(f.state.scan.torchOn);
    CHECK(host::nativeRecord().scannerTorch);
    scanner::events().photoFailed();
    CHECK(f.state.scan.photoFailed);
    f.scanner.pickPhoto();
    CHECK_FALSE(f.state.scan.photoFailed);
    CHECK(host::nativeRecord().scannerPhotoPicks == 1);
    f.scanner.close();
    CHECK_FALSE(host::nativeRecord().scannerOpen);
}
