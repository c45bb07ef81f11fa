// App controller: intents in, state and requests out, one screen drawn per frame.
#include "app/app.h"

#include <algorithm>
#include <string_view>

#include <imgui.h>
#include <imgui_internal.h>
#include <nlohmann/json.hpp>

#include "core/counter_link.h"
#include "core/receipt_payload.h"
#include "platform/host.h"
#include "ui/a11y.h"
#include "ui/onscreen_keyboard.h"
#include "ui/screens.h"
#include "ui/text_agent.h"
#include "ui/theme.h"
#include "ui/tr.h"
#include "ui/widgets.h"

namespace motcua::assets {
extern const unsigned char k_i18n_vi[];
extern const std::size_t k_i18n_vi_size;
extern const unsigned char k_i18n_en[];
extern const std::size_t k_i18n_en_size;
extern const unsigned char k_i18n_ko[];
extern const std::size_t k_i18n_ko_size;
extern const unsigned char k_i18n_zh[];
extern const std::size_t k_i18n_zh_size;
extern const unsigned char k_i18n_ja[];
extern const std::size_t k_i18n_ja_size;
} // namespace motcua::assets

namespace motcua {

namespace {
constexpr const char* kSettingsKey = "motcua.settings";

std::string_view embedded(const unsigned char* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}
} // namespace

App::App(HttpClient& http, Storage& storage)
    : m_http(http), m_storage(storage),
      m_counter(http, storage, m_state.counter, m_state.language) {}

void App::start(const std::string& startUrl) {
    // The UI keeps a little state of its own between frames: start it clean for this app.
    ui::setKioskKeyboard(false);
    ui::clearKeyboardTarget();
    ui::textAgent() = ui::TextAgent{};
    ui::setBannerSource(nullptr, nullptr);
    ui::loadFonts();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    // A blinking caret would need a frame every half second: keep it steady to stay idle.
    io.ConfigInputTextCursorBlink = false;
    io.ConfigWindowsMoveFromTitleBarOnly = true;
    setLanguage(Language::Vi);
    configureKiosk(startUrl);
    if (!m_state.kiosk)
        m_storage.load(kSettingsKey, [this](std::optional<std::string> text) {
            if (!text) return;
            auto doc = nlohmann::json::parse(*text, nullptr, false);
            if (!doc.is_object()) return;
            const auto language = languageFromCode(doc.value("language", "vi"));
            if (language && *language != Language::Vi) setLanguage(*language);
            const auto scale = doc.find("text_scale");
            if (scale != doc.end() && scale->is_number()) setTextScale(scale->get<float>());
            host::requestFrame();
        });
    loadRecents();
    loadOutbox();
    loadRequests();
    m_nextAlertsMs = host::nowMs() + 2000; // the first screen first, then alerts
    host::wakeAfter(2050);
    installScannerHandlers();
    m_state.now = static_cast<int64_t>(host::wallClockSeconds());
    // A counter tablet (?mode=counter&counter=N) shows only the counter rating screen.
    if (const CounterLink link = parseCounterLink(startUrl); link.counterMode) {
        if (m_counter.configure(link)) m_state.screen = Screen::Counter;
        return;
    }
    // A receipt link (/d/<code>#k=<secret>) opens its dossier straight away.
    if (startUrl.rfind("/d/", 0) == 0) {
        const ReceiptPayload payload = parseReceiptPayload(startUrl);
        if (payload.kind == PayloadKind::Receipt) openDossier(payload.code, payload.secret, false);
    }
}

static std::string_view stringsFor(Language language) {
    switch (language) {
    case Language::En:
        return embedded(assets::k_i18n_en, assets::k_i18n_en_size);
    case Language::Ko:
        return embedded(assets::k_i18n_ko, assets::k_i18n_ko_size);
    case Language::Zh:
        return embedded(assets::k_i18n_zh, assets::k_i18n_zh_size);
    case Language::Ja:
        return embedded(assets::k_i18n_ja, assets::k_i18n_ja_size);
    case Language::Vi:
        break;
    }
    return embedded(assets::k_i18n_vi, assets::k_i18n_vi_size);
}

Language App::shownLanguage() const {
    return needsCjkFont(m_state.language) && !m_cjkFontReady ? Language::En : m_state.language;
}

void App::setLanguage(Language language) {
    m_state.language = language;
    if (needsCjkFont(language)) fetchCjkFont(); // or its bold face, if that failed before
    const Language shown = shownLanguage();
    // Every table is complete (tools/check_i18n.py); English stands in for a key one might lack.
    if (needsCjkFont(shown) && m_englishFallback.size() == 0)
        m_englishFallback.load(stringsFor(Language::En), Language::En);
    m_strings.setFallback(needsCjkFont(shown) ? &m_englishFallback : nullptr);
    const bool ok = m_strings.load(stringsFor(shown), shown);
    (void)ok;
    ui::setStrings(&m_strings);
    host::setDocumentLanguage(languageCode(shown));
    // Alerts in the new language at the next tick (not before the first poll is due).
    if (m_alertsLanguage && *m_alertsLanguage != shown && m_alertsRequest == 0) m_nextAlertsMs = 0;
}

// The CJK font is not in the wasm: fetch it once, when a Korean, Chinese or Japanese choice
// first needs it, then merge it into the fonts and show that language's strings.
void App::fetchCjkFont() {
    if (m_cjkFontReady) fetchCjkBoldFont(); // if it failed before
    if (m_cjkFontRequest != 0 || m_cjkFontReady) return;
    const std::string url = host::cjkFontUrl();
    if (url.empty()) return; // no font packaged: those languages stay in English
    HttpRequest request;
    request.url = url;
    request.timeoutMs = 120000; // a few hundred kilobytes, perhaps over a slow line
    m_cjkFontRequest = m_http.send(std::move(request), [this](const HttpResponse& r) {
        m_cjkFontRequest = 0;
        if (r.status != 200 || r.body.empty())
            return; // tried again on the next choice or when online
        if (!ui::mergeCjkFont(reinterpret_cast<const unsigned char*>(r.body.data()), r.body.size()))
            return;
        m_cjkFontReady = true;
        fetchCjkBoldFont();
        if (!needsCjkFont(m_state.language)) return;
        setLanguage(m_state.language);
        // Places are served in the tourist's language: ask again now that it can be drawn.
        if (m_state.screen == Screen::Places) openPlaces("");
        m_settleFrames = 2;
        host::requestFrame();
    });
}

// Headings and bold labels in CJK: until this arrives they use the regular CJK glyphs.
void App::fetchCjkBoldFont() {
    if (m_cjkBoldRequest != 0 || m_cjkBoldReady) return;
    const std::string url = host::cjkBoldFontUrl();
    if (url.empty()) return;
    HttpRequest request;
    request.url = url;
    request.timeoutMs = 120000;
    m_cjkBoldRequest = m_http.send(std::move(request), [this](const HttpResponse& r) {
        m_cjkBoldRequest = 0;
        if (r.status != 200 || r.body.empty()) return;
        if (!ui::useCjkBoldFont(reinterpret_cast<const unsigned char*>(r.body.data()),
                                r.body.size()))
            return;
        m_cjkBoldReady = true;
        host::requestFrame();
    });
}

void App::setTextScale(float scale) {
    m_state.textScale = std::clamp(scale, 1.0f, 2.0f);
    m_styleDirty = true;
}

void App::saveSettings() {
    if (m_state.kiosk) return; // a kiosk's next citizen starts from the defaults
    nlohmann::json doc = {{"language", languageCode(m_state.language)},
                          {"text_scale", m_state.textScale}};
    m_storage.save(kSettingsKey, doc.dump());
}

void App::apply(const Intent& intent) {
    switch (intent.kind) {
    case Intent::Kind::Navigate:
        if (m_state.screen == Screen::Dossier && intent.screen != Screen::Dossier) {
            closeDossier();
            host::setUrl("/");
        }
        if (m_state.screen == Screen::Scan && intent.screen != Screen::Scan) closeScanner();
        if (intent.screen == Screen::Scan && m_state.screen != Screen::Scan) openScanner();
        m_state.notice.clear();
        ui::clearKeyboardTarget();
        if (intent.screen == Screen::Lookup) {
            m_state.lookup.message.clear();
            m_state.lookup.state = Io::Idle;
        }
        m_state.screen = intent.screen;
        ImGui::ClearActiveID();
        ui::requestScrollTop();
        break;
    case Intent::Kind::SetLanguage:
        setLanguage(intent.language);
        saveSettings();
        break;
    case Intent::Kind::SetTextScale:
        setTextScale(intent.number);
        saveSettings();
        break;
    case Intent::Kind::SubmitLookup:
        submitLookup();
        break;
    case Intent::Kind::OpenRecent:
        if (const RecentDossier* r = m_state.recents.find(intent.text))
            openDossier(r->code, r->secret, false);
        break;
    case Intent::Kind::RemoveRecent:
        m_state.recents.remove(intent.text);
        saveRecents();
        break;
    case Intent::Kind::ClearRecents:
        m_state.recents.clear();
        saveRecents();
        break;
    case Intent::Kind::Refresh:
        if (!m_state.view.code.empty()) {
            ++m_generation; // the poll in flight answers an older question: drop its reply
            if (m_requestId) m_http.cancel(m_requestId);
            m_requestId = 0;
            m_retryAtMs = 0;
            startLookup();
        }
        break;
    case Intent::Kind::ScanTorch:
        m_state.scan.torchOn = !m_state.scan.torchOn;
        scanner::setTorch(m_state.scan.torchOn);
        break;
    case Intent::Kind::ScanSwitchCamera:
        scanner::switchCamera();
        break;
    case Intent::Kind::ScanPickPhoto:
        m_state.scan.photoFailed = false;
        scanner::pickPhoto();
        break;
    case Intent::Kind::StartRating:
        startRating();
        break;
    case Intent::Kind::SetRating:
        setRatingField(intent.text, static_cast<int>(intent.number));
        break;
    case Intent::Kind::SubmitRating:
        submitRating();
        break;
    case Intent::Kind::OpenStats:
        openStats();
        break;
    case Intent::Kind::CounterRate:
        m_counter.rate(static_cast<int>(intent.number));
        break;
    case Intent::Kind::OpenProcedures:
        openProcedures();
        break;
    case Intent::Kind::SetField:
        m_state.catalog.field = intent.text;
        break;
    case Intent::Kind::SetAgency:
        m_state.catalog.agency = intent.text;
        break;
    case Intent::Kind::OpenProcedure:
        m_state.catalog.open = static_cast<int>(intent.number);
        m_state.screen = Screen::Procedure;
        ui::requestScrollTop();
        break;
    case Intent::Kind::Ask:
        ask();
        break;
    case Intent::Kind::OpenRequestForm:
        openRequestForm(intent.text);
        break;
    case Intent::Kind::SetRequestCategory:
        if (intent.text == "question" || intent.text == "complaint")
            m_state.request.draft.category = intent.text;
        break;
    case Intent::Kind::SetRequestAnonymous:
        m_state.request.draft.anonymous = intent.number != 0;
        break;
    case Intent::Kind::SendRequest:
        sendRequest();
        break;
    case Intent::Kind::FollowRequest:
        followRequest(static_cast<int64_t>(intent.number));
        break;
    case Intent::Kind::OpenPlaces:
        openPlaces(intent.text);
        break;
    case Intent::Kind::OpenAlerts:
        if (m_state.screen == Screen::Alerts) break;
        // The screen underneath stays as it was (an open dossier, a half-typed form) to come
        // back to; only the camera stops.
        if (m_state.screen == Screen::Scan) closeScanner();
        m_state.alerts.back = m_state.screen;
        m_state.screen = Screen::Alerts;
        ui::clearKeyboardTarget();
        ImGui::ClearActiveID();
        ui::requestScrollTop();
        break;
    case Intent::Kind::CloseAlerts:
        if (m_state.screen != Screen::Alerts) break;
        m_state.screen = m_state.alerts.back;
        ImGui::ClearActiveID();
        if (m_state.screen == Screen::Scan) openScanner();
        // A retry that fell due meanwhile was skipped (it only runs on the dossier screen).
        if (m_state.screen == Screen::Dossier && m_requestId == 0)
            apply({.kind = Intent::Kind::Refresh});
        break;
    case Intent::Kind::OpenLink:
        host::openUrl(intent.text);
        break;
    case Intent::Kind::ApplyUpdate:
        host::applyUpdate();
        break;
    case Intent::Kind::Install:
        if (m_state.installHint == 1) host::promptInstall();
        m_state.installHint = 0;
        break;
    case Intent::Kind::DismissInstall:
        m_state.installHint = 0;
        break;
    case Intent::Kind::Share:
        host::shareLink(m_state.view.dossier ? m_state.view.dossier->procedure.name.name
                                             : "Một Cửa",
                        dossierLink(m_state.view.code, m_state.view.secret));
        m_state.view.shared = true;
        break;
    }
    m_settleFrames = 2;
}

bool App::frame() {
    if (m_styleDirty) {
        ui::applyTheme(m_state.textScale);
        m_styleDirty = false;
    }
    tick();
    a11y::beginFrame();
    ui::TextAgent& agent = ui::textAgent();
    agent.seen = false;

    Intents intents;
    ui::setBannerSource(&m_state, &intents);
    switch (m_state.screen) {
    case Screen::Home:
        ui::drawHomeScreen(m_state, intents);
        break;
    case Screen::Lookup:
        ui::drawLookupScreen(m_state, intents);
        break;
    case Screen::Scan:
        ui::drawScanScreen(m_state, intents);
        break;
    case Screen::Dossier:
        ui::drawDossierScreen(m_state, intents);
        break;
    case Screen::Rate:
        ui::drawRatingScreen(m_state, intents);
        break;
    case Screen::Stats:
        ui::drawStatsScreen(m_state, intents);
        break;
    case Screen::Counter:
        ui::drawCounterScreen(m_state, intents);
        break;
    case Screen::Procedures:
        ui::drawProceduresScreen(m_state, intents);
        break;
    case Screen::Procedure:
        ui::drawProcedureScreen(m_state, intents);
        break;
    case Screen::Request:
        ui::drawRequestScreen(m_state, intents);
        break;
    case Screen::Requests:
        ui::drawRequestsScreen(m_state, intents);
        break;
    case Screen::Places:
        ui::drawPlacesScreen(m_state, intents);
        break;
    case Screen::Alerts:
        ui::drawAlertsScreen(m_state, intents);
        break;
    }
    for (const Intent& intent : intents)
        apply(intent);
    const bool typed = ui::drawOnscreenKeyboard();
    drawKioskIdle();

    if (!agent.seen) agent.activeId = 0;
    host::syncTextAgent(agent.activeId != 0, agent.text, agent.selStart, agent.selEnd,
                        agent.inputMode, agent.min.x, agent.min.y, agent.max.x - agent.min.x,
                        agent.max.y - agent.min.y);
    ui::setBannerSource(nullptr, nullptr); // `intents` ends with this frame
    std::string json;
    // Layout settles over a frame or two (auto-sized cards): keep drawing until it stops changing.
    const bool changed = a11y::endFrame(json);
    if (changed) host::publishA11y(json);

    if (m_settleFrames > 0) --m_settleFrames;
    const bool queued = ImGui::GetCurrentContext()->InputEventsQueue.Size > 0;
    const bool followUp = a11y::takeFollowUpFrame();
    return m_settleFrames > 0 || queued || changed || typed || !intents.empty() ||
           a11y::hasPendingActivation() || followUp;
}

} // namespace motcua
