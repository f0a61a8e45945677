#!/usr/bin/env bash
# Two or three nodes of competences-lti.jar on one PostgreSQL, behind Debian's nginx, on one machine (docs/deploy.md).
#
#   scripts/cluster.sh start      starts NODES nodes (default 2) on ports 8081.. and nginx on FRONT_PORT (default 8080)
#   scripts/cluster.sh status     which nodes answer /health/ready
#   scripts/cluster.sh kill N     kill -9 node N (1, 2, 3), as a crash would
#   scripts/cluster.sh restart N  starts node N again (same port, database and evidence directory)
#   scripts/cluster.sh stop       stops nginx and the nodes
#
# Needs: a JDK 21+ (JAVA_HOME), nginx (apt-get install nginx: only its binary is used, run as you with a configuration
# written in RUN_DIR, no system service), a PostgreSQL database: DB_URL, DB_USER, DB_PASSWORD as for one node.
# Every node gets the same PUBLIC_URL (the address of nginx, or of the TLS proxy in front of it), the same database,
# the same DATA_DIR (the students' evidence files: on several machines, a shared volume) and TRUSTED_PROXIES=127.0.0.1.
# Other variables of the README (ADMIN_TOKEN...) are passed on to every node as they are.
set -euo pipefail
cd "$(dirname "$0")/.."

NODES=${NODES:-2}
FRONT_PORT=${FRONT_PORT:-8080}
FIRST_NODE_PORT=${FIRST_NODE_PORT:-8081}
JAR=${JAR:-target/competences-lti.jar}
RUN_DIR=${RUN_DIR:-$PWD/target/cluster}
export DATA_DIR=${DATA_DIR:-$RUN_DIR/data}
export PUBLIC_URL=${PUBLIC_URL:-http://localhost:$FRONT_PORT}
export TRUSTED_PROXIES=${TRUSTED_PROXIES:-127.0.0.1}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
# the README's JVM options (docs/performance.md, start-up and memory); JVM_OPTIONS replaces them
read -r -a JVM_OPTIONS <<<"${JVM_OPTIONS:--XX:+UseSerialGC -Xms64m -Xmx384m}"
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

node_port() { echo $((FIRST_NODE_PORT + $1 - 1)); }

start_node() {
  local n=$1 port
  port=$(node_port "$n")
  mkdir -p "$RUN_DIR/node$n"
  : "${DB_URL:?set DB_URL (jdbc:postgresql://...), DB_USER and DB_PASSWORD: the nodes share one PostgreSQL}"
  PORT=$port nohup "$JAVA" "${JVM_OPTIONS[@]}" -Djava.io.tmpdir="$RUN_DIR/node$n" -jar "$JAR" >>"$RUN_DIR/node$n.log" 2>&1 &
  echo $! >"$RUN_DIR/node$n.pid"
  echo "node $n: pid $!, port $port, log $RUN_DIR/node$n.log"
}

wait_ready() {
  local n=$1 port
  port=$(node_port "$n")
  for _ in $(seq 1 300); do
    curl -fsS -o /dev/null "http://127.0.0.1:$port/health/ready" 2>/dev/null && { echo "node $n ready"; return 0; }
    sleep 1
  done
  echo "node $n not ready after 300 s: see $RUN_DIR/node$n.log" >&2
  return 1
}

write_nginx_conf() {
  local servers="" n user=""
  for n in $(seq 1 "$NODES"); do
    servers+="        server 127.0.0.1:$(node_port "$n") max_fails=1 fail_timeout=5s;"$'\n'
  done
  # As root, nginx runs its workers as "nobody", who could not write the temporary files in RUN_DIR.
  [ "$(id -u)" = 0 ] && user="user root root;"
  mkdir -p "$RUN_DIR/nginx/temp"
  cat >"$RUN_DIR/nginx/nginx.conf" <<EOF
$user
worker_processes auto;
pid $RUN_DIR/nginx/nginx.pid;
events { worker_connections 1024; }
http {
    log_format nodes '\$remote_addr [\$time_local] "\$request" \$status \$request_time node=\$upstream_addr node_status=\$upstream_status';
    access_log $RUN_DIR/nginx/access.log nodes;
    client_body_temp_path $RUN_DIR/nginx/temp/body;
    proxy_temp_path $RUN_DIR/nginx/temp/proxy;
    fastcgi_temp_path $RUN_DIR/nginx/temp/fastcgi;
    uwsgi_temp_path $RUN_DIR/nginx/temp/uwsgi;
    scgi_temp_path $RUN_DIR/nginx/temp/scgi;
    upstream competences {
$servers        keepalive 16;
    }
    server {
        listen $FRONT_PORT;
        location / {
            include $PWD/docker/cluster/proxy.conf;
        }
    }
}
EOF
}

case "${1:-}" in
  start)
    [ -f "$JAR" ] || { echo "$JAR missing: mvn -B -ntp package -DskipTests" >&2; exit 1; }
    [ -x "$NGINX" ] || { echo "nginx missing: apt-get install nginx" >&2; exit 1; }
    mkdir -p "$RUN_DIR" "$DATA_DIR"
    write_nginx_conf
    "$NGINX" -p "$RUN_DIR/nginx" -e "$RUN_DIR/nginx/error.log" -c "$RUN_DIR/nginx/nginx.conf"
    echo "nginx: http://localhost:$FRONT_PORT (PUBLIC_URL=$PUBLIC_URL), access log $RUN_DIR/nginx/access.log"
    # The first node creates the schema, the keys and the session secret, then the others start (together).
    start_node 1 && wait_ready 1
    for n in $(seq 2 "$NODES"); do start_node "$n"; done
    for n in $(seq 2 "$NODES"); do wait_ready "$n"; done
    ;;
  status)
    for pidfile in "$RUN_DIR"/node*.pid; do
      n=${pidfile##*/node}; n=${n%.pid}
      printf 'node %s (port %s): ' "$n" "$(node_port "$n")"
      curl -fsS "http://127.0.0.1:$(node_port "$n")/health/ready" 2>/dev/null && echo || echo "down"
    done
    ;;
  kill)
    kill -9 "$(cat "$RUN_DIR/node${2:?node number}.pid")" && echo "node $2 killed"
    ;;
  restart)
    start_node "${2:?node number}" && wait_ready "$2"
    ;;
  stop)
    [ -f "$RUN_DIR/nginx/nginx.pid" ] && "$NGINX" -p "$RUN_DIR/nginx" -e "$RUN_DIR/nginx/error.log" \
      -c "$RUN_DIR/nginx/nginx.conf" -s quit || true
    for pidfile in "$RUN_DIR"/node*.pid; do
      [ -f "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null || true
      rm -f "$pidfile"
    done
    ;;
  *)
    sed -n '2,17p' "$0"; exit 2
    ;;
esac
