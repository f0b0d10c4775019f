#!/bin/sh
# Runs once, when the PostgreSQL container initialises its data folder: the schema owner, who migrates, and the
# service's ordinary role, which row-level security binds (the same roles the private development cluster makes).
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v owner_password="$OWNER_DB_PASSWORD" -v app_password="$APP_DB_PASSWORD" <<'SQL'
CREATE ROLE complaintcloud_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD :'owner_password';
CREATE ROLE complaintcloud_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOINHERIT PASSWORD :'app_password';
CREATE DATABASE complaintcloud OWNER complaintcloud_owner;
REVOKE ALL ON DATABASE complaintcloud FROM PUBLIC;
GRANT CONNECT ON DATABASE complaintcloud TO complaintcloud_app;
SQL
