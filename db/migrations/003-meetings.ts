import type { Migration } from './index';

export const migration: Migration = {
  version: 3,
  name: 'meetings',
  sql: /* sql */ `
-- One FTO meeting of a group, with the deck shown there and the period its figures cover.
CREATE TABLE meeting (
  id INTEGER PRIMARY KEY,
  group_id INTEGER NOT NULL REFERENCES fto_group(id) ON DELETE CASCADE,
  topic TEXT NOT NULL CHECK (length(trim(topic)) > 0),
  module TEXT NOT NULL DEFAULT 'opioiden',
  starts_at TEXT,                      -- local date and time, YYYY-MM-DDTHH:MM
  place TEXT,
  chair TEXT,
  minute_taker TEXT,
  quality_consultant TEXT,             -- the group's EKC
  accreditation_number TEXT,
  period_from TEXT NOT NULL,           -- the figures' period, YYYY-MM-DD
  period_to TEXT NOT NULL,
  compare_from_year INTEGER,           -- first year of the "years side by side" slides
  anonymize_practices INTEGER NOT NULL DEFAULT 0 CHECK (anonymize_practices IN (0, 1)),
  status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'running', 'ended')),
  ended_at TEXT,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  CHECK (period_from <= period_to)
);
CREATE INDEX meeting_group ON meeting(group_id, starts_at);

-- The preparer's changes to the deck, on top of the module's slides (slide_id = the module slide's id)
-- or own slides (slide_id 'eigen-...', with kind and content). NULL fields keep the module's text and
-- visibility; position NULL keeps the slide after its predecessor in the module's order.
CREATE TABLE deck_slide (
  meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
  slide_id TEXT NOT NULL,
  position REAL,
  hidden INTEGER CHECK (hidden IN (0, 1)),
  kind TEXT CHECK (kind IN ('title', 'text', 'image')),
  title TEXT,
  body TEXT,
  notes TEXT,
  image TEXT,                          -- data: URL of an own slide's image
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (meeting_id, slide_id)
) WITHOUT ROWID;

-- Members of the group (remembered across meetings) and guests of one meeting.
CREATE TABLE person (
  id INTEGER PRIMARY KEY,
  group_id INTEGER NOT NULL REFERENCES fto_group(id) ON DELETE CASCADE,
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  role TEXT NOT NULL CHECK (role IN ('huisarts', 'apotheker', 'poh', 'aios', 'anders')),
  practice_id INTEGER REFERENCES practice(id) ON DELETE SET NULL,
  pharmacy_id INTEGER REFERENCES pharmacy(id) ON DELETE SET NULL,
  registration TEXT,                   -- BIG or AGB number
  guest_of_meeting_id INTEGER REFERENCES meeting(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX person_group ON person(group_id);

CREATE TABLE attendance (
  meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
  person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
  present INTEGER NOT NULL CHECK (present IN (0, 1)),
  PRIMARY KEY (meeting_id, person_id)
) WITHOUT ROWID;

-- The group's answers to a case question, for the whole group (practice_id NULL) or per practice.
CREATE TABLE case_answer (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
  question_id TEXT NOT NULL,
  practice_id INTEGER REFERENCES practice(id) ON DELETE SET NULL,
  text TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE UNIQUE INDEX case_answer_once ON case_answer(meeting_id, question_id, ifnull(practice_id, 0));

CREATE TABLE discussion_note (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
  slide_id TEXT,
  text TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX discussion_note_meeting ON discussion_note(meeting_id);

-- A working agreement made at a meeting, by one practice, one pharmacy or the whole group.
CREATE TABLE agreement (
  id INTEGER PRIMARY KEY,
  meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
  practice_id INTEGER REFERENCES practice(id) ON DELETE CASCADE,
  pharmacy_id INTEGER REFERENCES pharmacy(id) ON DELETE CASCADE,
  text TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL DEFAULT 'praktijk' CHECK (kind IN ('praktijk', 'apotheek', 'ziekenhuis', 'regionaal')),
  owner TEXT,
  indicator TEXT,                      -- a spec §5 indicator name, e.g. chronicUsers
  direction TEXT CHECK (direction IN ('down', 'up')),
  target REAL,
  evaluation_date TEXT,                -- YYYY-MM-DD
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  CHECK (practice_id IS NULL OR pharmacy_id IS NULL)
);
CREATE INDEX agreement_meeting ON agreement(meeting_id);
CREATE INDEX agreement_practice ON agreement(practice_id);

-- Every status an agreement was given, newest last: in the app or from a returned review sheet.
CREATE TABLE agreement_review (
  id INTEGER PRIMARY KEY,
  agreement_id INTEGER NOT NULL REFERENCES agreement(id) ON DELETE CASCADE,
  status TEXT NOT NULL CHECK (status IN ('open', 'done', 'partly', 'not_done', 'dropped')),
  note TEXT NOT NULL DEFAULT '',
  set_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  source TEXT NOT NULL DEFAULT 'app' CHECK (source IN ('app', 'sheet'))
);
CREATE INDEX agreement_review_agreement ON agreement_review(agreement_id, set_at);
`,
};
