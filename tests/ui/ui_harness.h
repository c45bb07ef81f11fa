// A headless app for UI tests: one ImGui context, the app with a scripted network and in-memory
// storage, and helpers to find and press things through the accessibility items.
#pragma once

#include <memory>
#include <string>

#include "app/app.h"
#include "headless_backend.h"
#include "platform/native/fake_http_client.h"
#include "platform/host.h"
#include "platform/native/host_native.h"
#include "platform/native/memory_storage.h"
#include "ui/a11y.h"
#include "ui/shell.h"
#include "ui/text_agent.h"
#include "ui/touch_input.h"
#include <stdexcept>

namespace motcua::test {

struct Viewport {
    const char* name;
    float width, height, dpr;
};
constexpr Viewport kViewports[] = {
    {"phone 390x844 @3", 390, 844, 3},
    {"small phone 320x568 @2", 320, 568, 2},
    {"kiosk 1080x1920 @1", 1080, 1920, 1},
    {"kiosk landscape 1920x1080 @1", 1920, 1080, 1},
};

// One ImGui context and app per test, torn down even when the test fails.
struct Harness {
    FakeHttpClient http;
    MemoryStorage storage;
    std::unique_ptr<ui::Shell> shell;
    App* app = nullptr;
    Viewport viewport = kViewports[0];

    explicit Harness(MemoryStorage* reuse = nullptr, const std::string& startUrl = "/") {
        if (reuse) storage = *reuse;
        ImGui::CreateContext();
        test::nullBackendInit();
        shell = std::make_unique<ui::Shell>(http, storage);
        app = &shell->app();
        host::nativeRecord() = host::NativeHostRecord{};
        shell->start(startUrl);
    }
    ~Harness() {
        shell.reset();
        ImGui::DestroyContext();
    }
    void frames(int n = 3) {
        for (int i = 0; i < n; ++i)
            test::nullBackendFrame(viewport.width, viewport.height, viewport.dpr,
                                   [&] { shell->frame(); });
    }
    // Finds a mirrored item by role and name, as a screen reader would.
    const a11y::Item* find(const std::string& role, const std::string& name) const {
        for (const auto& item : a11y::items())
            if (item.role == role && item.name == name) return &item;
        return nullptr;
    }
    bool activate(const std::string& role, const std::string& name) {
        const a11y::Item* item = find(role, name);
        if (!item) return false;
        a11y::requestActivation(item->id);
        frames();
        return true;
    }
    // Focuses a text field through the mirror and types into it as the text agent would; false
    // when there is no such field.
    bool type(const std::string& field, const std::string& text) {
        if (!activate("textbox", field)) return false;
        auto& agent = ui::textAgent();
        agent.incoming = text;
        agent.incomingSelStart = agent.incomingSelEnd = static_cast<int>(text.size());
        frames();
        return true;
    }
    void tap(const std::string& role, const std::string& name) {
        const a11y::Item* item = find(role, name);
        if (!item) throw std::runtime_error("no " + role + " named " + name);
        const float x = item->x + item->w / 2, y = item->y + item->h / 2;
        // On the host's clock, as the page reports it (the kiosk's idle clock reads these times).
        const double now = host::nowMs();
        input::pointerDown(input::Source::Touch, x, y, 0, now);
        input::pointerUp(input::Source::Touch, x, y, 0, now + 50);
        frames(4);
    }
};

} // namespace motcua::test
