#version 300 es
// Viewfinder overlay for the camera preview: a dark veil outside the aiming square, white corner
// brackets, and the found code's outline (green for a receipt, amber otherwise) fading out.
// Coordinates are CSS pixels with the origin at the top left, like ImGui's.
precision mediump float;

uniform vec4 u_box;          // aiming square: x0, y0, x1, y1
uniform vec2 u_corners[4];   // the code's corners, clockwise
uniform float u_highlight;   // 0..1: how visible the outline still is
uniform vec3 u_colour;       // outline colour
uniform float u_scale;       // framebuffer pixels per CSS pixel
uniform float u_fbHeight;    // framebuffer height in pixels
out vec4 o_colour;

float segmentDistance(vec2 p, vec2 a, vec2 b) {
    vec2 pa = p - a, ba = b - a;
    float h = clamp(dot(pa, ba) / max(dot(ba, ba), 1e-4), 0.0, 1.0);
    return length(pa - ba * h);
}

void main() {
    vec2 p = vec2(gl_FragCoord.x, u_fbHeight - gl_FragCoord.y) / u_scale;
    float aa = 1.0 / u_scale;

    // Veil: soft-edged outside the square.
    vec2 inner = min(p - u_box.xy, u_box.zw - p);
    float insideBox = smoothstep(-aa, aa, min(inner.x, inner.y));
    vec4 colour = vec4(0.0, 0.0, 0.0, 0.45 * (1.0 - insideBox));

    // Corner brackets: near the square's edge and within 16% of its side from a corner.
    float side = u_box.z - u_box.x;
    float len = side * 0.16;
    vec2 fromCorner = min(p - u_box.xy, u_box.zw - p);
    float edge = min(abs(p.x - u_box.x), abs(p.x - u_box.z));
    float edgeY = min(abs(p.y - u_box.y), abs(p.y - u_box.w));
    float onVertical = step(edge, 2.0) * step(fromCorner.y, len) * step(-2.0, fromCorner.y);
    float onHorizontal = step(edgeY, 2.0) * step(fromCorner.x, len) * step(-2.0, fromCorner.x);
    float bracket = clamp(onVertical + onHorizontal, 0.0, 1.0);
    colour = mix(colour, vec4(1.0), bracket);

    // The code's outline.
    float d = min(min(segmentDistance(p, u_corners[0], u_corners[1]),
                      segmentDistance(p, u_corners[1], u_corners[2])),
                  min(segmentDistance(p, u_corners[2], u_corners[3]),
                      segmentDistance(p, u_corners[3], u_corners[0])));
    float outline = (1.0 - smoothstep(2.0, 2.0 + 1.5 * aa + 1.0, d)) * u_highlight;
    colour = mix(colour, vec4(u_colour, 1.0), outline);
    o_colour = colour;
}
