"""Generated malformed requests, against a real serve.py: bad UTF-8 and surrogates anywhere,
wrong JSON types in every field, huge and negative numbers, deep nesting, duplicate headers, bad
lengths, bad methods and versions.

Every case must be answered with a 4xx status (never 5xx, never a dropped connection without an
answer), `Content-Type: application/json; charset=utf-8` and the error body
`{"errors":[{"code": str, "description": str}]}`; after every batch the server must still answer
`GET /api/v1/health` with 200. Each case is a subTest carrying its input, so every failing one is
listed. Cases are sent over raw sockets (exact bytes, nothing normalised by a client library).

The one accepted exception (HTTP framing makes an answer impossible): a request whose
Content-Length announces more bytes than the client sends before it half-closes the connection
never completes, so there is no request to answer; the server may close without an answer there
(a 4xx answer is welcome too, any other answer fails). See `FRAMING_EXCEPTION`.

Every case connects from its own loopback source address (127.77.x.y): the lookup and
counter-rating rate limits count per address, and without this every case after the tenth
would only exercise the limiter (429) instead of the validation it is about.
"""
import json
import socket
import unittest

from test_support import ADMIN, ServerCase

RAW_TIMEOUT = 5.0  # seconds a case may wait for its answer (generous: test machines can be loaded)
FRAMING_EXCEPTION = "framing: truncated body then EOF"
LEVELS = ("very_satisfied", "satisfied", "dissatisfied")


# -- raw HTTP exchange --------------------------------------------------------------------

class Answer:
    """The first HTTP response read from a connection (status None: no answer)."""

    def __init__(self):
        self.status = None
        self.headers = {}  # lower-case name -> list of values
        self.body = b""
        self.raw = b""
        self.problem = ""  # why there is no (complete) answer

    def header(self, name):
        values = self.headers.get(name.lower())
        return values[0] if values else None

    def __repr__(self):
        return "<%s %r>" % (self.status, self.raw[:300])


_source_counter = [0]


def next_source():
    """A fresh loopback source address for each case (127.77.0.1 … 127.77.255.254)."""
    n = _source_counter[0]
    _source_counter[0] += 1
    return "127.77.%d.%d" % ((n // 254) % 256, n % 254 + 1)


def exchange(port, data, half_close=False, timeout=RAW_TIMEOUT):
    """Send `data` on a new connection, read the first response."""
    ans = Answer()
    buf = b""
    head_end = -1
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.settimeout(timeout)
    try:
        try:
            sock.bind((next_source(), 0))
        except OSError:
            pass  # no other loopback addresses here: the rate limits may then answer 429 (still a 4xx)
        sock.connect(("127.0.0.1", port))
        try:
            sock.sendall(data)
            if half_close:
                sock.shutdown(socket.SHUT_WR)
        except OSError:
            pass  # the server may answer and close before reading everything; read what it sent
        need = None  # total bytes of the response when known
        chunked = False
        while True:
            if head_end < 0:
                head_end = buf.find(b"\r\n\r\n")
                if head_end >= 0:
                    _parse_head(ans, buf[:head_end])
                    if ans.status is None:
                        break
                    cl = ans.header("content-length")
                    te = (ans.header("transfer-encoding") or "").lower()
                    if "chunked" in te:
                        chunked = True
                    elif cl is not None and cl.strip().isdigit():
                        need = head_end + 4 + int(cl)
                    elif ans.status in (204, 304) or 100 <= ans.status < 200:
                        need = head_end + 4
            if need is not None and len(buf) >= need:
                break
            if chunked and _chunked_complete(buf[head_end + 4:]):
                break
            try:
                chunk = sock.recv(65536)
            except socket.timeout:
                ans.problem = "timed out after %.0f s" % timeout
                break
            except OSError as e:
                ans.problem = "connection error: %s" % e
                break
            if not chunk:
                if not buf:
                    ans.problem = "connection closed without an answer"
                break
            buf += chunk
    except OSError as e:
        ans.problem = "connection error: %s" % e
    finally:
        sock.close()
    ans.raw = buf
    if head_end >= 0 and ans.status is not None:
        body = ans.raw[head_end + 4:]
        if chunked:
            body = _dechunk(body)
        elif need is not None:
            body = body[:need - head_end - 4]
        ans.body = body
    elif ans.raw and not ans.problem:
        ans.problem = "incomplete or unparsable answer"
    return ans


def _parse_head(ans, head):
    lines = head.split(b"\r\n")
    parts = lines[0].split(b" ", 2)
    if len(parts) < 2 or not parts[0].startswith(b"HTTP/") or not parts[1].isdigit():
        ans.problem = "not an HTTP status line: %r" % lines[0][:100]
        return
    ans.status = int(parts[1])
    for line in lines[1:]:
        name, sep, value = line.partition(b":")
        if sep:
            ans.headers.setdefault(name.strip().decode("latin-1").lower(), []).append(
                value.strip().decode("latin-1"))


def _chunked_complete(data):
    return data.endswith(b"0\r\n\r\n")


def _dechunk(data):
    out = b""
    while data:
        size_line, _, rest = data.partition(b"\r\n")
        try:
            size = int(size_line.split(b";")[0], 16)
        except ValueError:
            return out
        if size == 0:
            break
        out += rest[:size]
        data = rest[size + 2:]
    return out


# -- cases ------------------------------------------------------------------------------------

class Case:
    """One malformed request. `expect`: a status the answer must have (else any 4xx);
    `code`: the error code it must carry."""

    def __init__(self, label, data, expect=None, code=None, half_close=False, show=None):
        self.label, self.data, self.expect, self.code = label, data, expect, code
        self.half_close = half_close
        self.show = show if show is not None else data

    def shown(self):
        s = self.show if isinstance(self.show, bytes) else str(self.show).encode()
        return repr(s[:240] + (b"...(%d bytes)" % len(s) if len(s) > 240 else b""))


def http_request(method, path, body=None, *, ctype="application/json", token=None, headers=(),
                 version="HTTP/1.1"):
    """Bytes of one well-framed request (path/method/version as given, unchecked)."""
    if isinstance(path, str):
        path = path.encode("utf-8")
    lines = [method.encode() + b" " + path + b" " + version.encode(), b"Host: 127.0.0.1"]
    if token:
        lines.append(b"Authorization: Bearer " + token.encode())
    if body is not None:
        if ctype:
            lines.append(b"Content-Type: " + ctype.encode())
        lines.append(b"Content-Length: %d" % len(body))
    lines.extend(h if isinstance(h, bytes) else h.encode() for h in headers)
    return b"\r\n".join(lines) + b"\r\n\r\n" + (body or b"")


def jdump(value):
    return json.dumps(value, ensure_ascii=False)


def obj_text(pairs):
    """A JSON object from (key, raw JSON value text) pairs, in order, duplicates kept."""
    return "{" + ",".join(jdump(k) + ":" + raw for k, raw in pairs) + "}"


# Field kinds of the validators (src/server/validate.py and the api_*.py field tables).
def text(max_len, required=False, nullable=False, min_len=1, extra=()):
    return {"kind": "text", "max": max_len, "required": required, "nullable": nullable, "min": min_len,
            "extra": list(extra)}


def enum(*values, required=False):
    return {"kind": "enum", "values": values, "required": required, "nullable": False, "extra": []}


def integer(lo, hi, required=False):
    return {"kind": "int", "lo": lo, "hi": hi, "required": required, "nullable": False, "extra": []}


def boolean():
    return {"kind": "bool", "required": False, "nullable": False, "extra": []}


def time_field(required=False, nullable=False, extra=()):
    return {"kind": "time", "required": required, "nullable": nullable, "extra": list(extra)}


def visits_field(required=False):
    return {"kind": "visits", "required": required, "nullable": False, "extra": []}


def criteria_field():
    return {"kind": "criteria", "required": False, "nullable": True, "extra": []}


HUGE_INT = "1" + "0" * 400  # 10**400
WRONG_TYPES = [("true", "true"), ("false", "false"), ("int 7", "7"), ("float 1.5", "1.5"),
               ("huge int 10**400", HUGE_INT), ("negative -1", "-1"), ("huge negative", "-" + HUGE_INT),
               ("float 1e400", "1e400"),
               ("NaN", "NaN"), ("Infinity", "Infinity"), ("-Infinity", "-Infinity"),
               ("list", "[]"), ("list of string", '["x"]'), ("object", "{}"), ("object with key", '{"a":"b"}'),
               ("nested arrays", "[" * 50 + "]" * 50),
               ("lone surrogate \\ud800", r'"\ud800"'), ("lone low surrogate \\udfff", r'"ab\udfffcd"'),
               ("reversed surrogate pair", r'"\ude00\ud83d"')]
BAD_TIMES = [("garbage date", '"not a date"'), ("year 9999 -12:00", '"9999-12-31T23:59:59-12:00"'),
             ("year 9999 date", '"9999-12-31"'), ("year 9999 +07:00", '"9999-12-31T23:59:59+07:00"'),
             ("year 0 date", '"0000-01-01"'), ("year 0 date-time", '"0000-01-01T00:00:00+07:00"'),
             ("year 1 +14:00 (year 0 in +07:00)", '"0001-01-01T00:00:00+14:00"'),
             ("Feb 30", '"2024-02-30"'), ("hour 25", '"2024-11-25T25:00:00+07:00"'),
             ("offset +25:00", '"2024-11-25T08:30:00+25:00"'), ("empty string", '""'),
             ("overlong date", jdump("2024-11-25" + "T08:30:00+07:00" * 10)), ("epoch number", "1732500000")]


def wrong_values(spec):
    """(label, raw JSON text) of values the field must refuse."""
    kind = spec["kind"]
    out = [] if not spec["required"] else [("null", "null")]
    skip = {"int": {"int 7"},  # 7 may be in range: "above range" covers it
            "bool": {"true", "false"}, "criteria": {"object"}}.get(kind, set())  # the right types
    out += [(label, raw) for label, raw in WRONG_TYPES if label not in skip]
    if kind == "text":
        out.append(("overlong string (%d)" % (spec["max"] + 1), jdump("x" * (spec["max"] + 1))))
        out.append(("overlong multibyte string", jdump("ư" * (spec["max"] + 1))))
        out.append(("NUL in string", r'"a\u0000b"'))
        if spec["min"] >= 1:
            out.append(("blank string", '"   "'))
    else:
        out.append(("string", '"bogus"'))
        out.append(("overlong string", jdump("x" * 5000)))
    if kind == "enum":
        out.append(("empty string", '""'))
        out.append(("value with NUL", jdump(spec["values"][0] + "\0")))
    if kind == "int":
        out += [("below range", str(spec["lo"] - 1)), ("above range", str(spec["hi"] + 1)),
                ("numeric string", '"1"')]
    if kind == "bool":
        out += [("int 0", "0"), ("int 1", "1"), ('string "true"', '"true"')]
    if kind == "time":
        out += BAD_TIMES
    if kind == "visits":
        out += [('string "2"', '"2"'), ("int 2", "2")]
    if kind == "criteria":
        out += [("unknown criterion", '{"bogus":"satisfied"}'), ("surrogate criterion key", r'{"\ud800":"satisfied"}'),
                ("surrogate in criterion key", r'{"atti\udc00tude":"satisfied"}'),
                ("duplicate criterion key", '{"attitude":"satisfied","attitude":"dissatisfied"}')]
        for sub in ("attitude", "on_time", "ease"):
            for label, raw in [("int", "1"), ("list", '["satisfied"]'), ("object", "{}"),
                               ("bogus", '"bogus"'), ("surrogate", r'"\ud800"'), ("huge int", HUGE_INT),
                               ("NaN", "NaN")]:
                out.append(("criteria.%s %s" % (sub, label), '{"%s":%s}' % (sub, raw)))
    out += spec["extra"]
    return out


class Route:
    def __init__(self, name, path, base, fields, token=None):
        self.name, self.path, self.base, self.fields, self.token = name, path, base, fields, token

    def base_pairs(self):
        return [(k, jdump(v)) for k, v in self.base.items()]

    def request(self, body, ctype="application/json", headers=()):
        return http_request("POST", self.path, body, ctype=ctype, token=self.token, headers=headers)


def routes(fx):
    """Every POST route with a valid base body (fixtures: dossier codes, tokens, ids)."""
    unit = {"unit": text(200), "officer_role": text(200), "officer_name": text(200)}
    unit_base = {"unit": "Phòng Tư pháp", "officer_role": "Chuyên viên", "officer_name": "Trần Thị Hoa"}
    out = [
        Route("lookup", "/api/v1/dossiers/lookup", {"code": fx["code"], "secret": fx["secret"]},
              {"code": text(200, required=True), "secret": text(50, required=True)}),
        Route("dossier rating", "/api/v1/dossiers/%s/rating" % fx["code"],
              {"idempotency_key": "malformed-rating-1", "overall": "satisfied", "visits": "0",
               "criteria": {"attitude": "satisfied", "on_time": "satisfied", "ease": "satisfied"},
               "comment": "Cảm ơn"},
              {"idempotency_key": text(128, required=True), "overall": enum(*LEVELS, required=True),
               "visits": visits_field(required=True), "criteria": criteria_field(),
               "comment": text(1000, nullable=True, min_len=0)}, token=fx["token"]),
        Route("requests", "/api/v1/requests",
              {"category": "question", "description": "Đăng ký khai sinh cần giấy tờ gì?",
               "dossier_code": fx["code"],
               "contact": "0905 000 000", "anonymous": False, "idempotency_key": "malformed-request-1"},
              {"category": enum("question", "complaint", "suggestion", required=True),
               "description": text(4000, required=True),
               "dossier_code": text(60, nullable=True, extra=[("not a dossier code", '"not-a-code"')]),
               "contact": text(200, nullable=True), "anonymous": boolean(),
               "idempotency_key": text(128, nullable=True)}),
        Route("counter rating", "/api/v1/counters/1/rating",
              {"counter_token": fx.get("counter_token") or "x", "idempotency_key": "malformed-counter-1",
               "overall": "satisfied", "criteria": {"attitude": "satisfied"}, "visits": "1", "comment": "Tốt"},
              {"counter_token": text(300, required=True,
                                     extra=[("forged token", '"bm90LWEtdG9rZW4tYXQtYWxsLXJlYWxseQ"')]),
               "idempotency_key": text(128, required=True), "overall": enum(*LEVELS, required=True),
               "criteria": criteria_field(), "visits": visits_field(), "comment": text(1000, nullable=True, min_len=0)},
              token=fx.get("device")),
        Route("admin dossiers", "/api/v1/admin/dossiers",
              {"procedure_code": "1.004873", "owner_name": "Nguyễn Văn An",
               "received_at": "2024-11-25T08:30:00+07:00",
               "channel": "counter", "status": 2},
              {"procedure_code": text(40, required=True, extra=[("unknown procedure", '"9.999999"')]),
               "owner_name": text(200, required=True), "received_at": time_field(),
               "channel": enum("counter", "online", "post"), "status": integer(1, 2)}, token=ADMIN),
        Route("admin alerts", "/api/v1/admin/alerts",
              dict({"title_vi": "Cắt điện", "body_vi": "Chủ nhật 7:00-11:00", "severity": "warning",
                    "title_en": "Power cut", "body_en": "Sunday 7:00-11:00", "area": "Phường Trần Phú",
                    "starts_at": "2030-01-01T07:00:00+07:00",
                    "ends_at": "2030-01-01T11:00:00+07:00"},
                   **{f"{k}_{lang}": k.upper() + " " + lang for lang in ("ko", "zh", "ja") for k in ("title", "body")}),
              dict({"title_vi": text(300, required=True), "body_vi": text(4000, required=True),
                    "severity": enum("info", "warning", "danger"), "title_en": text(300), "body_en": text(4000),
                    "area": text(200, nullable=True), "starts_at": time_field(nullable=True),
                    "ends_at": time_field(nullable=True, extra=[("before starts_at", '"2029-12-31T00:00:00+07:00"')])},
                   **{f"{k}_{lang}": text(4000 if k == "body" else 300, nullable=True)
                      for lang in ("ko", "zh", "ja") for k in ("title", "body")}), token=ADMIN),
        Route("admin request notes", "/api/v1/admin/requests/%d/notes" % fx["request_id"],
              {"note": "Mang tờ khai và giấy chứng sinh.", "unit": "Bộ phận Tư pháp",
               "status": "answered"},
              {"note": text(4000, required=True), "unit": text(200, nullable=True),
               "status": enum("open", "in_progress", "answered", "closed")}, token=ADMIN),
        Route("admin counter current", "/api/v1/admin/counters/1/current", {"code": fx["counter_code"]},
              {"code": text(60, nullable=True, extra=[("not a dossier code", '"not-a-code"'),
                                                      ("unknown dossier", '"000.00.12.H42-991231-9999"')])},
              token=ADMIN),
    ]
    events = {
        "status": ({"status": 4, "note": "Đang xử lý", "action": "Thẩm định", "deadline": "2030-01-02"},
                   {"status": integer(1, 10, required=True), "note": text(2000, nullable=True), "action": text(300),
                    "deadline": time_field(nullable=True)}, True),
        "supplement": ({"content": "Bản sao CCCD", "deadline": "2030-01-02", "note": "Bổ sung", "set_status": True},
                       {"content": text(2000, required=True), "deadline": time_field(nullable=True),
                        "note": text(2000, nullable=True), "set_status": boolean()}, True),
        "supplement_fulfilled": ({"id": fx["supplement_id"], "new_due_at": "2030-01-03", "note": "Đã bổ sung"},
                                 {"id": integer(1, 2 ** 53, required=True), "new_due_at": time_field(nullable=True),
                                  "note": text(2000, nullable=True)}, True),
        "apology": ({"reason": "Cần xác minh thêm", "new_due_at": "2030-01-03"},
                    {"reason": text(2000, required=True), "new_due_at": time_field(required=True)}, False),
        "fee": ({"name": "Lệ phí", "amount": 50000, "paid": False},
                {"name": text(300, required=True), "amount": integer(0, 10 ** 12, required=True), "paid": boolean()},
                False),
        "result": ({"name": "Giấy khai sinh", "collect_place": "Quầy 1", "collect_from": "2030-01-03"},
                   {"name": text(300, required=True), "collect_place": text(300, nullable=True),
                    "collect_from": time_field(nullable=True)}, False),
    }
    for etype, (base, fields, with_unit) in events.items():
        b = dict({"type": etype}, **base, **(unit_base if with_unit else {}))
        f = dict(fields, **(unit if with_unit else {}))
        out.append(Route("admin event " + etype, "/api/v1/admin/dossiers/%s/events" % fx["event_code"], b, f,
                         token=ADMIN))
    return out


def field_cases(route):
    """Every field of the route with each value it must refuse; missing, unknown and odd keys."""
    cases = []
    for name, spec in route.fields.items():
        for label, raw in wrong_values(spec):
            pairs = [(k, raw if k == name else v) for k, v in route.base_pairs()]
            body = obj_text(pairs).encode("utf-8")
            cases.append(Case("%s: %s = %s" % (route.name, name, label), route.request(body), show=body))
        if spec["required"]:
            body = obj_text([(k, v) for k, v in route.base_pairs() if k != name]).encode()
            cases.append(Case("%s: %s missing" % (route.name, name), route.request(body), show=body))
    keyed = [("unknown key", "bogus_field"), ("empty key", ""), ("NUL key", "\0"), ("lone surrogate key", None),
             ("surrogate inside key", None)]
    for label, key in keyed:
        if key is None:
            key_text = r'"\ud800"' if label == "lone surrogate key" else r'"co\udc80de"'
        else:
            key_text = jdump(key)
        body = ("{" + ",".join(jdump(k) + ":" + v for k, v in route.base_pairs()) + "," + key_text + ':"x"}').encode()
        cases.append(Case("%s: %s" % (route.name, label), route.request(body), show=body))
    if route.name.startswith("admin event"):
        for label, raw in [("type list", '["status"]'), ("type object", '{"status":1}'), ("type number", "1"),
                           ("type huge number", HUGE_INT), ("type true", "true"), ("type null", "null"),
                           ("type unknown", '"bogus"'), ("type surrogate", r'"\ud800"'), ("type NaN", "NaN"),
                           ("type with NUL", r'"status\u0000"')]:
            pairs = [(k, raw if k == "type" else v) for k, v in route.base_pairs()]
            body = obj_text(pairs).encode()
            cases.append(Case("%s: %s" % (route.name, label), route.request(body), show=body))
    return cases


def body_cases(route, alt_code):
    """Whole-body malformations of one route (alt_code: another valid dossier code)."""
    base = obj_text(route.base_pairs()).encode("utf-8")
    first = next(iter(route.base))
    first_raw = jdump(route.base[first])
    key = b'{"' + first.encode() + b'":'
    open_value = b":" + first_raw.encode()[:-1]  # the first value without its closing quote
    rest = [(k, v) for k, v in route.base_pairs() if k != first]
    rest_text = ("," + ",".join(jdump(k) + ":" + v for k, v in rest)) if rest else ""
    bodies = [
        ("empty body", b""),
        ("whitespace body", b" \r\n\t "),
        ("bad UTF-8 byte in a value", base.replace(open_value, open_value + b"\xff", 1)),
        ("bad UTF-8 byte in a key", b'{"' + first.encode() + b'\xfe":' + first_raw.encode() + rest_text.encode()
         + b"}"),
        ("bad UTF-8 outside strings", b"\xff" + base),
        ("overlong UTF-8 encoding (C0 AF)", key + b'"\xc0\xaf"' + rest_text.encode() + b"}"),
        ("UTF-8-encoded surrogate (ED A0 80)", key + b'"\xed\xa0\x80"' + rest_text.encode() + b"}"),
        ("truncated UTF-8 sequence at the end", base + b"\xe1\x80"),
        ("Latin-1 byte in a value", b'{"' + first.encode() + b'":"caf\xe9"' + rest_text.encode() + b"}"),
        ("UTF-16 body", base.decode("utf-8").encode("utf-16")),
        ("arrays nested 100000 deep", b"[" * 100000 + b"]" * 100000),
        ("arrays nested 30000 deep", b"[" * 30000 + b"]" * 30000),
        ("objects nested 12000 deep", b'{"a":' * 12000 + b"1" + b"}" * 12000),
        ("nesting 30000 deep in a field", key + b"[" * 30000 + b"]" * 30000 + b"}"),
        ("nesting 10000 objects in a field", key + b'{"a":' * 10000 + b"1" + b"}" * 10000 + b"}"),
        ("NaN body", b"NaN"), ("Infinity body", b"Infinity"), ("-Infinity body", b"-Infinity"),
        ("array body", b"[]"), ("array of the object", b"[" + base + b"]"), ("string body", b'"x"'),
        ("number body", b"1"), ("huge number body", HUGE_INT.encode()), ("number with 5000 digits", b"9" * 5000),
        ("true body", b"true"), ("null body", b"null"), ("1e400 body", b"1e400"),
        ("truncated object", base[:-1]), ("unterminated string", b'{"' + first.encode() + b'":"abc'),
        ("single quotes", base.replace(b'"', b"'")), ("trailing comma", base[:-1] + b",}"),
        ("two objects", base + base), ("trailing garbage", base + b" x"), ("comment", b"/*c*/" + base),
        ("bare key", b"{" + first.encode() + b":" + first_raw.encode() + b"}"),
        ("NUL byte after the object", base + b"\x00"),
        ("duplicate key, same valid value twice", key + first_raw.encode() + b","
         + base[1:]),
        ("duplicate key, invalid then valid", b'{"' + first.encode() + b'":[1,2],' + base[1:]),
        ("duplicate key, valid then invalid", base[:-1] + b',"' + first.encode() + b'":{"x":[]}}'),
        ("body over 64 KB", b'{"' + first.encode() + b'":"' + b"x" * 70000 + b'"}'),
    ]
    # a duplicate whose second value is valid and different, where the route has another valid value
    # (lookup: the same code in lower case, which normalises to the same dossier: accepting the
    # duplicate would answer 200, not a 404 that hides it)
    alt = {"code": route.base[first].lower() if route.name == "lookup" else alt_code,
           "idempotency_key": "malformed-other-key", "category": "complaint",
           "title_vi": "Khác", "note": "Khác", "procedure_code": "1.001193", "type": "status"}.get(first)
    if alt is not None and alt != route.base[first]:
        bodies.append(("duplicate key, two different valid values",
                       base[:-1] + b',"' + first.encode() + b'":' + jdump(alt).encode() + b"}"))
    return [Case("%s: %s" % (route.name, label), route.request(body), show=body) for label, body in bodies]


def content_type_cases(route):
    """JSON bodies need Content-Type: application/json (415 unsupported_media_type otherwise)."""
    body = obj_text(route.base_pairs()).encode("utf-8")
    cases = []
    for label, ctype in [("no Content-Type", None), ("text/plain", "text/plain"),
                         ("text/plain; charset=utf-8", "text/plain; charset=utf-8"),
                         ("form-urlencoded", "application/x-www-form-urlencoded"),
                         ("multipart", "multipart/form-data; boundary=x"),
                         ("octet-stream", "application/octet-stream")]:
        cases.append(Case("%s: %s" % (route.name, label), route.request(body, ctype=ctype), expect=415,
                          code="unsupported_media_type", show=(ctype or "(none)") + " " + body.decode()))
    for label, ctype in [("garbage Content-Type", "json"), ("Content-Type with NUL", "application/json\0")]:
        cases.append(Case("%s: %s" % (route.name, label), route.request(body, ctype=ctype),
                          show=ctype + " " + body.decode()))
    # JSON media types the contract allows (charset parameter, any case): an empty object then gets
    # the validation answer (422), not 415
    for ctype in ("application/json; charset=utf-8", "Application/JSON; Charset=UTF-8",
                  "application/json;charset=utf-8"):
        cases.append(Case("%s: {} as %s" % (route.name, ctype), route.request(b"{}", ctype=ctype), expect=422,
                          show=ctype + " {}"))
    return cases


# -- protocol-level cases --------------------------------------------------------------------

LOOKUP = b"/api/v1/dossiers/lookup"


def framing_cases():
    head = b"POST " + LOOKUP + b" HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
    c = []

    def add(label, headers, body=b"{}", **kw):
        c.append(Case("framing: " + label, head + headers + b"\r\n" + body, **kw))

    add("duplicate Content-Length, same value", b"Content-Length: 2\r\nContent-Length: 2\r\n")
    add("duplicate Content-Length, different values", b"Content-Length: 2\r\nContent-Length: 10\r\n",
        b'{}{"code":1}')
    add("duplicate Content-Length, different values (larger first)", b"Content-Length: 10\r\nContent-Length: 2\r\n",
        b'{}{"code":1}')
    add("Content-Length list '2, 2'", b"Content-Length: 2, 2\r\n")
    add("Content-Length list '2, 10'", b"Content-Length: 2, 10\r\n", b'{}{"code":1}')
    add("Content-Length: superscript two (Latin-1 byte B2)", b"Content-Length: \xb2\r\n")
    add("Content-Length: superscript two (UTF-8 C2 B2)", b"Content-Length: \xc2\xb2\r\n")
    add("Content-Length: superscript one (Latin-1 byte B9)", b"Content-Length: \xb9\r\n", b"{")
    add("Content-Length: Arabic-Indic two (UTF-8)", b"Content-Length: \xd9\xa2\r\n")
    add("Content-Length: fullwidth two (UTF-8)", b"Content-Length: \xef\xbc\x92\r\n")
    add("negative Content-Length", b"Content-Length: -1\r\n")
    add("negative zero Content-Length", b"Content-Length: -0\r\n", b"")
    add("plus-signed Content-Length", b"Content-Length: +2\r\n")
    add("hex Content-Length", b"Content-Length: 0x2\r\n")
    add("float Content-Length", b"Content-Length: 2.0\r\n")
    add("exponent Content-Length", b"Content-Length: 2e0\r\n")
    add("underscore Content-Length", b"Content-Length: 0_2\r\n")
    add("huge Content-Length (30 digits)", b"Content-Length: 999999999999999999999999999999\r\n", b"")
    add("Content-Length over the body limit", b"Content-Length: 1000000\r\n", b"")
    add("Content-Length 2^64", b"Content-Length: 18446744073709551616\r\n", b"")
    add("empty Content-Length", b"Content-Length: \r\n")
    add("Content-Length with inner space", b"Content-Length: 1 1\r\n")
    add("Content-Length shorter than the body", b"Content-Length: 2\r\n", b'{}{"code":"x","secret":"y"}')
    add("Content-Length 0 with a body", b"Content-Length: 0\r\n", b'{"code":"x","secret":"y"}')
    # FRAMING_EXCEPTION: the body never completes; the client half-closes.
    add("Content-Length longer than the body, then EOF", b"Content-Length: 100\r\n", b'{"code":"x"}',
        half_close=True, expect=FRAMING_EXCEPTION)
    add("Transfer-Encoding: chunked", b"Transfer-Encoding: chunked\r\n", b"2\r\n{}\r\n0\r\n\r\n")
    add("Transfer-Encoding garbage", b"Transfer-Encoding: garbage\r\n", b"{}")
    add("Transfer-Encoding: gzip", b"Transfer-Encoding: gzip\r\n", b"{}")
    add("Transfer-Encoding: chunked, gzip", b"Transfer-Encoding: chunked, gzip\r\n", b"2\r\n{}\r\n0\r\n\r\n")
    add("Transfer-Encoding: gzip, chunked", b"Transfer-Encoding: gzip, chunked\r\n", b"2\r\n{}\r\n0\r\n\r\n")
    add("Transfer-Encoding: xchunked", b"Transfer-Encoding: xchunked\r\n", b"2\r\n{}\r\n0\r\n\r\n")
    add("Transfer-Encoding: identity", b"Transfer-Encoding: identity\r\n", b"{}")
    add("Transfer-Encoding with a bad chunk size", b"Transfer-Encoding: chunked\r\n", b"zz\r\n{}\r\n0\r\n\r\n")
    add("Transfer-Encoding with a huge chunk size", b"Transfer-Encoding: chunked\r\n",
        b"ffffffffffffffffffff\r\n{}\r\n0\r\n\r\n")
    add("Transfer-Encoding with a negative chunk size", b"Transfer-Encoding: chunked\r\n", b"-2\r\n{}\r\n0\r\n\r\n")
    add("duplicate Transfer-Encoding", b"Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n",
        b"2\r\n{}\r\n0\r\n\r\n")
    add("Transfer-Encoding and Content-Length", b"Transfer-Encoding: chunked\r\nContent-Length: 2\r\n",
        b"2\r\n{}\r\n0\r\n\r\n")
    add("Content-Length and Transfer-Encoding", b"Content-Length: 12\r\nTransfer-Encoding: chunked\r\n",
        b"2\r\n{}\r\n0\r\n\r\n")
    add("Transfer-Encoding on HTTP/1.0", b"Transfer-Encoding: chunked\r\n", b"2\r\n{}\r\n0\r\n\r\n")
    c[-1].data = c[-1].data.replace(b"HTTP/1.1", b"HTTP/1.0", 1)
    add("Transfer-Encoding with a space before the colon", b"Transfer-Encoding : chunked\r\nContent-Length: 2\r\n")
    add("Content-Length with a space before the colon", b"Content-Length : 2\r\n")
    add("Content-Length with a tab before the colon", b"Content-Length\t: 2\r\n")
    return c


def method_version_cases():
    c = []

    def add(label, line, headers=b"Host: 127.0.0.1\r\n", body=b""):
        c.append(Case("method/version: " + label, line + b"\r\n" + headers + b"\r\n" + body))

    cl = b"Host: 127.0.0.1\r\nContent-Length: 2\r\nContent-Type: application/json\r\n"
    add("lowercase get", b"get /api/v1/health HTTP/1.1")
    add("lowercase post", b"post /api/v1/dossiers/lookup HTTP/1.1", cl, b"{}")
    add("FOO", b"FOO /api/v1/health HTTP/1.1")
    add("BREW on a static path", b"BREW /pot HTTP/1.1")
    add("method with a NUL", b"GE\x00T /api/v1/health HTTP/1.1")
    add("method with a non-token character", b"GE(T /api/v1/health HTTP/1.1")
    add("non-ASCII method", b"G\xc3\x89T /api/v1/health HTTP/1.1")
    add("overlong method", b"A" * 1000 + b" /api/v1/health HTTP/1.1")
    add("PUT on an API route", b"PUT /api/v1/health HTTP/1.1", cl, b"{}")
    add("DELETE on an API route", b"DELETE /api/v1/dossiers/lookup HTTP/1.1")
    add("PATCH on an admin route", b"PATCH /api/v1/admin/dossiers HTTP/1.1",
        cl + b"Authorization: Bearer " + ADMIN.encode() + b"\r\n", b"{}")
    add("TRACE on an API route", b"TRACE /api/v1/health HTTP/1.1")
    add("CONNECT authority-form", b"CONNECT 127.0.0.1:443 HTTP/1.1")
    add("GET on a POST-only route", b"GET /api/v1/dossiers/lookup HTTP/1.1")
    add("POST on a GET-only route", b"POST /api/v1/health HTTP/1.1", cl, b"{}")
    add("HTTP/9.9", b"GET /api/v1/health HTTP/9.9")
    add("HTTP/2.0 in an HTTP/1 request line", b"GET /api/v1/health HTTP/2.0")
    add("HTTP/1.x", b"GET /api/v1/health HTTP/1.x")
    add("HTTP/0.9", b"GET /api/v1/health HTTP/0.9")
    add("HTTP/0.9 simple request (no version)", b"GET /api/v1/health", b"")
    add("HTTP/1.1.1", b"GET /api/v1/health HTTP/1.1.1")
    add("HTTP/01.1", b"GET /api/v1/health HTTP/01.1")
    add("HTTP/1.10", b"GET /api/v1/health HTTP/1.10")
    add("lowercase http/1.1", b"GET /api/v1/health http/1.1")
    add("HTTPS/1.1", b"GET /api/v1/health HTTPS/1.1")
    add("bare HTTP/", b"GET /api/v1/health HTTP/")
    add("version with a non-ASCII digit", b"GET /api/v1/health HTTP/1.\xc2\xb9")
    add("four words", b"GET /api/v1/health HTTP/1.1 extra")
    add("garbage line", b"garbage")
    add("TLS ClientHello bytes", b"\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03")
    return c


def target_cases(fx):
    admin = b"Authorization: Bearer " + ADMIN.encode() + b"\r\n"
    bearer = b"Authorization: Bearer " + fx["token"].encode() + b"\r\n"
    json_cl = lambda body: b"Content-Type: application/json\r\nContent-Length: %d\r\n" % len(body)  # noqa: E731
    c = []

    def add(label, target, method=b"GET", headers=b"", body=b"", expect=None):
        if target.startswith(b"/api/v1/counters/"):
            headers += device_header(fx)
        c.append(Case("target: " + label, method + b" " + target + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers
                      + b"\r\n" + body, expect=expect))

    code = fx["code"].encode()
    add("no leading slash", b"api/v1/health")
    add("asterisk-form on GET", b"*")
    add("query only", b"?lang=vi")
    add("absolute-form to another host", b"http://evil.example/api/v1/health")
    add("absolute-form https to another host", b"https://evil.example:8443/api/v1/health")
    add("NUL in the path", b"/api/v1/he\x00alth")
    add("NUL in a path parameter", b"/api/v1/procedures/1.0\x00")
    add("percent-encoded NUL in a static path", b"/%00")
    add("percent-encoded NUL in a path parameter", b"/api/v1/procedures/1.001193%00")
    add("percent-encoded NUL in a dossier code", b"/api/v1/dossiers/" + code + b"%00", headers=bearer)
    add("raw bytes FF FE in the path", b"/api/v1/procedures/\xff\xfe")
    add("raw non-UTF-8 byte in a static path", b"/\xff.js")
    add("raw non-UTF-8 byte in the query", b"/api/v1/procedures?q=\xff")
    add("raw overlong UTF-8 in the query", b"/api/v1/procedures?q=\xc0\xaf")
    add("percent-encoded non-UTF-8 in the query", b"/api/v1/procedures?q=%ff%fe")
    add("percent-encoded surrogate in the query", b"/api/v1/procedures?q=%ED%A0%80")
    add("percent-encoded non-UTF-8 in a query name", b"/api/v1/procedures?%ff=1")
    add("raw space in the path", b"/api/v1/procedures/1 2")
    add("control character in the path", b"/api/v1/procedures/\x7f")
    add("percent-encoded FF in a procedure code", b"/api/v1/procedures/%ff")
    add("truncated percent escape", b"/api/v1/procedures/%")
    add("invalid percent escape", b"/api/v1/procedures/%zz")
    add("percent-encoded FF in a dossier code", b"/api/v1/dossiers/%ff%fe", headers=bearer)
    add("percent-encoded surrogate in a dossier code", b"/api/v1/dossiers/%ED%A0%80/changes?since=0", headers=bearer)
    add("fullwidth digits in a dossier code",
        b"/api/v1/dossiers/" + code[:-4] + b"%EF%BC%90%EF%BC%90%EF%BC%90%EF%BC%91", headers=bearer)
    add("percent-encoded slash in a dossier code", b"/api/v1/dossiers/" + code.replace(b"-", b"%2F", 1), headers=bearer)
    add("percent-encoded FF as counter", b"/api/v1/counters/%ff")
    add("percent-encoded NUL after counter", b"/api/v1/counters/1%00")
    add("fullwidth digit one as counter", b"/api/v1/counters/%EF%BC%91")
    add("Arabic-Indic digit one as counter", b"/api/v1/counters/%D9%A1")
    add("superscript one as counter", b"/api/v1/counters/%C2%B9")
    add("counter 0", b"/api/v1/counters/0")
    add("negative counter", b"/api/v1/counters/-1")
    add("huge counter", b"/api/v1/counters/" + b"9" * 400)
    add("percent-encoded FF as request id", b"/api/v1/requests/%ff", headers=b"Authorization: Bearer X\r\n")
    add("fullwidth digits as request id", b"/api/v1/requests/%EF%BC%91", headers=b"Authorization: Bearer X\r\n")
    add("encoded dot-dot as request id", b"/api/v1/requests/%2e%2e", headers=b"Authorization: Bearer X\r\n")
    rating = b'{"idempotency_key":"k","overall":"satisfied","visits":"0"}'
    add("percent-encoded FF in a rating path", b"/api/v1/dossiers/%ff/rating", b"POST", bearer + json_cl(rating),
        rating)
    event = b'{"type":"fee","name":"x","amount":1}'
    add("percent-encoded FF in an event path", b"/api/v1/admin/dossiers/%ff/events", b"POST", admin + json_cl(event),
        event)
    note = b'{"note":"x"}'
    add("percent-encoded FF as request id (notes)", b"/api/v1/admin/requests/%ff/notes", b"POST",
        admin + json_cl(note), note)
    add("fullwidth digit as request id (notes)", b"/api/v1/admin/requests/%EF%BC%91/notes", b"POST",
        admin + json_cl(note), note)
    add("percent-encoded FF as alert id", b"/api/v1/admin/alerts/%ff/end", b"POST", admin + json_cl(b"{}"), b"{}")
    add("fullwidth digit as alert id", b"/api/v1/admin/alerts/%EF%BC%91%EF%BC%90%EF%BC%90%EF%BC%90/end", b"POST",
        admin + json_cl(b"{}"), b"{}")
    cur = b'{"code":null}'
    add("percent-encoded FF as counter (current)", b"/api/v1/admin/counters/%ff/current", b"POST",
        admin + json_cl(cur), cur)
    add("fullwidth digit as counter (current)", b"/api/v1/admin/counters/%EF%BC%92/current", b"POST",
        admin + json_cl(cur), cur)
    add("request line of 10000 bytes", b"/api/v1/procedures?q=" + b"a" * 10000)
    add("request line of 30000 bytes", b"/" + b"a" * 30000)
    return c


def header_cases():
    c = []
    host = b"Host: 127.0.0.1\r\n"

    def add(label, headers, line=b"GET /api/v1/health HTTP/1.1", body=b""):
        c.append(Case("headers: " + label, line + b"\r\n" + headers + b"\r\n" + body))

    alert = json.dumps({"title_vi": "Thử", "body_vi": "Thử"}, ensure_ascii=False).encode()
    post_alert = b"POST /api/v1/admin/alerts HTTP/1.1"
    alert_cl = b"Content-Type: application/json\r\nContent-Length: %d\r\n" % len(alert)
    admin = b"Authorization: Bearer " + ADMIN.encode() + b"\r\n"
    wrong = b"Authorization: Bearer wrong-token-0123456789-abcdefghijklmn\r\n"
    add("duplicate Host, different values", host + b"Host: evil.example\r\n")
    add("duplicate Host, same value", host + host)
    add("no Host on HTTP/1.1", b"")
    add("Host with a space inside", b"Host: 127.0.0.1 evil\r\n")
    add("Host with a NUL", b"Host: 127.0.0.1\x00\r\n")
    add("duplicate Authorization, wrong then admin", host + wrong + admin + alert_cl, post_alert, alert)
    add("duplicate Authorization, admin then wrong", host + admin + wrong + alert_cl, post_alert, alert)
    add("Authorization with non-ASCII bytes", host + b"Authorization: Bearer \xff\xfe\xed\xa0\x80\r\n" + alert_cl,
        post_alert, alert)
    add("duplicate Content-Type, JSON then text", host + admin + b"Content-Type: application/json\r\n"
        b"Content-Type: text/plain\r\nContent-Length: %d\r\n" % len(alert), post_alert, alert)
    add("header without a colon", host + b"NoColonHere\r\n")
    add("header name with a space", host + b"Foo Bar: x\r\n")
    add("header name with a space before the colon", host + b"Foo : x\r\n")
    add("header name with a non-ASCII byte", host + b"X-\xff: 1\r\n")
    add("header name with a NUL", host + b"X-\x00: 1\r\n")
    add("header value with a NUL", host + b"X-Foo: a\x00b\r\n")
    add("obs-fold as the first header line", b" X-Foo: a\r\n" + host)
    add("header value of 20000 bytes", host + b"X-Big: " + b"b" * 20000 + b"\r\n")
    add("header value of 70000 bytes", host + b"X-Big: " + b"b" * 70000 + b"\r\n")
    add("150 headers", host + b"".join(b"X-H%d: v\r\n" % i for i in range(150)))
    add("90 headers of 220 bytes (20 KB)", host + b"".join(b"X-H%d: %s\r\n" % (i, b"v" * 220) for i in range(90)))
    add("header name of 10000 bytes", host + b"X" * 10000 + b": 1\r\n")
    return c


def device_header(fx):
    """The counter-1 tablet's credential (servers that issue device credentials), else nothing."""
    return b"Authorization: Bearer " + fx["device"].encode() + b"\r\n" if fx.get("device") else b""


def query_cases(fx):
    bearer = b"Authorization: Bearer " + fx["token"].encode() + b"\r\n"
    device = device_header(fx)
    changes = b"/api/v1/dossiers/" + fx["code"].encode() + b"/changes?"
    c = []

    def add(label, target, headers=b""):
        if target.startswith(b"/api/v1/counters/"):
            headers += device
        c.append(Case("query: " + label, b"GET " + target + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers + b"\r\n"))

    for route in (b"/api/v1/procedures", b"/api/v1/procedures/fields", b"/api/v1/faqs", b"/api/v1/stats",
                  b"/api/v1/places", b"/api/v1/alerts", b"/api/v1/procedures/1.001193", b"/api/v1/counters/1",
                  b"/api/v1/requests/categories"):
        for label, value in [("unknown", b"xx"), ("non-UTF-8", b"%ff"), ("with NUL", b"vi%00"),
                             ("surrogate", b"%ED%A0%80"), ("overlong", b"v" * 2000)]:
            add("%s lang %s" % (route.decode(), label), route + b"?lang=" + value)
    for name in (b"page", b"page_size"):
        for label, value in [("0", b"0"), ("-1", b"-1"), ("letters", b"abc"), ("float", b"1.5"), ("exponent", b"1e3"),
                             ("huge", b"9" * 30), ("fullwidth digit", b"%EF%BC%91"),
                             ("Arabic-Indic digit", b"%D9%A1"), ("underscore", b"1_0"), ("hex", b"0x10"),
                             ("NaN", b"NaN"), ("NUL", b"1%00"),
                             ("over the maximum", b"501" if name == b"page_size" else b"10000001")]:
            add("procedures %s %s" % (name.decode(), label), b"/api/v1/procedures?" + name + b"=" + value)
    for label, value in [("-1", b"-1"), ("letters", b"abc"), ("float", b"1.5"), ("1e400", b"1e400"), ("NaN", b"NaN"),
                         ("huge", b"9" * 30), ("fullwidth digit", b"%EF%BC%91"), ("underscore", b"1_0"),
                         ("hex", b"0x1"), ("surrogate", b"%ED%A0%80")]:
        # timeout=0: a wrongly accepted `since` answers at once (200) instead of holding the poll
        add("changes since %s" % label, changes + b"since=" + value + b"&timeout=0", bearer)
        add("counter since %s" % label, b"/api/v1/counters/1?since=" + value + b"&timeout=0")
    for label, value in [("-1", b"-1"), ("letters", b"abc"), ("NaN", b"NaN"), ("nan", b"nan"), ("inf", b"inf"),
                         ("Infinity", b"Infinity"), ("1e400", b"1e400"), ("26", b"26"), ("underscore", b"1_0"),
                         ("fullwidth digit", b"%EF%BC%91"), ("hex", b"0x1"), ("surrogate", b"%ED%A0%80")]:
        # a `since` no version has: a wrongly accepted `timeout` answers at once (200)
        add("changes timeout %s" % label, changes + b"since=999999&timeout=" + value, bearer)
        add("counter timeout %s" % label, b"/api/v1/counters/1?since=999999&timeout=" + value)
    add("places kind unknown", b"/api/v1/places?kind=bogus")
    add("places kind non-UTF-8", b"/api/v1/places?kind=%ff")
    add("1000 query fields", b"/api/v1/procedures?" + b"&".join(b"a%d=1" % i for i in range(1000)))
    add("1500 empty and 1000 repeated query fields", b"/api/v1/procedures?" + b"&" * 1500 + b"&".join([b"x=1"] * 1000))
    add("1000 lang fields", b"/api/v1/procedures?" + b"&".join([b"lang=vi"] * 1000))
    return c


# -- the suite ------------------------------------------------------------------------------------

class MalformedRequestTests(ServerCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        c = cls.client
        ready = c.new_dossier()
        c.event(ready["code"], type="status", status=4, note="Đang xử lý")
        c.event(ready["code"], type="status", status=9, note="Đã có kết quả")
        token, _ = c.lookup(ready["code"], ready["secret"])
        ev = c.new_dossier()
        sup = c.event(ev["code"], type="supplement", content="Bản sao CCCD")
        counter = c.new_dossier()
        other = c.new_dossier()
        status, req, _ = c.json("POST", "/api/v1/requests", {"category": "question", "description": "Thử"})
        assert status == 201, (status, req)
        # Servers that give each counter tablet a device credential: issue counter 1's (else 404).
        status, dev, _ = c.admin("POST", "/api/v1/admin/counters/1/device")
        cls.fx = {"code": ready["code"], "secret": ready["secret"], "token": token, "event_code": ev["code"],
                  "supplement_id": sup["dossier"]["supplements"][0]["id"], "counter_code": counter["code"],
                  "request_id": req["id"], "counter_token": None, "alt_code": other["code"],
                  "device": dev["device_secret"] if status == 201 else None}

    def refresh_counter_token(self):
        status, obj, _ = self.client.admin("POST", "/api/v1/admin/counters/1/current",
                                           {"code": self.fx["counter_code"]})
        self.assertEqual(status, 200, obj)
        status, obj, _ = self.client.json("GET", "/api/v1/counters/1", token=self.fx["device"])
        self.assertEqual(status, 200, obj)
        self.fx["counter_token"] = obj["counter_token"]

    # -- checking -------------------------------------------------------------------------
    def check(self, case, ans):
        if case.expect == FRAMING_EXCEPTION and ans.status is None and not ans.raw:
            return  # see FRAMING_EXCEPTION: no request to answer
        self.assertIsNotNone(ans.status, "no answer: %s (got %r)" % (ans.problem, ans.raw[:200]))
        body = ans.body[:300]
        self.assertTrue(400 <= ans.status < 500, "status %d, want 4xx; body %r" % (ans.status, body))
        if isinstance(case.expect, int):
            self.assertEqual(ans.status, case.expect, "body %r" % body)
        ctype = ans.header("content-type") or ""
        params = [p.strip().lower().replace(" ", "") for p in ctype.split(";")]
        self.assertEqual(params[0], "application/json", "Content-Type %r; body %r" % (ctype, body))
        self.assertIn("charset=utf-8", params[1:], "Content-Type %r" % ctype)
        try:
            obj = json.loads(ans.body.decode("utf-8"))
        except ValueError:
            self.fail("status %d: body is not UTF-8 JSON: %r" % (ans.status, body))
        self.assertIsInstance(obj, dict, body)
        self.assertEqual(set(obj), {"errors"}, body)
        self.assertIsInstance(obj["errors"], list, body)
        self.assertTrue(obj["errors"], body)
        for err in obj["errors"]:
            self.assertIsInstance(err, dict, body)
            self.assertEqual(set(err), {"code", "description"}, body)
            self.assertIsInstance(err["code"], str, body)
            self.assertIsInstance(err["description"], str, body)
            self.assertTrue(err["code"] and err["description"], body)
        if case.code:
            self.assertEqual(obj["errors"][0]["code"], case.code, "status %d body %r" % (ans.status, body))

    def run_batch(self, batch, cases):
        for case in cases:
            with self.subTest(batch=batch, case=case.label, input=case.shown()):
                ans = exchange(self.server.port, case.data, half_close=case.half_close)
                self.check(case, ans)
        with self.subTest(batch=batch, case="GET /api/v1/health after the batch"):
            ans = exchange(self.server.port, b"GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            self.assertEqual(ans.status, 200,
                             "server unhealthy after batch %r: %s %r" % (batch, ans.problem, ans.raw[:200]))

    def route(self, name):
        for r in routes(self.fx):
            if r.name == name:
                return r
        raise KeyError(name)

    # -- JSON bodies ---------------------------------------------------------------------------
    def json_route_batches(self, name):
        if name == "counter rating":
            self.refresh_counter_token()
        r = self.route(name)
        self.run_batch(name + " / fields", field_cases(r))
        self.run_batch(name + " / bodies", body_cases(r, self.fx["alt_code"]))
        self.run_batch(name + " / content type", content_type_cases(r))

    def test_json_lookup(self):
        self.json_route_batches("lookup")

    def test_json_dossier_rating(self):
        self.json_route_batches("dossier rating")

    def test_json_requests(self):
        self.json_route_batches("requests")

    def test_json_counter_rating(self):
        self.json_route_batches("counter rating")

    def test_json_admin_dossiers(self):
        self.json_route_batches("admin dossiers")

    def test_json_admin_alerts(self):
        self.json_route_batches("admin alerts")

    def test_json_admin_request_notes(self):
        self.json_route_batches("admin request notes")

    def test_json_admin_counter_current(self):
        self.json_route_batches("admin counter current")

    def test_json_admin_events(self):
        for r in routes(self.fx):
            if r.name.startswith("admin event "):
                self.run_batch(r.name + " / fields", field_cases(r))
        r = self.route("admin event status")
        self.run_batch(r.name + " / bodies", body_cases(r, self.fx["alt_code"]))
        self.run_batch(r.name + " / content type", content_type_cases(r))

    # -- protocol level ------------------------------------------------------------------------
    def test_protocol_framing(self):
        self.run_batch("framing", framing_cases())

    def test_protocol_methods_and_versions(self):
        self.run_batch("methods and versions", method_version_cases())

    def test_protocol_request_targets(self):
        self.run_batch("request targets", target_cases(self.fx))

    def test_protocol_headers(self):
        self.run_batch("headers", header_cases())

    def test_tolerated_header_forms(self):
        # RFC 9112 5.2 lets a server unfold obs-fold into spaces instead of refusing it, and the
        # parser drops a line with an empty field name: both harmless, answered as if absent.
        # They must still never be a 5xx, and the server must keep answering.
        host = b"Host: 127.0.0.1\r\n"
        for label, headers in (("empty header name", host + b": x\r\n"),
                               ("obs-fold continuation line", host + b"X-Foo: a\r\n  b\r\n"),
                               ("obs-fold with a tab", host + b"X-Foo: a\r\n\tb\r\n")):
            with self.subTest(case=label):
                ans = exchange(self.server.port, b"GET /api/v1/health HTTP/1.1\r\n" + headers + b"\r\n")
                self.assertIn(ans.status, (200, 400), ans.raw[:200])

    def test_query_parameters(self):
        self.run_batch("query parameters", query_cases(self.fx))

    # -- size of the suite -----------------------------------------------------------------------
    def test_case_count(self):
        self.assertGreaterEqual(count_cases(self.fx), 150)


def count_cases(fx):
    fx = dict(fx, counter_token=fx.get("counter_token") or "x")
    n = 0
    for r in routes(fx):
        n += len(field_cases(r))
        if not r.name.startswith("admin event ") or r.name == "admin event status":
            n += len(body_cases(r, fx["alt_code"])) + len(content_type_cases(r))
    return n + len(framing_cases()) + len(method_version_cases()) + len(target_cases(fx)) + len(header_cases()) \
        + len(query_cases(fx))


if __name__ == "__main__":
    unittest.main()
