// Scanner for native headless runs: records what the app asked so tests can check it; tests
// deliver results through scanner::events() as the web page would.
#include "platform/native/host_native.h"
#include "platform/scanner.h"

namespace motcua::scanner {

unsigned createPreviewTexture() {
    return 1;
}

void open(unsigned texture) {
    host::nativeRecord().scannerOpen = true;
    host::nativeRecord().scannerTexture = texture;
}
void close() {
    host::nativeRecord().scannerOpen = false;
}
void setTorch(bool on) {
    host::nativeRecord().scannerTorch = on;
}
void switchCamera() {
    ++host::nativeRecord().scannerSwitches;
}
void pickPhoto() {
    ++host::nativeRecord().scannerPhotoPicks;
}

} // namespace motcua::scanner
