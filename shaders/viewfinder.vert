#version 300 es
// Viewfinder overlay: one triangle covering the viewport; the scissor keeps it on the preview.
void main() {
    vec2 p = vec2(float((gl_VertexID << 1) & 2), float(gl_VertexID & 2));
    gl_Position = vec4(p * 2.0 - 1.0, 0.0, 1.0);
}
