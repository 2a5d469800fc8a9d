# Preceptor in a container: build with the full toolchain, run with production dependencies only.
# Node 20 is the line the project is built and tested on (package.json "engines", docs/deploy.md).
# docker build -t preceptor . ; docker compose up (compose.yaml adds PostgreSQL 15).

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: "prepare" would build the demo school's snapshot, which a school's image never uses.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data \
    DEMO_MODE=false
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY --from=build /app/bin ./bin
# Applied at start-up (the server looks for them beside the bundle).
COPY --from=build /app/src/server/db/migrations ./src/server/db/migrations
RUN mkdir -p /data && chown node:node /data
USER node
# The embedded database's folder, when DATABASE_URL is not set.
VOLUME ["/data"]
EXPOSE 3000
# /api/health answers 200 when the database is reachable. The slim image has no curl: Node asks.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then((r)=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/server/main.js"]
