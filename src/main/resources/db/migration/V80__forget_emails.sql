-- Personal data (issue 9, RGPD): the tool never used e-mail addresses (no page, message or service reads them). It
-- stops asking for and keeping them, and forgets those it kept (data minimisation). Names stay: teachers need them.
-- Portable SQL: H2 2.x and PostgreSQL 13+.
update lti_user set email = null;
