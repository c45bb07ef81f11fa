// Headless backend: acknowledges texture requests so glyphs "upload" without a GPU.
#include "headless_backend.h"

namespace motcua::test {

void nullBackendInit() {
    ImGuiIO& io = ImGui::GetIO();
    io.BackendFlags |= ImGuiBackendFlags_RendererHasTextures;
    io.BackendRendererName = "motcua_null";
    io.BackendPlatformName = "motcua_null";
}

void nullBackendAfterRender() {
    static ImTextureID s_next = 1;
    for (ImTextureData* tex : ImGui::GetPlatformIO().Textures) {
        switch (tex->Status) {
        case ImTextureStatus_WantCreate:
            tex->SetTexID(s_next++);
            tex->SetStatus(ImTextureStatus_OK);
            break;
        case ImTextureStatus_WantUpdates:
            tex->SetStatus(ImTextureStatus_OK);
            break;
        case ImTextureStatus_WantDestroy:
            tex->SetTexID(ImTextureID_Invalid);
            tex->SetStatus(ImTextureStatus_Destroyed);
            break;
        default:
            break;
        }
    }
}

} // namespace motcua::test
