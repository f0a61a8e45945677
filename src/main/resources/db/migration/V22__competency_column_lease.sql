-- The instance bringing a competency column in line with the platform leases it while it calls the platform,
-- instead of holding the row: teachers' changes to the column never wait for the platform, and the outcome is
-- recorded against what the row has become meanwhile. Portable SQL: H2 2.x and PostgreSQL.
alter table gb_competency_column add column lease_until timestamp with time zone;
