# syntax=docker/dockerfile:1
#
# One image definition for every application of the suite; MODULE picks which one.
#
# Build (from the repository root, after the jars exist):
#
#   ./mvnw -DskipTests package && docker build --build-arg MODULE=auth-service -t chat-suite/auth-service .
#
# MODULE is one of: gateway, auth-service, operator-domain-service, partner-service,
# ticket-service, chat-room-service. The jar is taken from
# <module>/target/<module>-0.1.0-SNAPSHOT.jar (override with --build-arg VERSION=...).
# The port each image exposes follows from MODULE (see the per-module stages below); the
# application listens on the port its own application.properties sets (Kubernetes also sets
# SERVER_PORT explicitly).
#
# The jar is split into Spring Boot's layers (dependencies, spring-boot-loader,
# snapshot-dependencies, application), one image layer each, least to most often changed, so
# a code change rebuilds and pushes only the small application layer.

ARG MODULE
ARG VERSION=0.1.0-SNAPSHOT
ARG JRE_IMAGE=eclipse-temurin:17-jre

# --- 1. Extract the Boot jar into its layers --------------------------------------------
FROM ${JRE_IMAGE} AS extract
ARG MODULE
ARG VERSION
WORKDIR /build
COPY ${MODULE}/target/${MODULE}-${VERSION}.jar app.jar
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

# --- 2. Common runtime: JRE 17, non-root user, container-aware JVM --------------------
FROM ${JRE_IMAGE} AS runtime
# A fixed numeric uid/gid so Kubernetes can verify runAsNonRoot (it cannot for a user name).
RUN groupadd --system --gid 10001 app \
    && useradd --system --uid 10001 --gid app --home-dir /app --no-create-home --shell /usr/sbin/nologin app
WORKDIR /app
# Heap sized from the container's memory limit (50 %), the rest for metaspace, code cache and
# Netty's direct buffers (each capped) and thread stacks; measured in k8s/README.md ("Memory").
# An OutOfMemoryError ends the process so Kubernetes restarts the pod instead of leaving it half
# alive. The Kubernetes manifests set the same variable (chat-suite-config.env); a deployment may
# replace the whole variable (the JVM reads it; nothing reads JAVA_OPTS).
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=50.0 -XX:InitialRAMPercentage=25.0 -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=64m -XX:MaxDirectMemorySize=96m -Xss512k -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]

# --- 3. One tiny stage per application: only the port differs ----------------------------
FROM runtime AS gateway
EXPOSE 8080
FROM runtime AS auth-service
EXPOSE 8081
FROM runtime AS operator-domain-service
EXPOSE 8082
FROM runtime AS partner-service
EXPOSE 8083
FROM runtime AS ticket-service
EXPOSE 8084
FROM runtime AS chat-room-service
EXPOSE 8085

# --- 4. The image: the stage named after MODULE, plus the extracted layers ---------------
# (An unknown MODULE fails here, looking for an image of that name.)
FROM ${MODULE}
ARG MODULE
ARG VERSION
LABEL org.opencontainers.image.title="chat-suite ${MODULE}" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.source="chat-suite"
# Files stay owned by root and read-only for the application user.
COPY --from=extract /build/extracted/dependencies/ ./
COPY --from=extract /build/extracted/spring-boot-loader/ ./
COPY --from=extract /build/extracted/snapshot-dependencies/ ./
COPY --from=extract /build/extracted/application/ ./
USER 10001:10001
