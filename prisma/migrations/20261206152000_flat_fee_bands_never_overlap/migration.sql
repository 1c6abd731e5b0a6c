-- R4 prices a PBX by the one flat-fee band its user count falls in: two bands of one price list must
-- never share a user count. The import refuses gaps and overlaps cell by cell, and the database keeps
-- its own guard behind it. btree_gist is a trusted extension: the owner of the database may create it.
CREATE EXTENSION IF NOT EXISTS btree_gist;

ALTER TABLE "FlatFeeBand" ADD CONSTRAINT "FlatFeeBand_users_never_overlap"
  EXCLUDE USING gist ("priceListId" WITH =, int4range("minUsers", "maxUsers", '[]') WITH &&);
