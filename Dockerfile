# syntax=docker/dockerfile:1
# Midad in a container: `docker build -t midad .`, then `docker run -p 3000:3000 -v midad-data:/var/lib/midad midad`
# (SQLite in the volume), or `docker compose up -d` for PostgreSQL and Redis (compose.yaml).
# The first start prints the one-time setup link that creates the admin: `docker logs midad`.
# test/conformance/deployment-files.test.ts holds this file to the repository (CI's install
# steps, the health route, the variables src/config.ts reads): keep them in step.

# Build: the same install as CI (npm runs "prepare": the editor bundle and dist/midad.mjs),
# then the development packages are dropped. The full image has the compilers a native module
# needs when no prebuilt binary matches.
FROM node:24-trixie AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.json ./
COPY bin ./bin
COPY scripts ./scripts
COPY src ./src
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
RUN npm prune --omit=dev --no-audit --no-fund

# Runtime: the same Debian release (native modules were built against its libc), no compilers,
# and the PostgreSQL client tools `midad backup` and `restore` use with PostgreSQL (Debian
# trixie's are version 17, as compose.yaml's server).
FROM node:24-trixie-slim AS runtime
RUN apt-get update \
  && apt-get install -y --no-install-recommends postgresql-client \
  && rm -rf /var/lib/apt/lists/*
RUN groupadd --system --gid 10001 midad \
  && useradd --system --uid 10001 --gid midad --home-dir /var/lib/midad --shell /usr/sbin/nologin midad \
  && mkdir -p /var/lib/midad \
  && chown midad:midad /var/lib/midad
WORKDIR /app
# Inside a container the server must listen on every interface; the published port decides who
# reaches it. Set MIDAD_PUBLIC_URL to the address readers use: links and the setup link use it.
ENV NODE_ENV=production \
  HOST=0.0.0.0 \
  PORT=3000 \
  MIDAD_DATA_DIR=/var/lib/midad \
  MIDAD_PUBLIC_URL=http://localhost:3000
COPY --from=build /app/package.json /app/package-lock.json /app/tsconfig.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/bin ./bin
COPY --from=build /app/src ./src
COPY --from=build /app/dist ./dist
# bin/midad.js runs dist/midad.mjs only while it is newer than every source file: make sure it is
# whatever times the copies kept. `midad` on PATH is the same program, for `docker exec … midad`.
RUN touch dist/midad.mjs && ln -s /app/bin/midad.js /usr/local/bin/midad
USER midad
EXPOSE 3000
VOLUME ["/var/lib/midad"]
# /healthz: the process is alive (no database involved, so an outage does not restart it).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["midad", "serve"]
