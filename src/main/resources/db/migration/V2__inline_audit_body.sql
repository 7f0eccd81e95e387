-- Keep the record body in the row. H2 stores a CLOB over 256 characters apart from its row, which
-- made every audit commit several times slower; its CHARACTER VARYING holds up to 10^9 characters.
-- On PostgreSQL body is TEXT already and stays so.
ALTER TABLE audit_record ALTER COLUMN body SET DATA TYPE ${inline_text_type};
