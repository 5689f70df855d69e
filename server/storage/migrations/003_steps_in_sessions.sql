-- The déroulé used to have two homes: the session record held the templates' steps, the facilitation record
-- the steps as the facilitator edited them, with a count of the templates' steps it had copied
-- (`importedSessionSteps`; a canvas added later brought more). The session record now holds it alone: the
-- facilitator's steps, then the templates' steps not copied yet, each step without an id given one derived
-- from its session and position, as server/storage/stepsToSessions.ts does for the embedded engine.
CREATE FUNCTION pg_temp.steps_with_ids(session_id text, steps jsonb, first integer) RETURNS jsonb
LANGUAGE sql AS $$
  SELECT COALESCE(jsonb_agg(
    CASE WHEN step ? 'id' THEN step ELSE step || jsonb_build_object('id', substr(md5(session_id || ':' || n), 1, 8)) END
    ORDER BY n), '[]'::jsonb)
  FROM jsonb_array_elements(steps) WITH ORDINALITY AS t(step, n)
  WHERE n > first
$$;

WITH sessions AS (
  SELECT s.id,
    CASE WHEN jsonb_typeof(s.data -> 'steps') = 'array' THEN s.data -> 'steps' ELSE '[]'::jsonb END AS own,
    f.data AS facilitation
  FROM metadata_records s
  LEFT JOIN metadata_records f ON f.collection = 'facilitation' AND f.id = s.id
  WHERE s.collection = 'sessions'
),
moved AS (
  SELECT id,
    CASE
      WHEN jsonb_typeof(facilitation -> 'steps') = 'array' THEN
        (facilitation -> 'steps') || pg_temp.steps_with_ids(id, own,
          COALESCE((facilitation ->> 'importedSessionSteps')::integer, jsonb_array_length(own)))
      ELSE pg_temp.steps_with_ids(id, own, 0)
    END AS steps
  FROM sessions
  -- Already holding their steps: every one has an id.
  WHERE jsonb_array_length(own) = 0 OR EXISTS (SELECT 1 FROM jsonb_array_elements(own) AS e WHERE NOT e ? 'id')
)
UPDATE metadata_records AS r
SET data = jsonb_set(r.data, '{steps}', moved.steps)
FROM moved
WHERE r.collection = 'sessions' AND r.id = moved.id
  AND (jsonb_array_length(moved.steps) > 0 OR r.data ? 'steps');

UPDATE metadata_records
SET data = data - 'steps' - 'importedSessionSteps'
WHERE collection = 'facilitation' AND (data ? 'steps' OR data ? 'importedSessionSteps');
