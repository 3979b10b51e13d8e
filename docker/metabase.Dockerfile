# Metabase with the DuckDB driver (motherduckdb/metabase_duckdb_driver). DuckDB's JDBC driver
# needs glibc, so this is a JRE image on Ubuntu rather than an Alpine one.
# The versions are build arguments. Driver 1.4.3.0 embeds DuckDB 1.4.3, which reads storage up
# to v1.4.0: the read copy is written with storage_compatibility_version v1.4.0, and
# tests/pipeline/test_ingest_flow.py opens it with DuckDB 1.4.3 from PyPI.
FROM eclipse-temurin:21-jre
ARG METABASE_VERSION=v0.56.9
ARG DUCKDB_DRIVER_VERSION=1.4.3.0
ADD https://downloads.metabase.com/${METABASE_VERSION}/metabase.jar /app/metabase.jar
ADD https://github.com/motherduckdb/metabase_duckdb_driver/releases/download/${DUCKDB_DRIVER_VERSION}/duckdb.metabase-driver.jar /plugins/duckdb.metabase-driver.jar
ENV MB_PLUGINS_DIR=/plugins MB_DB_FILE=/metabase-data/metabase.db
EXPOSE 3000
CMD ["java", "-jar", "/app/metabase.jar"]
