# syntax=docker/dockerfile:1
#
# Latchkey as a container image: the WAR on Open Liberty, with the PostgreSQL and H2 JDBC drivers.
#
#   docker build -t latchkey .
#
# docker-compose.yml runs it with PostgreSQL and Redis; docs/operations.md lists the variables.
# The runtime image is a build argument so that it can be pinned to a Liberty version
# (e.g. 26.0.0.3-full-java21-openj9-ubi-minimal). The "full" image already holds every feature
# liberty-config/server.xml asks for. With a "kernel-slim" image instead, add `RUN features.sh`
# right after the COPY of server.xml, so the features are installed at build time.
ARG LIBERTY_IMAGE=icr.io/appcafe/open-liberty:full-java21-openj9-ubi-minimal

# ---- build: the WAR, and the JDBC drivers the server loads from /config/lib/jdbc ---------------
FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -ntp -DskipTests -DskipITs package
# The drivers are not in the WAR (they belong to the server, one library for both); their
# versions are the ones the parent pom pins. stripVersion names them postgresql.jar and h2.jar.
RUN --mount=type=cache,target=/root/.m2 \
    set -eu; \
    version() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" pom.xml | head -n 1; }; \
    for artifact in "org.postgresql:postgresql:$(version postgresql.version)" \
                    "com.h2database:h2:$(version h2.version)"; do \
      mvn -B -ntp -N org.apache.maven.plugins:maven-dependency-plugin:3.9.0:copy \
          -Dartifact="$artifact" -DoutputDirectory=/drivers -Dmdep.stripVersion=true; \
    done; \
    test -f /drivers/postgresql.jar; \
    test -f /drivers/h2.jar

# ---- runtime ------------------------------------------------------------------------------------
FROM ${LIBERTY_IMAGE}

COPY --chown=1001:0 liberty-config/server.xml /config/server.xml
COPY --chown=1001:0 --from=build /drivers/ /config/lib/jdbc/
COPY --chown=1001:0 --from=build /src/modules/server/target/latchkey.war /config/apps/latchkey.war

# The data directory (server.xml's variable latchkey.data.dir, which the environment variable
# LATCHKEY_DATA_DIR overrides): the embedded H2 database and the generated master keyset live
# here when no database and no LATCHKEY_MASTER_KEY are configured. Mount a volume on it then.
USER root
RUN mkdir -p /var/lib/latchkey \
    && chown 1001:0 /var/lib/latchkey \
    && chmod 0770 /var/lib/latchkey
USER 1001
ENV LATCHKEY_DATA_DIR=/var/lib/latchkey

EXPOSE 9080 9443

# Liberty's recommended last step: applies the image's configuration and warms the class cache.
RUN configure.sh
