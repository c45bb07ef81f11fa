// The procedure catalogue: fetched whole, searched and asked on the device; public figures.
#include "app/catalogue.h"

#include "app/fetch_json.h"
#include "platform/host.h"

namespace motcua {

void Catalogue::open() {
    m_state.screen = Screen::Procedures;
    m_state.page.scrollTop();
    CatalogView& c = m_state.catalog;
    if (c.load == Io::Loading || (c.load == Io::Done && c.index)) return;
    c.load = Io::Loading;
    fetchPage(1, std::make_shared<std::vector<ProcedureInfo>>());
    HttpRequest faqs;
    faqs.url = std::string("/api/v1/faqs?lang=") + languageCode(m_state.language);
    // Frequent questions only add to the ask box's answers: without them it still works.
    fetchJson(
        m_http, std::move(faqs), parseFaqList,
        [this](std::vector<Faq>&& list, const HttpResponse&) {
            CatalogView& c = m_state.catalog;
            c.faqs = std::move(list);
            if (!c.procedures.empty()) c.asker = std::make_shared<AskMatcher>(c.procedures, c.faqs);
        },
        [](const char*, const HttpResponse&) {});
}

void Catalogue::openProcedure(uint32_t index) {
    m_state.catalog.open = static_cast<int>(index);
    m_state.catalog.wanted.clear();
    m_state.screen = Screen::Procedure;
    m_state.page.scrollTop();
}

void Catalogue::openCode(const std::string& code) {
    open();
    CatalogView& c = m_state.catalog;
    c.open = -1;
    c.wanted = code;
    m_state.screen = Screen::Procedure;
    resolveWanted();
}

void Catalogue::askFor(const std::string& question) {
    open();
    CatalogView& c = m_state.catalog;
    c.question = question;
    c.answer.reset();
    c.asked.clear();
    m_askPending = !question.empty();
    ask();
}

void Catalogue::resolveWanted() {
    CatalogView& c = m_state.catalog;
    if (c.wanted.empty() || c.load != Io::Done) return;
    for (size_t i = 0; i < c.procedures.size(); ++i) {
        if (c.procedures[i].code == c.wanted) {
            c.open = static_cast<int>(i);
            c.wanted.clear();
            return;
        }
    }
    // No such procedure in the catalogue: the procedure screen says so (c.open stays -1).
}

// The whole catalogue, page after page (the server pages at 500), searched on the device once it
// is all in. A province's catalogue is about 2,000 procedures; kMaxPages bounds a broken server.
void Catalogue::fetchPage(int page, std::shared_ptr<std::vector<ProcedureInfo>> collected) {
    constexpr int kPageSize = 500;
    constexpr int kMaxPages = 20;
    HttpRequest request;
    request.url = "/api/v1/procedures?page_size=" + std::to_string(kPageSize) +
                  "&page=" + std::to_string(page) + "&lang=" + languageCode(m_state.language);
    fetchJson(
        m_http, std::move(request), parseProcedureList,
        [this, page, collected](ProcedureList&& list, const HttpResponse&) {
            const bool more =
                !list.items.empty() && page < kMaxPages &&
                static_cast<int64_t>(collected->size() + list.items.size()) < list.total;
            collected->insert(collected->end(), std::make_move_iterator(list.items.begin()),
                              std::make_move_iterator(list.items.end()));
            if (more) {
                fetchPage(page + 1, collected);
                return;
            }
            CatalogView& c = m_state.catalog;
            c.procedures = std::move(*collected);
            c.index = std::make_shared<SearchIndex>(c.procedures);
            c.asker = std::make_shared<AskMatcher>(c.procedures, c.faqs);
            // One search now (prefix, whole words and a typo), so the first keystroke does not
            // pay for the first run of this code and the first growth of its buffers.
            (void)c.index->search("dang ki khai s", Language::Vi, 30);
            c.load = Io::Done;
            c.message.clear();
            c.lastQuery = "\x01"; // search again with what was typed meanwhile
        },
        [this](const char* key, const HttpResponse&) {
            m_state.catalog.load = Io::Failed;
            m_state.catalog.message = key;
        });
}

// Runs the search when the query or filter changed since the last frame.
void Catalogue::tick() {
    CatalogView& c = m_state.catalog;
    if (!c.index) return;
    resolveWanted();
    if (m_askPending) ask();
    const std::string key = c.query + '\x02' + c.field + '\x02' + c.agency;
    if (key == c.lastQuery) return;
    c.lastQuery = key;
    SearchFilter filter;
    filter.field = c.field;
    filter.agencyCode = c.agency;
    if (c.query.find_first_not_of(' ') == std::string::npos) {
        // Nothing typed: browse, in catalogue order, optionally one field.
        c.hits.clear();
        for (uint32_t i = 0; i < c.procedures.size(); ++i)
            if ((c.field.empty() || c.procedures[i].field == c.field) &&
                (c.agency.empty() || c.procedures[i].agency.code == c.agency))
                c.hits.push_back({.index = i});
        return;
    }
    const double started = host::nowMs();
    c.hits = c.index->search(c.query, contentLanguage(m_state.language), 30, filter);
    host::reportTiming("search", host::nowMs() - started);
}

void Catalogue::ask() {
    CatalogView& c = m_state.catalog;
    if (!c.asker || c.question.find_first_not_of(' ') == std::string::npos) return;
    m_askPending = false;
    c.answer = c.asker->answer(c.question, contentLanguage(m_state.language));
    c.asked = c.question;
}

void Catalogue::openStats() {
    m_state.screen = Screen::Stats;
    m_state.page.scrollTop();
    m_state.stats.load = Io::Loading;
    HttpRequest request;
    request.url = std::string("/api/v1/stats?lang=") + languageCode(m_state.language);
    fetchJson(
        m_http, std::move(request), parsePublicFigures,
        [this](std::vector<AgencyFigures>&& items, const HttpResponse&) {
            StatsView& s = m_state.stats;
            s.items = std::move(items);
            s.load = Io::Done;
            s.message.clear();
        },
        [this](const char* key, const HttpResponse&) {
            m_state.stats.load = Io::Failed;
            m_state.stats.message = key;
        });
}

} // namespace motcua
