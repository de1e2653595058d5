#!/usr/bin/env bash
# Start or stop the SPARQL servers the remote tests push to, on loopback only:
#   eval "$(.ci/servers.sh start)"   # prints the KG_TEST_* variables the tests read
#   .ci/servers.sh stop
# Oxigraph server (the `oxigraph` CLI of PyPI's oxigraph package, in .venv) and Virtuoso
# (Debian's virtuoso-opensource) each get a private database in $KG_SERVERS_DIR, which stop
# removes. Virtuoso runs from a private virtuoso.ini (loopback ports, ResultSetMaxRows raised);
# its dba password is changed from the default, and a user `kg` with SPARQL_UPDATE, with a
# fresh random password, is the one the tests push as (Digest auth on /sparql-graph-crud-auth).
# A server that cannot be found is left out (its tests skip); the other still starts.
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=${KG_SERVERS_DIR:-${TMPDIR:-/tmp}/kg-servers-$(id -u)}
OXI_PORT=${KG_OXIGRAPH_PORT:-17878}
VIRT_SQL_PORT=${KG_VIRTUOSO_SQL_PORT:-11111}
VIRT_HTTP_PORT=${KG_VIRTUOSO_HTTP_PORT:-18890}
# Virtuoso's own default cap on result rows: kept, so the client's paging is what is tested
VIRT_MAX_ROWS=${KG_VIRTUOSO_MAX_ROWS:-10000}
OXIGRAPH=${OXIGRAPH:-$(command -v .venv/bin/oxigraph || command -v oxigraph || true)}
VIRTUOSO=${VIRTUOSO:-$(command -v virtuoso-t || true)}
ISQL=${ISQL:-$(command -v isql-vt || true)}

log() { echo "servers: $*" >&2; }

wait_http() {  # URL SECONDS: until the URL answers at all
    local i
    for ((i = 0; i < $2 * 5; i++)); do
        if curl -s -o /dev/null --max-time 2 "$1"; then return 0; fi
        sleep 0.2
    done
    return 1
}

start_oxigraph() {
    [ -n "$OXIGRAPH" ] || { log "oxigraph CLI not found (pip install oxigraph): Oxigraph tests will skip"; return; }
    mkdir -p "$DIR/oxigraph"
    "$OXIGRAPH" serve --location "$DIR/oxigraph/db" --bind "127.0.0.1:$OXI_PORT" \
        >"$DIR/oxigraph/log" 2>&1 &
    echo $! >"$DIR/oxigraph/pid"
    if ! wait_http "http://127.0.0.1:$OXI_PORT/" 30 || ! kill -0 "$(cat "$DIR/oxigraph/pid")" 2>/dev/null; then
        log "Oxigraph server did not start: $(tail -1 "$DIR/oxigraph/log")"; return
    fi
    echo "export KG_TEST_OXIGRAPH=http://127.0.0.1:$OXI_PORT/query"
}

isql() {  # PASSWORD SQL...
    local pw=$1; shift
    "$ISQL" "127.0.0.1:$VIRT_SQL_PORT" dba "$pw" "exec=$*" >>"$DIR/virtuoso/isql.log" 2>&1
}

start_virtuoso() {
    [ -n "$VIRTUOSO" ] && [ -n "$ISQL" ] || {
        log "virtuoso-t or isql-vt not found (apt-get install virtuoso-opensource): Virtuoso tests will skip"; return; }
    local d="$DIR/virtuoso"
    mkdir -p "$d/db"
    cat >"$d/virtuoso.ini" <<INI
[Database]
DatabaseFile       = $d/db/virtuoso.db
ErrorLogFile       = $d/db/virtuoso.log
LockFile           = $d/db/virtuoso.lck
TransactionFile    = $d/db/virtuoso.trx
xa_persistent_file = $d/db/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
MaxCheckpointRemap = 2000
Striping           = 0
TempStorage        = TempDatabase
[TempDatabase]
DatabaseFile       = $d/db/virtuoso-temp.db
TransactionFile    = $d/db/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping           = 0
[Parameters]
ServerPort               = 127.0.0.1:$VIRT_SQL_PORT
DisableUnixSocket        = 1
MaxClientConnections     = 10
CheckpointInterval       = 60
CaseMode                 = 2
DirsAllowed              = ., $d
NumberOfBuffers          = 170000
MaxDirtyBuffers          = 130000
MaxQueryMem              = 1G
ThreadsPerQuery          = 2
[HTTPServer]
ServerPort                  = 127.0.0.1:$VIRT_HTTP_PORT
ServerRoot                  = /var/lib/virtuoso-opensource-7/vsp
MaxClientConnections        = 10
ServerThreads               = 10
MaxKeepAlives               = 10
KeepAliveTimeout            = 10
Charset                     = UTF-8
EnabledDavVSP               = 0
[SPARQL]
ResultSetMaxRows           = $VIRT_MAX_ROWS
MaxQueryCostEstimationTime = 400
MaxQueryExecutionTime      = 600
INI
    (cd "$d" && exec "$VIRTUOSO" +configfile "$d/virtuoso.ini" +foreground >"$d/stdout" 2>&1) &
    echo $! >"$d/pid"
    if ! wait_http "http://127.0.0.1:$VIRT_HTTP_PORT/sparql" 120 || ! kill -0 "$(cat "$d/pid")" 2>/dev/null; then
        log "Virtuoso did not start: $(tail -2 "$d/db/virtuoso.log" 2>/dev/null | tr '\n' ' ')"; return
    fi
    local dba user
    dba=$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
    user=$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
    isql dba "USER_CHANGE_PASSWORD('dba', 'dba', '$dba');" \
        || { log "Virtuoso: cannot change dba's password (see $d/isql.log)"; return; }
    isql "$dba" "DB.DBA.USER_CREATE('kg', '$user'); GRANT SPARQL_UPDATE TO \"kg\"; DB.DBA.RDF_DEFAULT_USER_PERMS_SET('kg', 7);" \
        || { log "Virtuoso: cannot create the user kg (see $d/isql.log)"; return; }
    echo "export KG_TEST_VIRTUOSO=http://127.0.0.1:$VIRT_HTTP_PORT/sparql"
    echo "export KG_TEST_VIRTUOSO_USER=kg"
    echo "export KG_TEST_VIRTUOSO_PASSWORD=$user"
}

stop_one() {  # NAME
    local f="$DIR/$1/pid" pid i
    [ -f "$f" ] || return 0
    pid=$(cat "$f")
    if kill -0 "$pid" 2>/dev/null; then
        kill "$pid" 2>/dev/null || true
        for ((i = 0; i < 100; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
        kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$f"
}

case "${1:-}" in
    start)
        "$0" stop
        mkdir -p "$DIR"
        { start_oxigraph; start_virtuoso; } | tee "$DIR/env"
        ;;
    stop)
        stop_one oxigraph
        stop_one virtuoso
        rm -rf "$DIR"
        ;;
    *)
        echo "usage: $0 start|stop" >&2
        exit 2
        ;;
esac
