// The app controller: owns the state, turns intents into state changes and requests, and draws a
// frame with the screen that is open. Platform code feeds it input and calls frame().
#pragma once

#include <string>

#include "app/app_state.h"
#include "core/i18n.h"
#include "platform/http_client.h"
#include "platform/storage.h"

namespace motcua {

class App {
  public:
    App(HttpClient& http, Storage& storage);
    // Sets up ImGui style and fonts (call once, after ImGui::CreateContext) and reads the start URL.
    void start(const std::string& startUrl);
    // Draws one frame between ImGui::NewFrame() and ImGui::Render(); returns true while more
    // frames are needed (layout settling, animations, queued input).
    bool frame();
    void apply(const Intent& intent);

    AppState& state() { return m_state; }
    const Strings& strings() const { return m_strings; }

  private:
    void setLanguage(Language language);
    void setTextScale(float scale);
    void saveSettings();

    HttpClient& m_http;
    Storage& m_storage;
    AppState m_state;
    Strings m_strings;
    bool m_styleDirty = true;
    int m_settleFrames = 2;
};

} // namespace motcua
