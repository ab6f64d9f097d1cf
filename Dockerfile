# syntax=docker/dockerfile:1
# Atelier's one image: `atelier api` by default, `atelier worker` as the worker's command.

# The demo page's bundle (three.js, esbuild) is built apart, so Node stays out of the image.
FROM node:20-bookworm-slim AS demo
WORKDIR /build/frontend-demo
COPY frontend-demo/package.json frontend-demo/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY frontend-demo/src ./src
COPY frontend-demo/graphiql ./graphiql
RUN npm run build

FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# Mesa's EGL renders headless on llvmpipe (libgl1: glcontext looks up libGL by name);
# assimp reads FBX and DAE.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libegl1 libegl-mesa0 libgl1 libgl1-mesa-dri libgles2 assimp-utils \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /opt/atelier
# Dependencies in their own layer, so a change to the code does not reinstall them.
# meshoptimizer's Python binding is published as source only: g++ builds it, then goes.
COPY pyproject.toml README.md requirements/prod.lock ./
RUN apt-get update \
    && apt-get install -y --no-install-recommends g++ \
    && pip install -r prod.lock \
    && apt-get purge -y --auto-remove g++ \
    && rm -rf /var/lib/apt/lists/* prod.lock

COPY app ./app
COPY frontend-demo/public ./frontend-demo/public
COPY --from=demo /build/frontend-demo/dist ./frontend-demo/dist
# Editable, because the API serves the demo page from frontend-demo/ beside app/.
RUN pip install --no-deps -e .

RUN useradd --system --uid 10001 --create-home --home-dir /var/lib/atelier atelier
USER atelier
WORKDIR /var/lib/atelier

EXPOSE 8000
CMD ["atelier", "api", "--host", "0.0.0.0", "--port", "8000"]
