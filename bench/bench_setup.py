"""bench/api_bench.sh helper: create a dossier with a history, print shell variables
CODE and TOKEN, write the dossier payload to a static file and a wrk Lua script for lookups."""
import json
import sys
import urllib.request

base, admin, static_path, lua_path = sys.argv[1:5]


def call(method, path, body=None, token=None):
    req = urllib.request.Request(base + path, method=method,
                                 data=json.dumps(body).encode() if body is not None else None)
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(req) as r:
        return r.read()


d = json.loads(call("POST", "/api/v1/admin/dossiers", {"procedure_code": "1.004227", "owner_name": "Nguyễn Văn An"},
                    admin))
code = d["code"]
for ev in ({"type": "status", "status": 4, "note": "Đang thẩm định hồ sơ", "unit": "Phòng Đăng ký và Cấp Giấy chứng nhận",
            "officer_role": "Chuyên viên", "officer_name": "Trần Thị Hoa"},
           {"type": "supplement", "content": "Bản sao có chứng thực CCCD của người đề nghị", "deadline": "2030-01-10"},
           {"type": "fee", "name": "Lệ phí cấp Giấy chứng nhận", "amount": 100000, "paid": False},
           {"type": "fee", "name": "Phí thẩm định hồ sơ", "amount": 250000, "paid": True}):
    call("POST", f"/api/v1/admin/dossiers/{code}/events", ev, admin)
lookup = json.loads(call("POST", "/api/v1/dossiers/lookup", {"code": code, "secret": d["secret"]}))
token = lookup["token"]
payload = call("GET", f"/api/v1/dossiers/{code}", token=token)
with open(static_path, "wb") as f:
    f.write(payload)
body = json.dumps({"code": code, "secret": d["secret"]})
with open(lua_path, "w") as f:
    f.write('wrk.method = "POST"\nwrk.body = %s\nwrk.headers["Content-Type"] = "application/json"\n'
            % json.dumps(body))
print(f"CODE='{code}'; TOKEN='{token}'")
