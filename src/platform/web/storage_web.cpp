// Storage on the web: localStorage through web/library_motcua.js.
#include <cstdlib>
#include <memory>

#include "platform/storage.h"

extern "C" {
char* mc_js_storage_get(const char* key);
void mc_js_storage_set(const char* key, const char* value);
void mc_js_storage_remove(const char* key);
}

namespace motcua {

class WebStorage final : public Storage {
  public:
    void load(const std::string& key,
              std::function<void(std::optional<std::string>)> done) override {
        char* raw = mc_js_storage_get(key.c_str());
        std::optional<std::string> value;
        if (raw) {
            value = std::string(raw);
            std::free(raw);
        }
        done(std::move(value));
    }
    void save(const std::string& key, const std::string& value) override {
        mc_js_storage_set(key.c_str(), value.c_str());
    }
    void remove(const std::string& key) override { mc_js_storage_remove(key.c_str()); }
};

std::unique_ptr<Storage> makeWebStorage() {
    return std::make_unique<WebStorage>();
}

} // namespace motcua
