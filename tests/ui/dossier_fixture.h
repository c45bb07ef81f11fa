// A dossier as the API sends it, for the tests that look one up over the fake HTTP client.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace motcua::test::fixture {

inline const std::string kCode = "000.00.12.H42-241124-0001";
inline const std::string kSecret = "ABC234";

inline std::string dossierJson(int status, int version, int steps = 2) {
    nlohmann::json d = {
        {"code", kCode},
        {"version", version},
        {"procedure",
         {{"code", "1.001193"},
          {"name", "Đăng ký khai sinh"},
          {"names", {{"vi", "Đăng ký khai sinh"}, {"en", "Birth registration"}}}}},
        {"agency",
         {{"code", "000.00.12.H42"},
          {"name", "UBND phường Trần Phú"},
          {"names", {{"vi", "UBND phường Trần Phú"}, {"en", "Tran Phu Ward"}}}}},
        {"owner", "Nguyễn V. A."},
        {"channel", "counter"},
        {"received_at", "2024-11-25T08:30:00+07:00"},
        {"due_at", "2024-11-29T17:00:00+07:00"},
        {"original_due_at", "2024-11-29T17:00:00+07:00"},
        {"due_history", nlohmann::json::array()},
        {"status", status},
        {"status_name", ""},
        {"status_note", ""},
        {"holder", {{"unit", "Phòng Tư pháp"}, {"role", "Chuyên viên"}}},
        {"completed_at", nullptr},
        {"returned_at", nullptr},
        {"supplements", nlohmann::json::array()},
        {"fees", nlohmann::json::array()},
        {"results", nlohmann::json::array()},
        {"rating_eligible", false},
        {"rating", nullptr},
        {"updated_at", "2024-11-25T08:45:00+07:00"},
    };
    nlohmann::json list = nlohmann::json::array();
    for (int i = 1; i <= steps; ++i) {
        list.push_back({{"seq", i},
                        {"unit", "Phòng Tư pháp"},
                        {"role", "Chuyên viên"},
                        {"action", "Bước xử lý " + std::to_string(i)},
                        {"status", 4},
                        {"started_at", "2024-11-25T08:45:00+07:00"},
                        {"handled_at", i < steps ? nlohmann::json("2024-11-25T09:00:00+07:00")
                                                 : nlohmann::json()},
                        {"deadline", "2024-11-27T17:00:00+07:00"}});
    }
    d["steps"] = list;
    return d.dump();
}

inline std::string lookupReply(const std::string& dossier) {
    return R"({"token":"tok","expires_in":3600,"dossier":)" + dossier + "}";
}

} // namespace motcua::test::fixture
