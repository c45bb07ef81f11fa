// Turns ImGui assertions into exceptions Catch2 reports as failures (native test builds only).
#include <stdexcept>
#include <string>

void motcuaImGuiAssertFailed(const char* expr, const char* file, int line) {
    throw std::logic_error(std::string("ImGui assertion failed: ") + expr + " at " + file + ":" +
                           std::to_string(line));
}
