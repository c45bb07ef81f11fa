// One frame: the App's timers, the open screen drawn, the intents applied, the on-screen keyboard
// and the kiosk's question over it, then the mirror and the text agent published.
#include "ui/shell.h"

#include <imgui.h>

#include "platform/host.h"
#include "ui/a11y.h"
#include "ui/gui_internals.h"
#include "ui/onscreen_keyboard.h"
#include "ui/screens.h"
#include "ui/theme.h"

namespace motcua::ui {

Shell::Shell(HttpClient& http, Storage& storage) : m_app(http, storage, *this) {
    bindContext(&m_ui);
}

Shell::~Shell() {
    unbindContext(&m_ui);
}

void Shell::start(const std::string& startUrl) {
    bindContext(&m_ui);
    loadFonts();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    // A blinking caret would need a frame every half second: keep it steady to stay idle.
    io.ConfigInputTextCursorBlink = false;
    io.ConfigWindowsMoveFromTitleBarOnly = true;
    m_app.start(startUrl);
    m_ui.strings = &m_app.strings();
}

bool Shell::addCjkFont(const unsigned char* data, std::size_t size) {
    return mergeCjkFont(data, size);
}

bool Shell::addCjkBoldFont(const unsigned char* data, std::size_t size) {
    return useCjkBoldFont(data, size);
}

void Shell::followPageRequests(const PageRequests& asked) {
    PageState& page = m_ui.page;
    if (asked.leaveSerial != page.leaveSerial) {
        page.leaveSerial = asked.leaveSerial;
        clearKeyboardTarget();
        internals::clearActiveItem();
    }
    if (m_app.state().screen != page.screen) { // a new screen is a new page
        page.screen = m_app.state().screen;
        page.alertLine = false;
    }
    if (asked.scrollSerial != page.scrollSerial) {
        page.scrollSerial = asked.scrollSerial;
        page.scrollTop = asked.scrollY <= 0.0f;
        page.scrollTo = asked.scrollY > 0.0f ? asked.scrollY : -1.0f;
    }
}

void Shell::drawScreen(AppState& state, Intents& out) {
    switch (state.screen) {
    case Screen::Home:
        drawHomeScreen(m_ui, state, out);
        break;
    case Screen::Lookup:
        drawLookupScreen(m_ui, state, out);
        break;
    case Screen::Scan:
        drawScanScreen(m_ui, state, out);
        break;
    case Screen::Dossier:
        drawDossierScreen(m_ui, state, out);
        break;
    case Screen::Rate:
        drawRatingScreen(m_ui, state, out);
        break;
    case Screen::Stats:
        drawStatsScreen(m_ui, state, out);
        break;
    case Screen::Counter:
        drawCounterScreen(m_ui, state, out);
        break;
    case Screen::Procedures:
        drawProceduresScreen(m_ui, state, out);
        break;
    case Screen::Procedure:
        drawProcedureScreen(m_ui, state, out);
        break;
    case Screen::RequestForm:
        drawRequestScreen(m_ui, state, out);
        break;
    case Screen::Requests:
        drawRequestsScreen(m_ui, state, out);
        break;
    case Screen::Places:
        drawPlacesScreen(m_ui, state, out);
        break;
    case Screen::Alerts:
        drawAlertsScreen(m_ui, state, out);
        break;
    case Screen::Datasets:
        drawDatasetsScreen(m_ui, state, out);
        break;
    case Screen::Dataset:
        drawDatasetScreen(m_ui, state, out);
        break;
    case Screen::NotFound:
    case Screen::Ask:     // the procedures screen shows a question's address
    case Screen::Request: // the requests screen shows it
    case Screen::Place:   // the places screen shows it
        drawNotFoundScreen(m_ui, state, out);
        break;
    }
}

bool Shell::frame() {
    bindContext(&m_ui);
    AppState& state = m_app.state();
    if (m_app.takeStyleDirty()) applyTheme(state.textScale);
    m_app.tick();
    m_ui.strings = &m_app.strings();
    m_ui.keyboard.kiosk = state.kiosk;
    followPageRequests(state.page);
    a11y::beginFrame();
    TextAgent& agent = m_ui.textAgent;
    agent.seen = false;

    Intents intents;
    drawScreen(state, intents);
    for (const Intent& intent : intents)
        m_app.apply(intent);
    followPageRequests(state.page); // a new screen closes the keyboard before it is drawn
    const bool typed = drawOnscreenKeyboard();
    Intents answers;
    drawKioskIdle(state, answers);
    for (const Intent& intent : answers)
        m_app.apply(intent);

    if (!agent.seen) agent.activeId = 0;
    host::syncTextAgent(agent.activeId != 0, agent.text, agent.selStart, agent.selEnd,
                        agent.inputMode, agent.min.x, agent.min.y, agent.max.x - agent.min.x,
                        agent.max.y - agent.min.y);
    const bool settling = m_app.endFrame(m_ui.page.scroll);
    std::string json;
    // Layout settles over a frame or two (auto-sized cards): keep drawing until it stops changing.
    const bool changed = a11y::endFrame(json);
    if (changed) host::publishA11y(json);
    const bool followUp = a11y::takeFollowUpFrame();
    return settling || internals::inputQueued() || changed || typed || !intents.empty() ||
           !answers.empty() || a11y::hasPendingActivation() || followUp;
}

} // namespace motcua::ui
