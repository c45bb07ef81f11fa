// Viewfinder with ImDrawList primitives, for builds without the GL shader (headless tests).
#include "platform/viewfinder.h"

namespace motcua::viewfinder {

void draw(ImDrawList* dl, const Overlay& o) {
    const ImU32 shade = IM_COL32(0, 0, 0, 115);
    const ImVec2 p = o.previewMin, q = o.previewMax, a = o.boxMin, b = o.boxMax;
    dl->AddRectFilled(p, ImVec2(q.x, a.y), shade);
    dl->AddRectFilled(ImVec2(p.x, b.y), q, shade);
    dl->AddRectFilled(ImVec2(p.x, a.y), ImVec2(a.x, b.y), shade);
    dl->AddRectFilled(ImVec2(b.x, a.y), ImVec2(q.x, b.y), shade);
    const float len = (b.x - a.x) * 0.16f, t = 4.0f;
    const ImU32 white = IM_COL32_WHITE;
    dl->AddLine(a, ImVec2(a.x + len, a.y), white, t);
    dl->AddLine(a, ImVec2(a.x, a.y + len), white, t);
    dl->AddLine(ImVec2(b.x, a.y), ImVec2(b.x - len, a.y), white, t);
    dl->AddLine(ImVec2(b.x, a.y), ImVec2(b.x, a.y + len), white, t);
    dl->AddLine(b, ImVec2(b.x - len, b.y), white, t);
    dl->AddLine(b, ImVec2(b.x, b.y - len), white, t);
    dl->AddLine(ImVec2(a.x, b.y), ImVec2(a.x + len, b.y), white, t);
    dl->AddLine(ImVec2(a.x, b.y), ImVec2(a.x, b.y - len), white, t);
    if (o.highlight > 0) {
        ImVec4 c = ImGui::ColorConvertU32ToFloat4(o.colour);
        c.w *= o.highlight;
        dl->AddPolyline(o.corners.data(), 4, ImGui::ColorConvertFloat4ToU32(c), ImDrawFlags_Closed,
                        5.0f);
    }
}

} // namespace motcua::viewfinder
