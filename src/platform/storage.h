// Small key/value storage on the device (localStorage on the web, a folder of files natively).
// Reads answer through a callback so an asynchronous backend can replace either one.
#pragma once

#include <functional>
#include <optional>
#include <string>

namespace motcua {

class Storage {
  public:
    virtual ~Storage() = default;
    virtual void load(const std::string& key,
                      std::function<void(std::optional<std::string>)> done) = 0;
    virtual void save(const std::string& key, const std::string& value) = 0;
    virtual void remove(const std::string& key) = 0;
};

} // namespace motcua
