// Other look-ups: the datasets the province publishes, and one dataset's form drawn from its key
// fields (a keyboard to suit each) with a card per matching row.
#include <cstdio>
#include <string>

#include <imgui.h>

#include "core/dataset_query.h"
#include "ui/screens.h"
#include "ui/theme.h"
#include "ui/tr.h"
#include "ui/widgets.h"

namespace motcua::ui {

namespace {

const Dataset* openDataset(const DatasetsView& v) {
    for (const Dataset& d : v.items)
        if (d.id == v.open) return &d;
    return nullptr;
}

// The keyboard and checks each kind of field wants: digits for numbers and dates, capitals for
// plates and candidate numbers (spaces and punctuation do not count in them).
TextFieldOptions optionsFor(const DatasetField& f) {
    TextFieldOptions o;
    switch (f.type) {
    case FieldType::Number:
        o.inputMode = "decimal";
        o.maxLength = 20;
        break;
    case FieldType::Date:
        o.inputMode = "numeric";
        o.maxLength = 10;
        break;
    case FieldType::Text:
        if (f.compact) {
            o.inputMode = "upper";
            o.uppercase = true;
            o.maxLength = 40;
        } else {
            o.maxLength = 120;
        }
        break;
    }
    return o;
}

void drawAnswer(const DatasetAnswer& a, Language lang, bool earlier) {
    spacing();
    if (earlier) paragraph(tr("datasets.earlier"), true);
    if (a.rows.empty()) {
        statusText(tr("datasets.no_match"));
        return;
    }
    char found[160];
    std::snprintf(found, sizeof found, tr("datasets.found"), static_cast<int>(a.rows.size()));
    statusText(found);
    for (size_t r = 0; r < a.rows.size(); ++r) {
        ImGui::PushID(static_cast<int>(r));
        beginCard("##row");
        for (size_t i = 0; i < a.fields.size() && i < a.rows[r].size(); ++i) {
            const std::string value = formatCell(a.rows[r][i], a.fields[i].type, lang);
            if (value.empty()) continue;
            const std::string line =
                textIn(a.fields[i].labels, lang, a.fields[i].label) + ": " + value;
            paragraph(line.c_str());
        }
        endCard();
        ImGui::PopID();
    }
    if (a.truncated) paragraph(tr("datasets.truncated"), true);
}

void drawListState(const DatasetsView& v, Intents& out) {
    if (v.load == Io::Loading && v.items.empty()) statusText(tr("stats.loading"));
    if (!v.message.empty() && v.items.empty()) {
        statusText(tr(v.message.c_str()), color::kDanger);
        if (button(tr("datasets.retry"), ButtonKind::Secondary))
            out.push_back(intent::Navigate{Screen::Datasets});
    }
}

} // namespace

void drawDatasetsScreen(Context& ctx, const AppState& state, Intents& out) {
    const DatasetsView& v = state.datasets;
    beginPage(ctx, "##datasets");
    drawAlertsBanner(ctx, state, out);
    if (backButton()) out.push_back(intent::Navigate{Screen::Home});
    heading(tr("datasets.title"), 1);
    paragraph(tr("datasets.help"), true);
    spacing();
    drawListState(v, out);
    if (v.load == Io::Done && v.items.empty()) paragraph(tr("datasets.empty"));
    for (const Dataset& d : v.items) {
        ImGui::PushID(d.id.c_str());
        beginCard("##dataset");
        const std::string name = textIn(d.names, v.language, d.name);
        if (button(name.c_str(), ButtonKind::Secondary)) out.push_back(intent::OpenDataset{d.id});
        if (!d.description.empty()) paragraph(d.description.c_str(), true);
        endCard();
        ImGui::PopID();
    }
    endPage(ctx);
}

void drawDatasetScreen(Context& ctx, AppState& state, Intents& out) {
    DatasetsView& v = state.datasets;
    beginPage(ctx, "##dataset");
    drawAlertsBanner(ctx, state, out);
    if (backButton()) out.push_back(intent::Navigate{Screen::Datasets});
    const Dataset* d = openDataset(v);
    if (!d) {
        heading(tr("datasets.title"), 1);
        drawListState(v, out);
        if (v.load == Io::Done) statusText(tr("datasets.error.gone"), color::kDanger);
        endPage(ctx);
        return;
    }
    heading(textIn(d->names, v.language, d->name).c_str(), 1);
    if (!d->description.empty()) paragraph(d->description.c_str(), true);
    if (d->keyed) paragraph(tr("datasets.keyed_note"), true);
    spacing();
    DatasetForm& form = v.forms[d->id];
    beginCard("##form");
    bool submit = false;
    for (const DatasetField& f : formFields(*d)) {
        ImGui::PushID(f.name.c_str());
        const std::string label = textIn(f.labels, v.language, f.label);
        submit |= textField(label.c_str(), form.values[f.name], optionsFor(f));
        if (f.type == FieldType::Date) paragraph(tr("datasets.date_help"), true);
        if (auto it = form.problems.find(f.name); it != form.problems.end())
            statusText(tr(it->second.c_str()), color::kDanger);
        ImGui::PopID();
    }
    spacing(0.5f);
    const bool loading = form.state == Io::Loading;
    if (loading) ImGui::BeginDisabled();
    if (button(loading ? tr("datasets.searching") : tr("datasets.submit")) || (submit && !loading))
        out.push_back(intent::SubmitDatasetQuery{});
    if (loading) ImGui::EndDisabled();
    if (!form.message.empty()) statusText(tr(form.message.c_str()), color::kDanger);
    endCard();
    if (form.answer) drawAnswer(*form.answer, v.language, !form.message.empty());
    endPage(ctx);
}

} // namespace motcua::ui
