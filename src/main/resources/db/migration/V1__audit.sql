-- The audit trail: one row per decision, plus its rules and finding types for filtering.
-- body holds the record's JSON, the hash chain covers it; the other columns serve queries.
CREATE TABLE audit_record (
  audit_id       VARCHAR(64)  NOT NULL PRIMARY KEY,
  node           VARCHAR(128) NOT NULL,
  seq            BIGINT       NOT NULL,
  time_ms        BIGINT       NOT NULL,
  request_id     VARCHAR(256),
  tenant         VARCHAR(256),
  profile        VARCHAR(128),
  stage          VARCHAR(16),
  decision       VARCHAR(16),
  policy_version VARCHAR(80),
  prev_hash      VARCHAR(64)  NOT NULL,
  hash           VARCHAR(64)  NOT NULL,
  body           ${text_type} NOT NULL,
  CONSTRAINT audit_record_node_seq UNIQUE (node, seq)
);
CREATE INDEX audit_record_time ON audit_record (time_ms, audit_id);
CREATE INDEX audit_record_request ON audit_record (request_id);

CREATE TABLE audit_record_rule (
  audit_id VARCHAR(64)  NOT NULL,
  rule_id  VARCHAR(256) NOT NULL
);
CREATE INDEX audit_record_rule_rule ON audit_record_rule (rule_id, audit_id);

CREATE TABLE audit_record_type (
  audit_id     VARCHAR(64)  NOT NULL,
  finding_type VARCHAR(128) NOT NULL
);
CREATE INDEX audit_record_type_type ON audit_record_type (finding_type, audit_id);

-- Where retention cut a node's chain: the last purged record's seq and hash, HMAC-signed.
CREATE TABLE audit_checkpoint (
  node      VARCHAR(128) NOT NULL PRIMARY KEY,
  seq       BIGINT       NOT NULL,
  hash      VARCHAR(64)  NOT NULL,
  time_ms   BIGINT       NOT NULL,
  signature VARCHAR(64)  NOT NULL
);
