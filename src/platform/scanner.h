// The camera QR scanner as the app sees it: open/close, torch, camera switch, pick a photo, and
// the events the platform reports back (state, capabilities, decoded text with corners).
// Web: web/scanner.js + web/scanner_worker.js through bridge.cpp. Native: a recording stub.
#pragma once

#include <array>
#include <string>

namespace motcua::scanner {

enum class State {
    Idle,
    Starting,
    Running,
    Denied,   // the person refused camera access
    NoCamera, // the device has none (or none is free)
    Insecure, // not a secure context: browsers allow cameras only over https/localhost
    Failed,   // anything else (the camera stopped, the decoder could not load)
};

enum class Source { Camera, Photo, KeyboardScanner };

// A texture the platform fills with camera frames for the preview (0 when there is none).
unsigned createPreviewTexture();
// Starts the rear camera; frames go to GL texture `texture` (0: no preview) and to the decoder.
void open(unsigned texture);
void close();
void setTorch(bool on);
void switchCamera();
// Opens the device's photo picker; a chosen image is decoded like a camera frame.
void pickPhoto();

} // namespace motcua::scanner
