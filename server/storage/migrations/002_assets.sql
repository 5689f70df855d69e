-- Images on boards, beside the board rather than inside it: the stored
-- (re-encoded) image and its phone thumbnail. `bytes` is what the session
-- quota counts.
CREATE TABLE assets (
  session_id text NOT NULL,
  id text NOT NULL,
  mime_type text NOT NULL,
  width integer NOT NULL,
  height integer NOT NULL,
  bytes integer NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  image bytea NOT NULL,
  thumbnail bytea NOT NULL,
  PRIMARY KEY (session_id, id)
);
