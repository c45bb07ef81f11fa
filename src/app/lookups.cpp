// The datasets list and one dataset's query: failures said in the citizen's words (offline, too
// many tries, a form the server refused), with what was typed and the last answer kept.
#include "app/lookups.h"

#include "app/fetch_json.h"
#include "core/dataset_query.h"
#include "core/http_reply.h"

namespace motcua {

namespace {
// What the citizen is told when a query is not answered.
const char* queryFailureKey(const ReplyClass& reply) {
    switch (reply.kind) {
    case ReplyKind::Offline:
        return "datasets.error.offline";
    case ReplyKind::RateLimited:
        return "datasets.error.rate_limited";
    case ReplyKind::NotFound:
        return "datasets.error.gone";
    case ReplyKind::Rejected:
        return "datasets.error.rejected";
    default:
        return reply.messageKey;
    }
}

// A dataset id goes into the URL as it is: only a-z, 0-9 and '-' (the server's own rule).
bool isSlug(const std::string& id) {
    if (id.empty() || id.size() > 40) return false;
    for (char c : id)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
    return true;
}
} // namespace

void Lookups::ensureList() {
    DatasetsView& v = m_state.datasets;
    if (v.load == Io::Loading || v.load == Io::Done) return;
    fetchList();
}

void Lookups::fetchList() {
    DatasetsView& v = m_state.datasets;
    if (m_listRequest != 0) m_http.cancel(m_listRequest);
    v.language = m_shownLanguage();
    if (v.items.empty()) v.load = Io::Loading;
    HttpRequest request;
    request.url = std::string("/api/v1/datasets?lang=") + languageCode(v.language);
    const Language asked = v.language;
    m_listRequest = fetchJson(
        m_http, std::move(request), parseDatasetList,
        [this, asked](std::vector<Dataset>&& items, const HttpResponse&) {
            m_listRequest = 0;
            DatasetsView& v = m_state.datasets;
            if (asked != v.language) return;
            v.items = std::move(items);
            v.load = Io::Done;
            v.message.clear();
        },
        [this](const char* key, const HttpResponse&) {
            m_listRequest = 0;
            DatasetsView& v = m_state.datasets;
            // A list already here stays (the names in the language before).
            v.load = v.items.empty() ? Io::Failed : Io::Done;
            if (v.items.empty()) v.message = key;
        });
}

void Lookups::tick() {
    DatasetsView& v = m_state.datasets;
    if (v.language == m_shownLanguage()) return;
    v.language = m_shownLanguage();
    if (v.load == Io::Done || v.load == Io::Loading) fetchList();
}

void Lookups::networkOnline() {
    if (m_state.datasets.load == Io::Failed &&
        (m_state.screen == Screen::Datasets || m_state.screen == Screen::Dataset))
        fetchList();
}

void Lookups::reset() {
    ++m_session;
    if (m_listRequest != 0) m_http.cancel(m_listRequest);
    m_listRequest = 0;
}

const Dataset* Lookups::openDatasetInfo() const {
    for (const Dataset& d : m_state.datasets.items)
        if (d.id == m_state.datasets.open) return &d;
    return nullptr;
}

void Lookups::openDataset(const std::string& id) {
    m_state.datasets.open = id;
    m_state.screen = Screen::Dataset;
    m_state.page.scrollTop();
    ensureList();
}

void Lookups::submit() {
    const Dataset* dataset = openDatasetInfo();
    if (!dataset || !isSlug(dataset->id)) return;
    DatasetForm& form = m_state.datasets.forms[dataset->id];
    if (form.state == Io::Loading) return;
    const DatasetQuery query = buildDatasetQuery(*dataset, form.values);
    form.problems.clear();
    for (const FieldProblem& p : query.problems)
        form.problems[p.field] = p.messageKey;
    if (!query.problems.empty()) return;
    // Dates read back as the citizen wrote them, whichever way they typed them.
    for (const DatasetField& f : formFields(*dataset))
        if (f.type == FieldType::Date)
            if (auto iso = normalizeDate(form.values[f.name]))
                form.values[f.name] =
                    formatCell({*iso, false, true}, FieldType::Date, Language::Vi);
    form.state = Io::Loading;
    form.message.clear();
    HttpRequest request;
    request.method = "POST";
    request.url = "/api/v1/datasets/" + dataset->id +
                  "/query?lang=" + languageCode(m_state.datasets.language);
    request.headers = {{"Content-Type", "application/json"}};
    request.body = query.body;
    const std::string id = dataset->id;
    m_http.send(std::move(request), [this, id, session = m_session](const HttpResponse& reply) {
        if (session != m_session) return;
        DatasetForm& form = m_state.datasets.forms[id];
        form.state = Io::Failed;
        form.offline = reply.status == 0;
        if (reply.status != 200) {
            form.message = queryFailureKey(classifyReply(reply.status, reply.body));
            return;
        }
        auto answer = parseDatasetAnswer(reply.body);
        if (!answer) {
            form.message = parseErrorKey(answer.code);
            return;
        }
        form.answer = std::move(*answer.value);
        form.state = Io::Done;
        form.message.clear();
    });
}

} // namespace motcua
