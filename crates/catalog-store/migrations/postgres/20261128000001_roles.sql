-- Roles: the document is the source of truth; the other columns index it.
CREATE TABLE roles (
    id          TEXT PRIMARY KEY,
    -- '' for a global role, else the owning tenant.
    owner       TEXT NOT NULL,
    slug        TEXT NOT NULL,
    category    TEXT NOT NULL,
    esco_uri    TEXT NOT NULL,
    onet_soc    TEXT NOT NULL,
    version     BIGINT NOT NULL,
    search_text TEXT NOT NULL,
    doc         JSONB NOT NULL,
    UNIQUE (owner, slug)
);
CREATE INDEX roles_category ON roles (category, slug);
CREATE INDEX roles_slug ON roles (slug, id);

CREATE TABLE role_skills (
    role_id   TEXT NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
    skill_key TEXT NOT NULL,
    PRIMARY KEY (role_id, skill_key)
);
CREATE INDEX role_skills_key ON role_skills (skill_key);

CREATE TABLE role_countries (
    role_id TEXT NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
    country TEXT NOT NULL,
    PRIMARY KEY (role_id, country)
);
CREATE INDEX role_countries_country ON role_countries (country);
