-- A record's rules and finding types move from one side row each to a shared tag set: the record
-- names its set, and each distinct set is stored once (named by a digest of its contents). Writing
-- a decision then costs one index entry instead of two B-tree entries per rule and per type.
CREATE TABLE audit_tag (
  tag_set VARCHAR(64)  NOT NULL,
  kind    VARCHAR(8)   NOT NULL,
  tag     VARCHAR(256) NOT NULL,
  CONSTRAINT audit_tag_pk PRIMARY KEY (tag_set, kind, tag)
);
CREATE INDEX audit_tag_by_tag ON audit_tag (kind, tag, tag_set);

ALTER TABLE audit_record ADD COLUMN tag_set VARCHAR(64);

-- Records written before keep a set of their own, named by their audit id (never a digest).
INSERT INTO audit_tag (tag_set, kind, tag)
  SELECT DISTINCT audit_id, 'rule', rule_id FROM audit_record_rule;
INSERT INTO audit_tag (tag_set, kind, tag)
  SELECT DISTINCT audit_id, 'type', finding_type FROM audit_record_type;
UPDATE audit_record SET tag_set = audit_id
  WHERE audit_id IN (SELECT tag_set FROM audit_tag);
CREATE INDEX audit_record_tag_set ON audit_record (tag_set);

DROP TABLE audit_record_rule;
DROP TABLE audit_record_type;
