// The app with its UI: owns the UI context and the App, draws the open screen each frame and hands
// what the citizen did back to the App as intents. Platform code creates one and calls frame().
#pragma once

#include <string>

#include "app/app.h"
#include "app/font_sink.h"
#include "ui/context.h"

namespace motcua::ui {

class Shell final : public FontSink {
  public:
    // Call after ImGui::CreateContext: the shell binds its UI context for the widgets.
    Shell(HttpClient& http, Storage& storage);
    ~Shell() override;
    Shell(const Shell&) = delete;
    Shell& operator=(const Shell&) = delete;

    // Loads the fonts, sets ImGui up and starts the App at the start URL.
    void start(const std::string& startUrl);
    // Draws one frame between ImGui::NewFrame() and ImGui::Render(); returns true while more
    // frames are needed (layout settling, animations, queued input).
    bool frame();

    App& app() { return m_app; }
    Context& context() { return m_ui; }

    bool addCjkFont(const unsigned char* data, std::size_t size) override;
    bool addCjkBoldFont(const unsigned char* data, std::size_t size) override;

  private:
    void drawScreen(AppState& state, Intents& out);
    // Carries out what the App asked of the page (scroll, leave the fields) once each.
    void followPageRequests(const PageRequests& asked);

    Context m_ui; // first: the App's settings may hand it fonts while it starts
    App m_app;
};

} // namespace motcua::ui
