#!/usr/bin/env bash
# Same main class as Kafka 4.x bin/kafka-dump-log.sh
exec "$(dirname "${BASH_SOURCE[0]}")/kafka-run-class.sh" org.apache.kafka.tools.DumpLogSegments "$@"
