#!/usr/bin/env bash
# watchdog.sh PARENT_PID CMD [ARGS...]
# Runs an engine (Kafka broker, moto, demo API) for the example runner and makes sure it does not
# outlive the runner: the engine is stopped when PARENT_PID exits or when this script gets TERM/INT.
parent=$1
shift
"$@" &
child=$!
stop() {
  kill -TERM "$child" 2>/dev/null
  for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$child" 2>/dev/null || exit 0; sleep 0.5; done
  kill -KILL "$child" 2>/dev/null
  exit 0
}
trap stop TERM INT
while kill -0 "$parent" 2>/dev/null && kill -0 "$child" 2>/dev/null; do
  sleep 1 &
  wait $!
done
kill -0 "$child" 2>/dev/null && stop
wait "$child"
