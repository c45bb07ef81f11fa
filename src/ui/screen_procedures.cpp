// Procedures and answers: search as you type (diacritics optional), browse by field, a procedure
// page with papers, time, fees and place, and an ask box answered from the catalogue.
#include <cstdio>
#include <map>
#include <set>
#include <string>

#include <imgui.h>

#include "core/timeline.h"
#include "ui/screens.h"
#include "ui/theme.h"
#include "ui/tr.h"
#include "ui/widgets.h"

namespace motcua::ui {

namespace {

std::string fmt(const char* f, const std::string& a) {
    char buf[600];
    std::snprintf(buf, sizeof buf, f, a.c_str());
    return buf;
}

const std::string& nameIn(const ProcedureInfo& p, Language lang) {
    if (contentLanguage(lang) == Language::En && !p.name.en.empty()) return p.name.en;
    if (lang == Language::Vi && !p.name.vi.empty()) return p.name.vi;
    return p.name.name;
}

void facts(const ProcedureInfo& p, const AppState& state, uint8_t facets) {
    const bool all = facets == 0;
    auto wants = [&](AskFacet f) { return all || (facets & static_cast<uint8_t>(f)); };
    if (wants(AskFacet::Documents)) {
        heading(tr("procedure.documents"), 2);
        for (size_t i = 0; i < p.documents.size(); ++i) {
            const ProcedureDocument& d = p.documents[i];
            char line[600];
            std::snprintf(line, sizeof line, tr("procedure.document_line"), d.name.c_str(),
                          d.originals, d.copies);
            ImGui::PushID(static_cast<int>(i));
            paragraph(line);
            ImGui::PopID();
        }
        if (p.documents.empty()) paragraph(tr("procedure.no_documents"), true);
    }
    if (wants(AskFacet::Time)) {
        char line[200];
        std::snprintf(line, sizeof line, tr("procedure.days"), p.processingDays);
        paragraph(line);
    }
    if (wants(AskFacet::Fee)) {
        if (p.fees.empty()) paragraph(tr("procedure.free"));
        for (size_t i = 0; i < p.fees.size(); ++i) {
            ImGui::PushID(static_cast<int>(100 + i));
            paragraph((p.fees[i].name + ": " + formatDong(p.fees[i].amount)).c_str());
            ImGui::PopID();
        }
    }
    if (wants(AskFacet::Place)) paragraph(fmt(tr("procedure.where"), p.agency.name.name).c_str());
    if (wants(AskFacet::Online))
        paragraph(tr(p.online ? "procedure.online_yes" : "procedure.online_no"));
    if (all && !p.legalBasis.empty())
        paragraph(fmt(tr("procedure.legal"), p.legalBasis).c_str(), true);
    (void)state;
}

void backTo(Intents& out, Screen to) {
    if (backButton()) out.push_back(intent::Navigate{to});
}

} // namespace

void drawProceduresScreen(Context& ctx, AppState& state, Intents& out) {
    CatalogView& c = state.catalog;
    beginPage(ctx, "##procedures");
    drawAlertsBanner(ctx, state, out);
    backTo(out, Screen::Home);
    heading(tr("procedures.title"), 1);

    beginCard("##ask");
    const bool askNow =
        textField(tr("ask.label"), c.question, {.hint = tr("ask.hint"), .maxLength = 400});
    if (button(tr("ask.submit")) || askNow) out.push_back(intent::Ask{});
    if (c.answer) {
        const AskAnswer& a = *c.answer;
        if (a.kind == AskAnswer::Kind::Faq && a.faq && *a.faq < c.faqs.size()) {
            statusText(c.faqs[*a.faq].answer.c_str(), color::kSuccess);
        }
        if (a.good() && a.procedure && *a.procedure < c.procedures.size()) {
            const ProcedureInfo& p = c.procedures[*a.procedure];
            heading(nameIn(p, state.language).c_str(), 2);
            facts(p, state, a.facets);
            if (button(tr("ask.open_procedure"), ButtonKind::Secondary))
                out.push_back(intent::OpenProcedure{static_cast<uint32_t>(*a.procedure)});
        } else if (!a.good()) {
            statusText(tr("ask.no_match"), color::kWarning);
            if (button(tr("ask.send_to_centre"), ButtonKind::Secondary))
                out.push_back(intent::OpenRequestForm{c.question});
        }
    }
    endCard();

    beginCard("##search");
    textField(tr("procedures.search"), c.query,
              {.hint = tr("procedures.search_hint"), .inputMode = "search", .maxLength = 200});
    if (c.load == Io::Loading) statusText(tr("stats.loading"));
    if (!c.message.empty()) statusText(tr(c.message.c_str()), color::kDanger);
    // Browse by field: a chip per field, and "all".
    if (c.query.empty() && !c.procedures.empty()) {
        std::set<std::string> fields;
        for (const ProcedureInfo& p : c.procedures)
            fields.insert(p.field);
        if (choice(tr("procedures.all_fields"), c.field.empty(), ImGui::GetContentRegionAvail().x))
            out.push_back(intent::SetField{""});
        for (const std::string& f : fields)
            if (choice(f.c_str(), c.field == f, ImGui::GetContentRegionAvail().x))
                out.push_back(intent::SetField{f});
        // And by agency: where the procedure is handled.
        heading(tr("procedures.by_agency"), 2);
        std::map<std::string, std::string> agencies;
        for (const ProcedureInfo& p : c.procedures)
            agencies.emplace(p.agency.code, p.agency.name.name);
        ImGui::PushID("agencies");
        if (choice(tr("procedures.all_agencies"), c.agency.empty(),
                   ImGui::GetContentRegionAvail().x))
            out.push_back(intent::SetAgency{""});
        for (const auto& [code, name] : agencies)
            if (choice(name.c_str(), c.agency == code, ImGui::GetContentRegionAvail().x))
                out.push_back(intent::SetAgency{code});
        ImGui::PopID();
    }
    endCard();

    if (c.index && !c.query.empty() && c.hits.empty()) paragraph(tr("procedures.none"), true);
    for (const SearchHit& hit : c.hits) {
        if (hit.index >= c.procedures.size()) continue;
        const ProcedureInfo& p = c.procedures[hit.index];
        ImGui::PushID(static_cast<int>(hit.index));
        const std::string label =
            nameIn(p, state.language) + "\n" + p.field + " · " + p.agency.name.name;
        if (button(label.c_str(), ButtonKind::Secondary, -1.0f, nameIn(p, state.language).c_str()))
            out.push_back(intent::OpenProcedure{hit.index});
        ImGui::PopID();
    }
    spacing();
    if (button(tr("request.open"), ButtonKind::Quiet)) out.push_back(intent::OpenRequestForm{""});
    endPage(ctx);
}

void drawProcedureScreen(Context& ctx, const AppState& state, Intents& out) {
    const CatalogView& c = state.catalog;
    beginPage(ctx, "##procedure");
    drawAlertsBanner(ctx, state, out);
    backTo(out, Screen::Procedures);
    if (c.open < 0 || static_cast<size_t>(c.open) >= c.procedures.size()) {
        // Opened by its address: the catalogue is on its way, or has no procedure with that code.
        heading(c.wanted.empty() ? tr("home.procedures") : c.wanted.c_str(), 1);
        if (c.load == Io::Loading) statusText(tr("stats.loading"));
        if (c.load == Io::Failed) statusText(tr(c.message.c_str()), color::kDanger);
        if (c.load == Io::Done) statusText(tr("procedure.not_found"), color::kDanger);
        endPage(ctx);
        return;
    }
    const ProcedureInfo& p = c.procedures[static_cast<size_t>(c.open)];
    heading(nameIn(p, state.language).c_str(), 1);
    paragraph((p.code + " · " + p.field).c_str(), true);
    beginCard("##facts");
    facts(p, state, 0);
    endCard();
    Route route;
    route.screen = Screen::Procedure;
    route.procedure = p.code;
    if (button(tr("share.page"), ButtonKind::Secondary, -1.0f, tr("share.procedure")))
        out.push_back(intent::ShareLink{nameIn(p, state.language), route});
    endPage(ctx);
}

} // namespace motcua::ui
