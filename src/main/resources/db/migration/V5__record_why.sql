-- Records say why (format version 2): each rule's action and reason, each exemption's outcome, the
-- request's context and the caller. The caller becomes a column, so auditors can filter and count
-- by the key that called; records written before had no caller and keep NULL.
ALTER TABLE audit_record ADD COLUMN caller VARCHAR(256);
CREATE INDEX audit_record_caller ON audit_record (caller);

-- What each rule did is a tag "<action>:<rule id>": room for a rule id as long as before, plus the
-- longest action word.
ALTER TABLE audit_tag ALTER COLUMN tag SET DATA TYPE VARCHAR(320);
