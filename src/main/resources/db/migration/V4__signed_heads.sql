-- The shadow candidate's differing verdict becomes a column, so auditors can filter on it; records
-- written before get it from their body (canonical JSON: the quoted pattern cannot occur inside a
-- string member, where quotes are escaped).
ALTER TABLE audit_record ADD COLUMN shadow_decision VARCHAR(16);
UPDATE audit_record SET shadow_decision = 'allow' WHERE body LIKE '%"shadowDecision":"allow"%';
UPDATE audit_record SET shadow_decision = 'redact' WHERE body LIKE '%"shadowDecision":"redact"%';
UPDATE audit_record SET shadow_decision = 'block' WHERE body LIKE '%"shadowDecision":"block"%';
UPDATE audit_record SET shadow_decision = 'error' WHERE body LIKE '%"shadowDecision":"error"%';
CREATE INDEX audit_record_shadow ON audit_record (shadow_decision);

-- Signed chain heads: every so many records or seconds, and on shutdown, an instance signs its
-- chain's newest (seq, hash) with its Ed25519 key. Rows are only ever added.
CREATE TABLE audit_head (
  node      VARCHAR(128) NOT NULL,
  seq       BIGINT       NOT NULL,
  hash      VARCHAR(64)  NOT NULL,
  time_ms   BIGINT       NOT NULL,
  key_id    VARCHAR(64)  NOT NULL,
  signature VARCHAR(128) NOT NULL,
  CONSTRAINT audit_head_pk PRIMARY KEY (node, seq)
);

-- The public keys instances signed with, so that any instance can check any chain's heads.
-- Auditors pin them from GET /v1/audit/keys: a key found only here proves nothing on its own.
CREATE TABLE audit_key (
  key_id        VARCHAR(64)  NOT NULL PRIMARY KEY,
  node          VARCHAR(128) NOT NULL,
  public_key    VARCHAR(200) NOT NULL,
  first_seen_ms BIGINT       NOT NULL
);
