"""Bounds of the server: a connection cap, a deadline for the request head, long polls
answered on shutdown. Each class runs its own serve.py with small limits so the edges are reached."""
import json
import socket
import threading
import unittest

from test_support import Client, ServerCase

HEALTH = b"GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"


def read_response(sock):
    """One response (head + Content-Length body) from a keep-alive socket, or b"" when closed."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            return data
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    while len(body) < length:
        chunk = sock.recv(65536)
        if not chunk:
            break
        body += chunk
    return head + b"\r\n\r\n" + body


def health_once_a_slot_frees(port):
    """Health, asked until the server has seen closed connections go: bounded, and each try is
    answered at once (503 while it is still full)."""
    status = None
    for _ in range(200):
        try:
            status, _, _ = Client(port).request("GET", "/api/v1/health", timeout=10)
        except OSError:
            status = None
        if status == 200:
            break
    return status


class ConnectionCapTests(ServerCase):
    server_args = ("--max-connections", "8")

    def test_connections_over_the_cap_get_503_and_the_server_recovers(self):
        held = []
        try:
            for _ in range(8):
                s = socket.create_connection(("127.0.0.1", self.server.port), timeout=10)
                s.sendall(HEALTH)  # answered: this connection is counted by the server now
                self.assertTrue(read_response(s).startswith(b"HTTP/1.1 200 "))
                held.append(s)
            with socket.create_connection(("127.0.0.1", self.server.port), timeout=10) as extra:
                answer = read_response(extra)
            self.assertTrue(answer.startswith(b"HTTP/1.1 503 "), answer[:60])
            self.assertIn(b"Retry-After: 5", answer)
            body = json.loads(answer.partition(b"\r\n\r\n")[2])
            self.assertEqual(body["errors"][0]["code"], "busy")
            # the held connections still work
            held[0].sendall(HEALTH)
            self.assertTrue(read_response(held[0]).startswith(b"HTTP/1.1 200 "))
            held.pop().close()
            # one slot is free again once the server has seen the close: new clients get in
            self.assertEqual(health_once_a_slot_frees(self.server.port), 200)
        finally:
            for s in held:
                s.close()


class FileLimitTests(unittest.TestCase):
    def test_under_a_small_file_limit_new_clients_are_told_busy_not_left_hanging(self):
        # With the common limit of 1,024 files the old server stopped answering at ~1,015
        # connections. The cap is sized from the file limit, so the server always has files left
        # to answer "busy" and to keep serving the connections it holds.
        import resource
        import shutil
        import tempfile
        from test_support import Server, make_app_dir

        def small_limit():
            resource.setrlimit(resource.RLIMIT_NOFILE, (200, 200))

        tmp = tempfile.mkdtemp(prefix="motcua-nofile-")
        server = Server(tmp + "/data", make_app_dir(tmp + "/app"))
        held = []
        try:
            server.preexec = small_limit
            server.start()
            for _ in range(180):
                s = socket.create_connection(("127.0.0.1", server.port), timeout=10)
                held.append(s)
            # every extra client gets a prompt answer, never a timeout
            with socket.create_connection(("127.0.0.1", server.port), timeout=10) as extra:
                extra.sendall(HEALTH)
                answer = read_response(extra)
            self.assertTrue(answer.startswith(b"HTTP/1.1 503 "), answer[:60])
            for s in held:
                s.close()
            held = []
            self.assertEqual(health_once_a_slot_frees(server.port), 200)
        finally:
            for s in held:
                s.close()
            server.stop()
            shutil.rmtree(tmp, ignore_errors=True)


class HeadDeadlineTests(ServerCase):
    server_args = ("--head-timeout", "1")

    def test_a_trickled_request_head_is_cut_off(self):
        # one header byte at a time, as a slowloris client does: the deadline runs from the first byte
        with socket.create_connection(("127.0.0.1", self.server.port), timeout=0.25) as s:
            s.sendall(b"GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
            answer, closed = b"", False
            for _ in range(200):  # at most ~50 s of trickling; the server closes after 1 s
                try:
                    s.sendall(b"a")
                except OSError:
                    closed = True
                    break
                try:
                    chunk = s.recv(65536)
                except socket.timeout:
                    continue
                except OSError:
                    closed = True
                    break
                if not chunk:
                    closed = True
                    break
                answer += chunk
            self.assertTrue(closed)
            self.assertTrue(answer.startswith(b"HTTP/1.1 408 "), answer[:60])
            self.assertIn(b'"timeout"', answer)

    def test_a_silent_connection_is_closed(self):
        with socket.create_connection(("127.0.0.1", self.server.port), timeout=30) as s:
            answer = read_response(s)  # returns when the server closes
        self.assertTrue(answer.startswith(b"HTTP/1.1 408 "), answer[:60])

    def test_a_complete_head_is_not_cut_off_while_its_long_poll_waits(self):
        d = self.client.new_dossier()
        token, p = self.client.lookup(d["code"], d["secret"])
        status, obj, _ = self.client.json("GET", f"/api/v1/dossiers/{d['code']}/changes?since={p['version']}"
                                          "&timeout=2", token=token)
        self.assertEqual((status, obj["changed"]), (200, False))


class ShutdownTests(unittest.TestCase):
    def test_sigterm_answers_held_long_polls(self):
        import shutil
        import tempfile
        from test_support import Server, make_app_dir
        tmp = tempfile.mkdtemp(prefix="motcua-shutdown-")
        try:
            server = Server(tmp + "/data", make_app_dir(tmp + "/app")).start()
            c = Client(server.port)
            d = c.new_dossier()
            token, p = c.lookup(d["code"], d["secret"])
            answers = []
            poll = threading.Thread(target=lambda: answers.append(
                c.json("GET", f"/api/v1/dossiers/{d['code']}/changes?since={p['version']}&timeout=25",
                       token=token, timeout=30)))
            poll.start()
            # The poll's request was sent first; once a later request is answered by the one event
            # loop, the poll is being held.
            for _ in range(50):
                if c.json("GET", "/api/v1/health")[0] == 200 and poll.is_alive():
                    break
            self.assertEqual(server.stop(), 0)
            poll.join(30)
            self.assertEqual(len(answers), 1)
            status, obj, _ = answers[0]
            self.assertEqual((status, obj), (200, {"changed": False, "version": p["version"]}))
            self.assertIn("Stopped.", server.output())
        finally:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    unittest.main()
