# One image definition, two targets: `api` (serves the built builder too) and `worker`.
#   docker build --target api -t threadline-api .
#   docker build --target worker -t threadline-worker .
# The services run their TypeScript with tsx, as in development: the workspaces export .ts
# source directly, so there is no separate compile step to drift from what the tests ran.

FROM node:20-bookworm-slim AS dependencies
WORKDIR /app
# Manifests first, so the npm ci layer is reused until a dependency changes.
COPY package.json package-lock.json ./
COPY flows/package.json flows/
COPY worker/package.json worker/
COPY api/package.json api/
COPY builder-ui/package.json builder-ui/
COPY stack/package.json stack/
COPY test/package.json test/
RUN npm ci --no-audit --no-fund

FROM dependencies AS source
COPY tsconfig.json ./
COPY flows flows
COPY worker worker
COPY api api
COPY stack stack
COPY builder-ui builder-ui

FROM source AS worker
ENV NODE_ENV=production
# Two malloc arenas: see worker/src/workerProcessEnv.ts.
ENV MALLOC_ARENA_MAX=2
USER node
CMD ["node", "--import", "tsx", "worker/src/main.ts"]

FROM source AS api
RUN npm run build -w @threadline/builder-ui
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    BUILDER_DIST=/app/builder-ui/dist
EXPOSE 3000
USER node
CMD ["node", "--import", "tsx", "api/src/main.ts"]
