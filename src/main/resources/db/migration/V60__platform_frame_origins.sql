-- Origins an administrator adds to a platform for the Content-Security-Policy frame-ancestors of the tool's pages,
-- when the LMS serves its pages from another origin than its issuer (space separated, e.g.
-- "https://moodle.lycee.fr https://www.lycee.fr"). The issuer's own origin is always allowed. Portable SQL.
alter table lti_platform add column frame_origins varchar(2000);
