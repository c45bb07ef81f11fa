// The app: intents routed to the feature controllers, and screens switched.
#include "app/app.h"

#include <variant>

#include "core/counter_link.h"
#include "core/receipt_payload.h"
#include "platform/host.h"

namespace motcua {

namespace {
// std::visit over a set of lambdas, one per intent.
template <class... F> struct Overloaded : F... { using F::operator()...; };
template <class... F> Overloaded(F...) -> Overloaded<F...>;
} // namespace

App::App(HttpClient& http, Storage& storage, FontSink& fonts)
    : m_storage(storage),
      m_settings(http, storage, fonts, m_state.language, m_state.textScale, m_state.kiosk),
      m_session(http, storage, m_state), m_outbox(http, storage, m_state),
      m_catalogue(http, m_state),
      m_localInfo(http, storage, m_state, [this] { return m_settings.shownLanguage(); }),
      m_counter(http, storage, m_state.counter, m_state.language), m_kiosk(m_state),
      m_scanner(m_state), m_lookups(http, m_state, [this] { return m_settings.shownLanguage(); }),
      m_push(
          http, storage, m_state, [this] { return m_session.token(); },
          [this] { m_session.refresh(); }) {
    m_settings.onShownLanguage = [this] { m_localInfo.languageShown(); };
    m_settings.onFontReady = [this] {
        // Places are served in the tourist's language: ask again now that it can be drawn.
        if (m_state.screen == Screen::Places) m_localInfo.openPlaces("");
        m_settleFrames = 2;
    };
    m_outbox.onDelivered = [this](const std::string& dossierCode) {
        // The open dossier was just rated: fetch it again so the rating given shows.
        if (dossierCode == m_state.view.code && m_state.screen == Screen::Dossier)
            m_session.refresh();
    };
    m_scanner.onReceipt = [this](const std::string& code, const std::string& secret) {
        m_session.open(code, secret);
    };
}

void App::start(const std::string& startUrl) {
    m_settings.setLanguage(Language::Vi);
    if (m_kiosk.configure(startUrl)) m_settings.setTextScale(1.5f);
    m_settings.load();
    m_session.loadRecents();
    m_outbox.load();
    m_localInfo.loadAlerts();
    m_scanner.installHandlers();
    m_push.load();
    m_state.now = static_cast<int64_t>(host::wallClockSeconds());
    // A counter tablet (?mode=counter&counter=N) shows only the counter rating screen, and a
    // kiosk starts at home: both keep one address, and Back never leaves them.
    if (const CounterLink link = parseCounterLink(startUrl); link.counterMode) {
        if (m_counter.configure(link)) m_state.screen = Screen::Counter;
        m_history.start(host::historyIndex(), link.withoutFragment);
        return;
    }
    if (m_state.kiosk) {
        // Its settings stay in the address for a reload (a fresh session at home).
        const std::string address = startUrl.substr(0, startUrl.find('#'));
        const size_t query = address.find('?');
        m_history.start(host::historyIndex(),
                        "/" + (query == std::string::npos ? "" : address.substr(query)));
    } else {
        m_history.start(host::historyIndex(), "");
    }
    // Any screen's address opens that screen (a receipt link its dossier); ?lang= the language.
    const Route route = parseUrl(startUrl);
    if (route.lang) m_settings.choose(*route.lang);
    if (route.screen != Screen::Home) openRoute(route, startUrl);
}

void App::apply(const Intent& intent) {
    std::visit(
        Overloaded{
            [&](const intent::Navigate& i) { navigate(i.screen); },
            [&](const intent::SetLanguage& i) { m_settings.choose(i.language); },
            [&](const intent::SetTextScale& i) { m_settings.chooseTextScale(i.scale); },
            [&](const intent::SubmitLookup&) { m_session.submitLookup(); },
            [&](const intent::OpenRecent& i) { m_session.openRecent(i.code); },
            [&](const intent::RemoveRecent& i) {
                m_session.removeRecent(i.code);
                m_push.drop(i.code);
            },
            [&](const intent::ClearRecents&) {
                for (const RecentDossier& recent : m_state.recents.entries())
                    m_push.drop(recent.code);
                m_session.clearRecents();
            },
            [&](const intent::Refresh&) { m_session.refresh(); },
            [&](const intent::Share&) { m_session.share(); },
            [&](const intent::ShareLink& i) { host::shareLink(i.title, formatRoute(i.route)); },
            [&](const intent::ScanTorch&) { m_scanner.toggleTorch(); },
            [&](const intent::ScanSwitchCamera&) { m_scanner.switchCamera(); },
            [&](const intent::ScanPickPhoto&) { m_scanner.pickPhoto(); },
            [&](const intent::StartRating&) { m_outbox.startRating(); },
            [&](const intent::SetRatingLevel& i) { m_outbox.setRatingLevel(i.field, i.level); },
            [&](const intent::SetRatingVisits& i) { m_outbox.setRatingVisits(i.visits); },
            [&](const intent::SubmitRating&) { m_outbox.submitRating(); },
            [&](const intent::OpenStats&) { m_catalogue.openStats(); },
            [&](const intent::CounterRate& i) { m_counter.rate(static_cast<int>(i.level)); },
            [&](const intent::OpenProcedures&) { m_catalogue.open(); },
            [&](const intent::SetField& i) { m_catalogue.setField(i.field); },
            [&](const intent::SetAgency& i) { m_catalogue.setAgency(i.code); },
            [&](const intent::OpenProcedure& i) { m_catalogue.openProcedure(i.index); },
            [&](const intent::Ask&) { m_catalogue.ask(); },
            [&](const intent::OpenRequestForm& i) { m_outbox.openRequestForm(i.question); },
            [&](const intent::SetRequestCategory& i) { m_outbox.setRequestCategory(i.category); },
            [&](const intent::SetRequestAnonymous& i) {
                m_state.request.draft.anonymous = i.anonymous;
            },
            [&](const intent::SendRequest&) { m_outbox.sendRequest(); },
            [&](const intent::FollowRequest& i) { m_outbox.followRequest(i.id); },
            [&](const intent::OpenPlaces& i) { m_localInfo.openPlaces(i.kind); },
            [&](const intent::OpenAlerts&) { openAlerts(); },
            [&](const intent::CloseAlerts&) { closeAlerts(); },
            [&](const intent::OpenLink& i) { host::openUrl(i.url); },
            [&](const intent::OpenDataset& i) { m_lookups.openDataset(i.id); },
            [&](const intent::SubmitDatasetQuery&) { m_lookups.submit(); },
            [&](const intent::CopyText& i) {
                host::copyText(i.text);
                m_state.view.copied = i.what;
            },
            [&](const intent::SaveQrImage& i) {
                host::saveQrImage(i.fileName, i.size, i.modules, i.caption);
            },
            [&](const intent::ApplyUpdate&) { host::applyUpdate(); },
            [&](const intent::Install&) {
                if (m_state.installHint == 1) host::promptInstall();
                m_state.installHint = 0;
            },
            [&](const intent::DismissInstall&) { m_state.installHint = 0; },
            [&](const intent::NotifyChanges& i) { m_push.set(i.on); },
            [&](const intent::StillThere&) { m_kiosk.stillThere(); },
        },
        intent);
    m_settleFrames = 2;
}

void App::navigate(Screen screen) {
    if (m_state.screen == Screen::Dossier && screen != Screen::Dossier && screen != Screen::Rate)
        m_session.close();
    if (m_state.screen == Screen::Scan && screen != Screen::Scan) m_scanner.close();
    if (screen == Screen::Scan && m_state.screen != Screen::Scan) m_scanner.open();
    m_state.notice.clear();
    if (screen == Screen::Lookup) {
        m_state.lookup.message.clear();
        m_state.lookup.state = Io::Idle;
    }
    m_state.screen = screen;
    if (screen == Screen::Datasets || screen == Screen::Dataset) m_lookups.ensureList();
    m_state.page.leaveFields();
    m_state.page.scrollTop();
}

void App::openAlerts() {
    if (m_state.screen == Screen::Alerts) return;
    // The screen underneath stays as it was (an open dossier, a half-typed form) to come back
    // to; only the camera stops.
    if (m_state.screen == Screen::Scan) m_scanner.close();
    m_state.alerts.back = m_state.screen;
    m_state.screen = Screen::Alerts;
    m_state.page.leaveFields();
    m_state.page.scrollTop();
}

void App::closeAlerts() {
    if (m_state.screen != Screen::Alerts) return;
    m_state.screen = m_state.alerts.back;
    m_state.page.leaveFields();
    if (m_state.screen == Screen::Scan) m_scanner.open();
    // A retry that fell due meanwhile was skipped (it only runs on the dossier screen).
    if (m_state.screen == Screen::Dossier && m_session.idle()) m_session.refresh();
}

void App::wipeKioskSession() {
    m_push.wipe(); // first: it may still use the open dossier's token
    m_session.close();
    m_scanner.close();
    m_lookups.reset();
    const float scale = m_state.textScale;
    PageRequests page = m_state.page;
    page.leaveFields();
    // Ratings not yet delivered stay to be sent; everything else of the citizen goes.
    Outbox undelivered = m_state.outbox;
    undelivered.removeSent();
    // Alerts are the province's, not the citizen's: they stay (the poller ignores a reply equal to
    // what it has, so dropping them would hide them until the alerts change).
    AlertsView alerts = std::move(m_state.alerts);
    alerts.back = Screen::Home;
    m_state = AppState{};
    m_state.kiosk = true;
    m_state.textScale = scale;
    m_state.outbox = std::move(undelivered);
    m_state.alerts = std::move(alerts);
    m_state.page = page;
    m_localInfo.pollNow(); // and are asked again now, in Vietnamese
    m_history.forget();
    m_pendingRate.clear();
    m_storage.remove("motcua.recent");
    m_storage.remove("motcua.settings");
    host::wipeDeviceStorage();
    m_outbox.save();
    m_settings.setLanguage(Language::Vi);
    m_settings.markStyleDirty();
    m_kiosk.restart();
}

void App::networkOnline() {
    m_outbox.networkOnline();
    host::requestFrame();
    m_settings.networkOnline();
    m_session.networkOnline();
    m_lookups.networkOnline();
}

void App::wake() {
    m_localInfo.pollAlerts();
}

void App::tick() {
    if (m_kiosk.tick()) {
        wipeKioskSession();
        host::requestFrame();
    }
    m_state.now = static_cast<int64_t>(host::wallClockSeconds());
    m_outbox.tick();
    m_counter.tick();
    m_localInfo.pollAlerts();
    m_catalogue.tick();
    m_session.tick();
    // A rating's address: its form opens once the dossier it rates is in.
    if (!m_pendingRate.empty() && m_state.screen == Screen::Dossier &&
        m_state.view.code == m_pendingRate && m_state.view.dossier) {
        m_pendingRate.clear();
        m_outbox.startRating();
        m_history.settle(m_state);
    }
    m_lookups.tick();
    m_push.tick();
}

bool App::endFrame(float pageScroll) {
    m_history.follow(m_state, pageScroll);
    if (m_settleFrames > 0) --m_settleFrames;
    return m_settleFrames > 0;
}

} // namespace motcua
