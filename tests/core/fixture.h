// Reads a test fixture from tests/core/fixtures/ (shared by the core and UI tests), as text or
// parsed as a dossier.
#pragma once

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

#include "core/dossier.h"

namespace motcua::test {

inline std::string fixture(const std::string& name) {
    std::ifstream in(std::string(MOTCUA_SOURCE_DIR) + "/tests/core/fixtures/" + name,
                     std::ios::binary);
    REQUIRE(in.good());
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// A fixture that must parse as a dossier (the test fails where it does not, naming the error).
inline Dossier fixtureDossier(const std::string& name) {
    auto r = parseDossier(fixture(name));
    INFO(name << ": " << r.error);
    REQUIRE(r.ok());
    return *r.value;
}

} // namespace motcua::test
