-- Boards: one row per board, and its history as rows of Yjs updates. A
-- compaction replaces every row of a board by one snapshot row.
CREATE TABLE boards (
  id text PRIMARY KEY,
  -- Bytes of update rows appended since the last snapshot: decides compaction
  -- without summing the rows on every write.
  pending_bytes bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE board_updates (
  seq bigserial PRIMARY KEY,
  board_id text NOT NULL REFERENCES boards (id) ON DELETE CASCADE,
  is_snapshot boolean NOT NULL DEFAULT false,
  data bytea NOT NULL
);

CREATE INDEX board_updates_by_board ON board_updates (board_id, seq);

-- Metadata records (sessions, and any later collection) as JSON keyed by id,
-- so a field added to a record needs no migration.
CREATE TABLE metadata_records (
  collection text NOT NULL,
  id text NOT NULL,
  seq bigserial NOT NULL,
  data jsonb NOT NULL,
  PRIMARY KEY (collection, id)
);
