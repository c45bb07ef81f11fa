// Local information for residents and tourists: sights, specialties, buses, power cuts, health
// facilities; phone numbers call and addresses open the map app.
#include <string>

#include <imgui.h>

#include "ui/screens.h"
#include "ui/theme.h"
#include "ui/tr.h"
#include "ui/widgets.h"

namespace motcua::ui {

namespace {

std::string urlEncode(const std::string& s) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_')
            out += static_cast<char>(c);
        else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

void line(const char* key, const std::string& value) {
    if (value.empty()) return;
    paragraph((std::string(tr(key)) + ": " + value).c_str());
}

} // namespace

void drawPlacesScreen(Context& ctx, const AppState& state, Intents& out) {
    const PlacesView& p = state.places;
    beginPage(ctx, "##places");
    drawAlertsBanner(ctx, state, out);
    if (backButton()) out.push_back(intent::Navigate{Screen::Home});
    heading(tr("places.title"), 1);
    static const char* kKinds[] = {"sight", "specialty", "bus", "power_cut", "health"};
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float w = (ImGui::GetContentRegionAvail().x - gap) * 0.5f;
    for (int i = 0; i < 5; ++i) {
        if (i % 2) ImGui::SameLine();
        const std::string key = std::string("places.kind.") + kKinds[i];
        if (choice(tr(key.c_str()), p.kind == kKinds[i], w))
            out.push_back(intent::OpenPlaces{kKinds[i]});
    }
    if (p.load == Io::Loading) statusText(tr("stats.loading"));
    if (!p.message.empty()) statusText(tr(p.message.c_str()), color::kDanger);
    // A place's own address (a poster's QR, a shared link) shows that place, then the others.
    if (p.focus > 0 && button(tr("places.all"), ButtonKind::Secondary))
        out.push_back(intent::OpenPlaces{p.kind});
    for (const Place& place : p.items) {
        if (p.focus > 0 && place.id != p.focus) continue;
        ImGui::PushID(static_cast<int>(place.id));
        beginCard("##place");
        heading(place.name.c_str(), 2);
        if (!place.description.empty()) paragraph(place.description.c_str(), true);
        line("places.shop", place.shop);
        line("places.route", place.route);
        line("places.timetable", place.timetable);
        line("places.area", place.area);
        if (!place.from.empty())
            line("places.when", place.from.substr(0, 16) + " – " + place.to.substr(0, 16));
        line("places.hours", place.hours);
        if (!place.address.empty()) {
            const std::string label = std::string(tr("places.map")) + ": " + place.address;
            if (link(label.c_str()))
                out.push_back(intent::OpenLink{"https://www.google.com/maps/search/?api=1&query=" +
                                               urlEncode(place.address)});
        }
        if (!place.phone.empty()) {
            const std::string label = std::string(tr("places.call")) + " " + place.phone;
            std::string digits;
            for (char ch : place.phone)
                if (std::isdigit(static_cast<unsigned char>(ch)) || ch == '+') digits += ch;
            if (link(label.c_str())) out.push_back(intent::OpenLink{"tel:" + digits});
        }
        Route route;
        route.screen = Screen::Place;
        route.placeKind = place.kind.empty() ? p.kind : place.kind;
        route.id = place.id;
        const std::string shareName = std::string(tr("share.place")) + ": " + place.name;
        if (button(tr("share.page"), ButtonKind::Quiet, -1.0f, shareName.c_str()))
            out.push_back(intent::ShareLink{place.name, route});
        endCard();
        ImGui::PopID();
    }
    endPage(ctx);
}

} // namespace motcua::ui
