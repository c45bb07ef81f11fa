// Viewfinder on the web: an ImDrawList callback runs the GLSL shaders in shaders/ over the camera
// preview, between ImGui's own draw commands (anti-aliased veil, brackets and code outline).
#include <GLES3/gl3.h>

#include <algorithm>
#include <cstddef>
#include <string_view>

#include "generated/embedded_assets.h"
#include "platform/viewfinder.h"

namespace motcua::viewfinder {

namespace {

struct Program {
    GLuint id = 0;
    GLint box = -1, corners = -1, highlight = -1, colour = -1, scale = -1, fbHeight = -1;
    GLuint vao = 0;
    bool failed = false;
};
Program g_program;

GLuint compile(GLenum type, std::string_view source) {
    const GLuint shader = glCreateShader(type);
    const char* text = source.data();
    const GLint length = static_cast<GLint>(source.size());
    glShaderSource(shader, 1, &text, &length);
    glCompileShader(shader);
    GLint ok = 0;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        glDeleteShader(shader);
        return 0;
    }
    return shader;
}

bool ensureProgram() {
    if (g_program.id || g_program.failed) return g_program.id != 0;
    const GLuint vs = compile(GL_VERTEX_SHADER, assets::shaderViewfinderVert());
    const GLuint fs = compile(GL_FRAGMENT_SHADER, assets::shaderViewfinderFrag());
    if (!vs || !fs) {
        g_program.failed = true;
        return false;
    }
    const GLuint p = glCreateProgram();
    glAttachShader(p, vs);
    glAttachShader(p, fs);
    glLinkProgram(p);
    glDeleteShader(vs);
    glDeleteShader(fs);
    GLint ok = 0;
    glGetProgramiv(p, GL_LINK_STATUS, &ok);
    if (!ok) {
        glDeleteProgram(p);
        g_program.failed = true;
        return false;
    }
    g_program.id = p;
    g_program.box = glGetUniformLocation(p, "u_box");
    g_program.corners = glGetUniformLocation(p, "u_corners");
    g_program.highlight = glGetUniformLocation(p, "u_highlight");
    g_program.colour = glGetUniformLocation(p, "u_colour");
    g_program.scale = glGetUniformLocation(p, "u_scale");
    g_program.fbHeight = glGetUniformLocation(p, "u_fbHeight");
    glGenVertexArrays(1, &g_program.vao);
    return true;
}

void render(const ImDrawList*, const ImDrawCmd* cmd) {
    const Overlay& o = *static_cast<const Overlay*>(cmd->UserCallbackData);
    if (!ensureProgram()) return;
    const ImGuiIO& io = ImGui::GetIO();
    const float scale = io.DisplayFramebufferScale.x;
    const float fbHeight = io.DisplaySize.y * io.DisplayFramebufferScale.y;
    glUseProgram(g_program.id);
    glBindVertexArray(g_program.vao);
    glUniform4f(g_program.box, o.boxMin.x, o.boxMin.y, o.boxMax.x, o.boxMax.y);
    float corners[8];
    for (int i = 0; i < 4; ++i) {
        corners[2 * i] = o.corners[static_cast<size_t>(i)].x;
        corners[2 * i + 1] = o.corners[static_cast<size_t>(i)].y;
    }
    glUniform2fv(g_program.corners, 4, corners);
    glUniform1f(g_program.highlight, o.highlight);
    const ImVec4 c = ImGui::ColorConvertU32ToFloat4(o.colour);
    glUniform3f(g_program.colour, c.x, c.y, c.z);
    glUniform1f(g_program.scale, scale);
    glUniform1f(g_program.fbHeight, fbHeight);
    // Only the preview (clipped by the window) is painted.
    const ImVec2 clipMin(std::max(o.previewMin.x, cmd->ClipRect.x),
                         std::max(o.previewMin.y, cmd->ClipRect.y));
    const ImVec2 clipMax(std::min(o.previewMax.x, cmd->ClipRect.z),
                         std::min(o.previewMax.y, cmd->ClipRect.w));
    if (clipMax.x <= clipMin.x || clipMax.y <= clipMin.y) return;
    glEnable(GL_SCISSOR_TEST);
    glScissor(static_cast<GLint>(clipMin.x * scale),
              static_cast<GLint>(fbHeight - clipMax.y * scale),
              static_cast<GLsizei>((clipMax.x - clipMin.x) * scale),
              static_cast<GLsizei>((clipMax.y - clipMin.y) * scale));
    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDrawArrays(GL_TRIANGLES, 0, 3);
}

} // namespace

void draw(ImDrawList* drawList, const Overlay& overlay) {
    drawList->AddCallback(&render, const_cast<Overlay*>(&overlay), sizeof(Overlay));
    drawList->AddCallback(ImDrawCallback_ResetRenderState, nullptr);
}

} // namespace motcua::viewfinder
