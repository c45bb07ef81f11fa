// Storage kept in memory (native tests): survives as long as the object, like a browser profile.
#pragma once

#include <map>

#include "platform/storage.h"

namespace motcua {

class MemoryStorage final : public Storage {
  public:
    void load(const std::string& key,
              std::function<void(std::optional<std::string>)> done) override {
        auto it = m_values.find(key);
        done(it == m_values.end() ? std::nullopt : std::optional<std::string>(it->second));
    }
    void save(const std::string& key, const std::string& value) override { m_values[key] = value; }
    void remove(const std::string& key) override { m_values.erase(key); }
    const std::map<std::string, std::string>& values() const { return m_values; }

  private:
    std::map<std::string, std::string> m_values;
};

} // namespace motcua
