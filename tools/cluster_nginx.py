#!/usr/bin/env python3
"""Writes the nginx configuration of tools/cluster.sh: docs/nginx/motcua.conf's site (static rules,
MIME types, cache headers, security headers, /api/ proxying) turned into plain http on one loopback
port, balancing /api/ over N serve.py instances. Every edit must match, so a change to the site
that this no longer understands fails loudly instead of producing a different configuration.

usage: cluster_nginx.py STATE_DIR NGINX_PORT APP_DIR API_PORT...
"""
import os
import re
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SITE = os.path.join(REPO, "docs", "nginx", "motcua.conf")

MAIN = """worker_processes 2;
pid {dir}/nginx/nginx.pid;
error_log {dir}/nginx/error.log notice;
events {{ worker_connections 1024; }}
http {{
    client_body_temp_path {dir}/nginx/temp/body;
    proxy_temp_path {dir}/nginx/temp/proxy;
    fastcgi_temp_path {dir}/nginx/temp/fastcgi;
    uwsgi_temp_path {dir}/nginx/temp/uwsgi;
    scgi_temp_path {dir}/nginx/temp/scgi;
    sendfile on;
    tcp_nopush on;
    types_hash_max_size 2048;
    access_log off;
    gzip on;
    include {dir}/nginx/motcua.conf;
}}
"""


def sub(pattern, repl, text, flags=re.S):
    out, n = re.subn(pattern, lambda _m: repl, text, count=1, flags=flags)
    if n != 1:
        sys.exit(f"cluster_nginx.py: docs/nginx/motcua.conf changed, cannot find: {pattern}")
    return out


def site(state_dir, port, app_dir, api_ports):
    with open(SITE, encoding="utf-8") as f:
        text = f.read()
    servers = "\n".join(f"    server 127.0.0.1:{p} max_fails=1 fail_timeout=3s;" for p in api_ports)
    text = sub(r"upstream motcua \{.*?\n\}", "upstream motcua {\n" + servers + """
    # idle connections to the instances are reused (below serve.py's 75 s keep-alive)
    keepalive 32;
    keepalive_timeout 60s;
}""", text)
    # the port-80 server (ACME, redirect to https) goes: plain http on loopback only
    text = sub(r"server \{\n    listen 80;.*?\n\}\n\n", "", text)
    text = sub(r"    listen 443 ssl http2;\n    listen \[::\]:443 ssl http2;\n",
               f"    listen 127.0.0.1:{port};\n", text)
    text = sub(r"    server_name motcua\.example\.org;\n", "    server_name _;\n", text)
    text = sub(r"\n    ssl_certificate .*?ssl_session_tickets off;\n", "\n", text)
    text = sub(r"    add_header Strict-Transport-Security[^\n]*\n", "", text)
    text = sub(r"access_log /var/log/nginx/motcua\.access\.log motcua;",
               f"access_log {state_dir}/nginx/access.log motcua;", text)
    text = sub(r"root /srv/motcua/build/web/dist;", f"root {app_dir};", text)
    text = sub(r"        proxy_read_timeout 60s;\n", """        proxy_read_timeout 40s;
        # a dead or refusing instance: the request goes to the next one. nginx never passes a POST
        # on once it was sent (no non_idempotent): the client retries it with its idempotency key.
        proxy_next_upstream error timeout http_502;  # not 503: see docs/deploy.md
        proxy_next_upstream_tries 3;
        proxy_next_upstream_timeout 10s;
""", text)
    text = sub(r"proxy_connect_timeout 5s;", "proxy_connect_timeout 1s;", text)
    return text


def main():
    state_dir, port, app_dir = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    api_ports = [int(p) for p in sys.argv[4:]]
    os.makedirs(os.path.join(state_dir, "nginx", "temp"), exist_ok=True)
    with open(os.path.join(state_dir, "nginx", "motcua.conf"), "w", encoding="utf-8") as f:
        f.write(site(state_dir, port, app_dir, api_ports))
    with open(os.path.join(state_dir, "nginx", "nginx.conf"), "w", encoding="utf-8") as f:
        f.write(MAIN.format(dir=state_dir))


if __name__ == "__main__":
    main()
