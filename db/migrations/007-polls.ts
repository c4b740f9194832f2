import type { Migration } from './index';

export const migration: Migration = {
  version: 7,
  name: 'polls',
  sql: /* sql */ `
-- A poll the chair put to the room: one question, answered anonymously on the participants' phones.
-- Every run is kept. While open its answers are in poll_answer; at closing the distribution is
-- written to result (JSON) and the single answers are deleted.
CREATE TABLE poll (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
  slide_id TEXT,                       -- the slide it was started on
  question_id TEXT,                    -- the module's case question, e.g. 'casus-1'; NULL: a question of its own
  kind TEXT NOT NULL CHECK (kind IN ('choice', 'number', 'text')),
  question TEXT NOT NULL,
  options TEXT NOT NULL DEFAULT '[]',  -- JSON array of the choices (kind choice)
  code TEXT NOT NULL,                  -- the random code in the phones' address
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  results_hidden INTEGER NOT NULL DEFAULT 0 CHECK (results_hidden IN (0, 1)),
  result TEXT,                         -- JSON distribution, set when closed
  opened_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  closed_at TEXT
);
CREATE INDEX poll_meeting ON poll(meeting_id);
CREATE UNIQUE INDEX poll_open_code ON poll(code) WHERE status = 'open';

-- One answer per phone while the poll is open. device is a hash of the phone's random token and the
-- poll, so the same phone cannot be followed from one poll to the next.
CREATE TABLE poll_answer (
  poll_id INTEGER NOT NULL REFERENCES poll(id) ON DELETE CASCADE,
  device TEXT NOT NULL,
  value TEXT NOT NULL,
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (poll_id, device)
) WITHOUT ROWID;
`,
};
