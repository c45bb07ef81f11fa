// The camera preview texture on the web: a GL texture in the app's WebGL2 context that
// web/scanner.js fills with video frames.
#include <GLES3/gl3.h>

#include "platform/scanner.h"

namespace motcua::scanner {

unsigned createPreviewTexture() {
    static GLuint s_texture = 0;
    if (s_texture == 0) {
        glGenTextures(1, &s_texture);
        GLint previous = 0;
        glGetIntegerv(GL_TEXTURE_BINDING_2D, &previous);
        glBindTexture(GL_TEXTURE_2D, s_texture);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        // A dark 1x1 pixel until the first camera frame arrives.
        const unsigned char dark[4] = {20, 24, 30, 255};
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, 1, 1, 0, GL_RGBA, GL_UNSIGNED_BYTE, dark);
        glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(previous));
    }
    return s_texture;
}

} // namespace motcua::scanner
