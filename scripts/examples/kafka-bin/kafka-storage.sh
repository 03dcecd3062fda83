#!/usr/bin/env bash
# Same main class as Kafka 4.x bin/kafka-storage.sh
exec "$(dirname "${BASH_SOURCE[0]}")/kafka-run-class.sh" kafka.tools.StorageTool "$@"
