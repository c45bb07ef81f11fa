#!/bin/bash
# The multi-instance layout of docs/deploy.md ("Several machines") on this one machine, for trying
# failover by hand and for tests/server/test_cluster.py:
#   PostgreSQL primary + one streaming hot standby (synchronous commit to it), unix sockets only;
#   serve.py x3 on loopback ports, each with its own data dir, all on the same database;
#   Debian's nginx on one loopback port: the built app's files itself, /api/ balanced over the three.
# Everything lives in the state dir (default /tmp/motcua-cluster): data, sockets, pids, logs;
# `down` stops it all and removes it. Never touches the system's PostgreSQL or nginx.
#
# usage: tools/cluster.sh [--dir DIR] [--port PORT] [--app-dir DIR] COMMAND
#   up                  start whatever is not running (first time: create the clusters, seed)
#   status              what runs, database roles, replication
#   kill-instance N     SIGKILL serve.py N (1-3)
#   restart-instance N  start serve.py N again (after kill-instance; `up` does the same)
#   restart-db          restart the current primary (pg_ctl restart -m fast)
#   promote             stop the primary, promote the standby (instances find it by themselves)
#   url                 print the nginx URL
#   down                stop everything started here and remove the state dir
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="${MOTCUA_CLUSTER_DIR:-/tmp/motcua-cluster}"
PORT="${MOTCUA_CLUSTER_PORT:-8080}"
APP_DIR=""
N_INSTANCES=3
while [ $# -gt 0 ]; do
    case "$1" in
        --dir) DIR="$2"; shift 2 ;;
        --port) PORT="$2"; shift 2 ;;
        --app-dir) APP_DIR="$2"; shift 2 ;;
        -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
        *) break ;;
    esac
done
CMD="${1:-}"
ARG="${2:-}"
PG_BIN="$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -1)")"
NGINX="$(PATH="$PATH:/usr/sbin:/sbin" command -v nginx || true)"
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3

die() { echo "cluster.sh: $*" >&2; exit 1; }
as_pg() { runuser -u postgres -- "$@"; }
alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null && ! grep -q '^State:.*Z' "/proc/$(cat "$1")/status" 2>/dev/null; }

# pg1 starts as the primary, pg2 as its standby; after `promote` pg2 is the primary.
pg_opts() {  # $1 = 1|2, $2 = primary|standby
    local o="-c listen_addresses='' -c unix_socket_directories=$DIR/pg$1 -c port=5432"
    o="$o -c max_connections=200 -c wal_level=replica -c max_wal_senders=5 -c hot_standby=on"
    o="$o -c wal_keep_size=256MB -c shared_buffers=64MB"
    # synchronous commit to the standby: a COMMIT returns once the standby has the WAL (remote flush).
    # Set on the primary's command line only, so a promoted standby does not wait for a standby
    # it does not have.
    [ "$2" = primary ] && o="$o -c synchronous_standby_names='*' -c synchronous_commit=on"
    # a standby whose primary restarted reconnects within 1 s (default 5 s, while commits wait)
    [ "$2" = standby ] && o="$o -c wal_retrieve_retry_interval=1s"
    echo "$o"
}
pg_ctl() { as_pg "$PG_BIN/pg_ctl" "$@"; }
pg_running() { [ -f "$DIR/pg$1/data/postmaster.pid" ] && pg_ctl -D "$DIR/pg$1/data" status >/dev/null 2>&1; }
primary() { cat "$DIR/primary" 2>/dev/null || echo 1; }
psql_on() {  # $1 = 1|2, rest: psql args
    local n="$1"; shift
    as_pg psql -h "$DIR/pg$n" -p 5432 -X -q -t -A "$@"
}
db_url() {
    # both hosts: libpq tries them in order and keeps the one that accepts writes, so after a
    # promotion every new connection (pool, LISTEN) finds the new primary without a restart
    echo "postgresql://postgres@/motcua?host=$DIR/pg1,$DIR/pg2&port=5432,5432&target_session_attrs=read-write&connect_timeout=2"
}
app_dir() {
    if [ -n "$APP_DIR" ]; then echo "$APP_DIR"
    elif [ -f "$REPO/build/web/dist/index.html" ]; then echo "$REPO/build/web/dist"
    else
        mkdir -p "$DIR/app"
        [ -f "$DIR/app/index.html" ] || echo '<!doctype html><title>Một Cửa</title><p>The app is not built (tools/build.sh web); the API is at /api/v1/.' > "$DIR/app/index.html"
        echo "$DIR/app"
    fi
}

free_ports() {  # $1 = how many
    "$PY" - "$1" <<'EOF'
import socket, sys
socks = []
for _ in range(int(sys.argv[1])):
    s = socket.socket(); s.bind(("127.0.0.1", 0)); socks.append(s)
print(" ".join(str(s.getsockname()[1]) for s in socks))
EOF
}

wait_http() {  # $1 = port, $2 = seconds
    "$PY" - "$1" "$2" <<'EOF'
import sys, time, urllib.request
port, deadline = sys.argv[1], time.monotonic() + float(sys.argv[2])
while time.monotonic() < deadline:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/health", timeout=2) as r:
            if r.status == 200:
                sys.exit(0)
    except OSError:
        pass
    time.sleep(0.1)
sys.exit(1)
EOF
}

check_tools() {
    [ -n "$PG_BIN" ] && [ -x "$PG_BIN/initdb" ] || die "PostgreSQL is not installed (tools/setup.sh installs postgresql)"
    id postgres >/dev/null 2>&1 || die "no postgres user"
    [ -n "$NGINX" ] || die "nginx is not installed (tools/setup.sh installs nginx-light)"
    [ "$(id -u)" = 0 ] || die "run as root (PostgreSQL runs as the postgres user through runuser)"
}

init_db() {
    mkdir -p "$DIR"; chmod 0755 "$DIR"
    install -d -o postgres -g postgres -m 0700 "$DIR/pg1" "$DIR/pg2"
    as_pg "$PG_BIN/initdb" -D "$DIR/pg1/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >"$DIR/pg1/initdb.log"
    pg_ctl -D "$DIR/pg1/data" -l "$DIR/pg1/log" -o "$(pg_opts 1 primary)" -w start >/dev/null
    # the standby: a base backup that streams from the primary (-R writes primary_conninfo and
    # standby.signal); until it runs, the primary's synchronous commits wait, so it starts now
    as_pg "$PG_BIN/pg_basebackup" -h "$DIR/pg1" -p 5432 -U postgres -D "$DIR/pg2/data" -R -X stream -c fast
    pg_ctl -D "$DIR/pg2/data" -l "$DIR/pg2/log" -o "$(pg_opts 2 standby)" -w start >/dev/null
    psql_on 1 -d postgres -c "CREATE DATABASE motcua"
    echo 1 > "$DIR/primary"
}

start_instance() {  # $1 = N
    local n="$1" port
    port="$(sed -n "${n}p" "$DIR/api_ports")"
    alive "$DIR/api$n.pid" && return 0
    mkdir -p "$DIR/api$n"
    (
        cd "$REPO"
        MOTCUA_ADMIN_TOKEN="$(cat "$DIR/admin_token")" PYTHONUNBUFFERED=1 setsid "$PY" serve.py --no-build \
            --host 127.0.0.1 --port "$port" --data-dir "$DIR/api$n" --app-dir "$(app_dir)" \
            --database "$(db_url)" --trusted-proxy 127.0.0.1 \
            >>"$DIR/api$n.log" 2>&1 </dev/null &
        echo $! > "$DIR/api$n.pid"
    )
    wait_http "$port" 30 || die "serve.py $n did not become healthy; see $DIR/api$n.log"
}

start_nginx() {
    alive "$DIR/nginx/nginx.pid" && return 0
    # nginx's workers run as nobody: they must be able to read the app's files
    runuser -u nobody -- test -r "$(app_dir)/index.html" \
        || echo "cluster.sh: warning: nginx's workers (nobody) cannot read $(app_dir)/index.html: / will answer 404 (chmod o+rx the directories)" >&2
    # shellcheck disable=SC2046
    "$PY" "$REPO/tools/cluster_nginx.py" "$DIR" "$(cat "$DIR/nginx_port")" "$(app_dir)" $(cat "$DIR/api_ports")
    "$NGINX" -t -q -p "$DIR/nginx" -c "$DIR/nginx/nginx.conf" 2>>"$DIR/nginx/error.log" \
        || die "nginx -t failed; see $DIR/nginx/error.log"
    "$NGINX" -p "$DIR/nginx" -c "$DIR/nginx/nginx.conf"
    for _ in $(seq 50); do alive "$DIR/nginx/nginx.pid" && return 0; sleep 0.1; done
    die "nginx did not start; see $DIR/nginx/error.log"
}

cmd_up() {
    check_tools
    if [ ! -d "$DIR/pg1/data" ]; then
        [ -e "$DIR" ] && [ -n "$(ls -A "$DIR" 2>/dev/null)" ] && die "$DIR exists and is not a cluster's state dir"
        init_db
        echo "$PORT" > "$DIR/nginx_port"
        free_ports "$N_INSTANCES" | tr ' ' '\n' > "$DIR/api_ports"
        if [ -n "${MOTCUA_ADMIN_TOKEN:-}" ]; then
            printf '%s\n' "$MOTCUA_ADMIN_TOKEN" > "$DIR/admin_token"
        else
            "$PY" -c 'import secrets; print(secrets.token_urlsafe(32))' > "$DIR/admin_token"
            echo "admin token (also in $DIR/admin_token): $(cat "$DIR/admin_token")"
        fi
        chmod 0600 "$DIR/admin_token"
    fi
    local p
    p="$(primary)"
    pg_running "$p" || pg_ctl -D "$DIR/pg$p/data" -l "$DIR/pg$p/log" -o "$(pg_opts "$p" primary)" -w start >/dev/null
    if [ "$p" = 1 ] && [ -f "$DIR/pg2/data/standby.signal" ] && ! pg_running 2; then
        pg_ctl -D "$DIR/pg2/data" -l "$DIR/pg2/log" -o "$(pg_opts 2 standby)" -w start >/dev/null
    fi
    start_instance 1  # the first one seeds an empty database; the others find it seeded
    local n pids=()
    for n in $(seq 2 "$N_INSTANCES"); do start_instance "$n" & pids+=($!); done
    for n in "${pids[@]}"; do wait "$n"; done
    start_nginx
    echo "http://127.0.0.1:$(cat "$DIR/nginx_port")/"
}

cmd_status() {
    [ -d "$DIR" ] || { echo "not running (no $DIR)"; return 0; }
    local n role
    for n in 1 2; do
        if pg_running "$n"; then
            role="$(psql_on "$n" -d postgres -c "SELECT CASE WHEN pg_is_in_recovery() THEN 'standby' ELSE 'primary' END" 2>/dev/null || echo '?')"
            echo "postgres $n  running  $role  socket $DIR/pg$n"
        else
            echo "postgres $n  stopped"
        fi
    done
    pg_running "$(primary)" && psql_on "$(primary)" -d postgres -F ' ' \
        -c "SELECT 'replication', application_name, state, sync_state FROM pg_stat_replication" 2>/dev/null || true
    for n in $(seq "$N_INSTANCES"); do
        if alive "$DIR/api$n.pid"; then
            echo "serve.py $n  running  pid $(cat "$DIR/api$n.pid")  127.0.0.1:$(sed -n "${n}p" "$DIR/api_ports")"
        else
            echo "serve.py $n  stopped"
        fi
    done
    if alive "$DIR/nginx/nginx.pid"; then
        echo "nginx       running  pid $(cat "$DIR/nginx/nginx.pid")  http://127.0.0.1:$(cat "$DIR/nginx_port")/"
    else
        echo "nginx       stopped"
    fi
}

instance_arg() {
    [[ "$ARG" =~ ^[0-9]+$ ]] && [ "$ARG" -ge 1 ] && [ "$ARG" -le "$N_INSTANCES" ] || die "instance number 1-$N_INSTANCES expected"
    [ -d "$DIR" ] || die "not running (no $DIR)"
}

cmd_kill_instance() {
    instance_arg
    alive "$DIR/api$ARG.pid" || die "serve.py $ARG is not running"
    kill -KILL "$(cat "$DIR/api$ARG.pid")"
    for _ in $(seq 100); do alive "$DIR/api$ARG.pid" || break; sleep 0.05; done
    echo "serve.py $ARG killed"
}

cmd_restart_db() {
    [ -d "$DIR" ] || die "not running (no $DIR)"
    local p; p="$(primary)"
    pg_ctl -D "$DIR/pg$p/data" -l "$DIR/pg$p/log" -m fast -w restart >/dev/null
    echo "postgres $p restarted"
}

cmd_promote() {
    [ -d "$DIR" ] || die "not running (no $DIR)"
    [ "$(primary)" = 1 ] || die "already promoted: postgres 2 is the primary and has no standby"
    pg_running 2 || die "the standby is not running"
    pg_running 1 && pg_ctl -D "$DIR/pg1/data" -m fast -w stop >/dev/null
    pg_ctl -D "$DIR/pg2/data" -w promote >/dev/null
    echo 2 > "$DIR/primary"
    echo "postgres 2 is the primary (postgres 1 stopped); the instances reconnect to it by themselves"
}

cmd_down() {
    [ -d "$DIR" ] || return 0
    [ -f "$DIR/api_ports" ] || [ -d "$DIR/pg1" ] || die "$DIR does not look like a cluster's state dir"
    local n pid
    if alive "$DIR/nginx/nginx.pid"; then
        pid="$(cat "$DIR/nginx/nginx.pid")"
        kill -QUIT "$pid" 2>/dev/null || true
        for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$pid" 2>/dev/null || true
    fi
    for n in $(seq "$N_INSTANCES"); do
        alive "$DIR/api$n.pid" && kill -TERM "$(cat "$DIR/api$n.pid")"
    done
    for n in $(seq "$N_INSTANCES"); do
        if [ -f "$DIR/api$n.pid" ]; then
            pid="$(cat "$DIR/api$n.pid")"
            for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
            kill -KILL "$pid" 2>/dev/null || true
        fi
    done
    for n in 1 2; do
        pg_running "$n" && pg_ctl -D "$DIR/pg$n/data" -m immediate -w stop >/dev/null 2>&1 || true
    done
    rm -rf "$DIR"
    echo "cluster down ($DIR removed)"
}

case "$CMD" in
    up) cmd_up ;;
    status) cmd_status ;;
    kill-instance) cmd_kill_instance ;;
    restart-instance) instance_arg; start_instance "$ARG"; echo "serve.py $ARG running" ;;
    restart-db) cmd_restart_db ;;
    promote) cmd_promote ;;
    url) echo "http://127.0.0.1:$(cat "$DIR/nginx_port")/" ;;
    down) cmd_down ;;
    *) sed -n '9,18p' "$0" >&2; exit 2 ;;
esac
