// The lenient JSON member reader every core parser shares: wrong types read as absent, ids exact.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "core/json_fields.h"

using namespace motcua;
using nlohmann::json;

TEST_CASE("json fields: strings, booleans, objects and arrays by type only") {
    const json j =
        json::parse(R"({"s":"x","n":3,"b":true,"o":{"k":1},"a":[1],"z":null,"f":"true"})");
    CHECK(stringField(j, "s") == "x");
    CHECK(stringField(j, "n").empty());
    CHECK(stringField(j, "missing").empty());
    CHECK(stringField(j, "z").empty());
    CHECK(boolField(j, "b"));
    CHECK_FALSE(boolField(j, "f"));
    CHECK(boolField(j, "f", true)); // a string "true" is not a boolean: the fallback stays
    CHECK(objectField(j, "o") != nullptr);
    CHECK(objectField(j, "a") == nullptr);
    CHECK(arrayField(j, "a") != nullptr);
    CHECK(arrayField(j, "o") == nullptr);
    // Not an object at all: every read is absent, nothing throws.
    for (const json& other : {json::array({1, 2}), json("text"), json(5), json()}) {
        CHECK(stringField(other, "s").empty());
        CHECK_FALSE(optIntField(other, "n"));
        CHECK(objectField(other, "o") == nullptr);
    }
}

TEST_CASE("json fields: integers stay exact; floats only where asked") {
    const json j = json::parse(R"({"id":9007199254740993,"neg":-4,"big":18446744073709551615,
        "f":15000.0,"frac":2.5,"huge":1e300,"s":"7"})");
    CHECK(optIntField(j, "id") == int64_t{9007199254740993}); // above 2^53: still exact
    CHECK(intField(j, "neg") == -4);
    CHECK_FALSE(optIntField(j, "big")); // beyond int64: absent, never wrapped negative
    CHECK_FALSE(optIntField(j, "f"));
    CHECK(intField(j, "s", 9) == 9);
    CHECK(optWholeNumberField(j, "f") == 15000);
    CHECK(optWholeNumberField(j, "id") == int64_t{9007199254740993});
    CHECK(optWholeNumberField(j, "frac") == 2);
    CHECK_FALSE(optWholeNumberField(j, "huge"));
    CHECK(optNumberField(j, "frac") == Approx(2.5));
    CHECK_FALSE(optNumberField(j, "s"));
    // The dossier parser's strict reader reads values with the same rule.
    CHECK(asInt64(j["id"]) == int64_t{9007199254740993});
    CHECK_FALSE(asInt64(j["big"]));
    CHECK_FALSE(asInt64(j["f"]));
}
