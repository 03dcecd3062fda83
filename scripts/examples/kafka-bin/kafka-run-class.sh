#!/usr/bin/env bash
# Minimal stand-in for Kafka's bin/kafka-run-class.sh: runs a main class with the jars resolved
# from Maven Central (KAFKA_LIBS, set by the example runner) on the classpath.
set -euo pipefail
: "${KAFKA_LIBS:?KAFKA_LIBS is not set (the example runner sets it)}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec "${KAFKA_JAVA:-java}" ${KAFKA_HEAP_OPTS:--Xmx256m} -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto \
  -Dlog4j2.configurationFile="$here/tools-log4j2.properties" \
  -cp "$KAFKA_LIBS/*" "$@"
