# The 13d-ledger command line, built from this checkout.
FROM node:20-bookworm
WORKDIR /app
# Dependencies first, so that a source change does not reinstall them.
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build && npm prune --omit=dev
ENV NODE_ENV=production
ENTRYPOINT ["node", "bin/13d-ledger.js"]
