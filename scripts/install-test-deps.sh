#!/usr/bin/env bash
# Installs the system packages the test suite needs, from Debian/Ubuntu's own archive:
# Chromium (browser tests), a Java runtime (the Nu HTML checker), Noto fonts (Arabic
# text in screenshots), xmllint (feeds and sitemaps against their schemas) and the PostgreSQL
# client tools (pg_dump and psql, for backups). Skips what is already there.
set -euo pipefail

need=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || need+=(chromium)
command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
fc-list 2>/dev/null | grep -qi "Noto Naskh Arabic\|Noto Sans Arabic" || need+=(fonts-noto-core)
command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils)
{ command -v pg_dump && command -v psql; } >/dev/null 2>&1 || need+=(postgresql-client)
[ ${#need[@]} -eq 0 ] && exit 0

as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)
"${as_root[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq "${need[@]}" >/dev/null
