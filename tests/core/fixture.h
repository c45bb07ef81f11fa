// Reads a test fixture from tests/core/fixtures/ (shared by the core and UI tests).
#pragma once

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

namespace motcua::test {

inline std::string fixture(const std::string& name) {
    std::ifstream in(std::string(MOTCUA_SOURCE_DIR) + "/tests/core/fixtures/" + name,
                     std::ios::binary);
    REQUIRE(in.good());
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

} // namespace motcua::test
