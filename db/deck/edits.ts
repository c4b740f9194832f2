import { randomBytes } from 'node:crypto';
import type { DeckEdits } from '../../slides';
import type { Db } from '../open';
import { queryAll } from '../query';

interface DeckSlideRow {
  slide_id: string;
  position: number | null;
  hidden: number | null;
  kind: 'title' | 'text' | 'image' | null;
  title: string | null;
  body: string | null;
  notes: string | null;
  image: string | null;
}

/** Own slides are told apart by their kind in deck_slide; the prefix only makes their ids readable. */
const OWN_SLIDE_PREFIX = 'eigen-dia-';

/** The preparer's stored changes to a meeting's deck, in the form slides/ applies on top of the module. */
export function loadDeckEdits(db: Db, meetingId: number): DeckEdits {
  const rows = queryAll<DeckSlideRow>(db, 'SELECT * FROM deck_slide WHERE meeting_id = ?', meetingId);
  const positioned = rows.filter((row) => row.position !== null).sort((a, b) => a.position! - b.position!);
  return {
    ...(positioned.length ? { order: positioned.map((row) => row.slide_id) } : {}),
    slides: rows
      .filter((row) => row.kind === null)
      .map((row) => ({
        id: row.slide_id,
        ...(row.hidden !== null ? { hidden: row.hidden === 1 } : {}),
        ...(row.title !== null ? { title: row.title } : {}),
        ...(row.body !== null ? { body: row.body } : {}),
        ...(row.notes !== null ? { notes: row.notes } : {}),
      })),
    own: rows
      .filter((row) => row.kind !== null)
      .map((row) => ({
        id: row.slide_id,
        kind: row.kind!,
        title: row.title ?? '',
        body: row.body ?? '',
        notes: row.notes ?? '',
        hidden: row.hidden === 1,
        image: row.image ? (JSON.parse(row.image) as { src: string; alt: string }) : null,
      })),
  };
}

/** The ids of slides the preparer changed (text or visibility), for the editor's "aangepast" mark. */
export function editedSlideIds(edits: DeckEdits): Set<string> {
  return new Set(
    (edits.slides ?? [])
      .filter((e) => e.hidden !== undefined || e.title !== undefined || e.body !== undefined || e.notes !== undefined)
      .map((e) => e.id),
  );
}

/** One autosaved change; only the given fields are written. Returns the row's new updated_at. */
export function saveSlideEdit(
  db: Db,
  meetingId: number,
  slideId: string,
  change: { title?: string; body?: string; notes?: string; hidden?: boolean },
): string {
  const set = (value: unknown) => (value === undefined ? 0 : 1);
  return (
    db
      .prepare(
        `INSERT INTO deck_slide (meeting_id, slide_id, title, body, notes, hidden) VALUES (:meetingId, :slideId, :title, :body, :notes, :hidden)
         ON CONFLICT (meeting_id, slide_id) DO UPDATE SET
           title = CASE WHEN :setTitle THEN excluded.title ELSE title END,
           body = CASE WHEN :setBody THEN excluded.body ELSE body END,
           notes = CASE WHEN :setNotes THEN excluded.notes ELSE notes END,
           hidden = CASE WHEN :setHidden THEN excluded.hidden ELSE hidden END,
           updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
         RETURNING updated_at`,
      )
      .get({
        meetingId,
        slideId,
        title: change.title ?? null,
        body: change.body ?? null,
        notes: change.notes ?? null,
        hidden: change.hidden === undefined ? null : change.hidden ? 1 : 0,
        setTitle: set(change.title),
        setBody: set(change.body),
        setNotes: set(change.notes),
        setHidden: set(change.hidden),
      }) as { updated_at: string }
  ).updated_at;
}

/** Back to the module: text and visibility forgotten, the slide's place kept. */
export function resetSlide(db: Db, meetingId: number, slideId: string): void {
  db.transaction(() => {
    db.prepare(
      'UPDATE deck_slide SET title = NULL, body = NULL, notes = NULL, hidden = NULL WHERE meeting_id = ? AND slide_id = ? AND kind IS NULL',
    ).run(meetingId, slideId);
    db.prepare('DELETE FROM deck_slide WHERE meeting_id = ? AND slide_id = ? AND kind IS NULL AND position IS NULL').run(
      meetingId,
      slideId,
    );
  })();
}

/** Stores the whole order as positions 0, 1, 2, ... in one transaction. */
export function saveOrder(db: Db, meetingId: number, order: string[]): void {
  const upsert = db.prepare(
    `INSERT INTO deck_slide (meeting_id, slide_id, position) VALUES (?, ?, ?)
     ON CONFLICT (meeting_id, slide_id) DO UPDATE SET position = excluded.position, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
  );
  db.transaction(() => {
    db.prepare('UPDATE deck_slide SET position = NULL WHERE meeting_id = ?').run(meetingId);
    order.forEach((slideId, index) => upsert.run(meetingId, slideId, index));
  })();
}

export function addOwnSlide(
  db: Db,
  meetingId: number,
  slide: { kind: 'title' | 'text' | 'image'; title: string; body: string; notes: string; image: { src: string; alt: string } | null },
): string {
  const id = `${OWN_SLIDE_PREFIX}${randomBytes(6).toString('hex')}`;
  db.prepare('INSERT INTO deck_slide (meeting_id, slide_id, kind, title, body, notes, image, hidden) VALUES (?, ?, ?, ?, ?, ?, ?, 0)').run(
    meetingId,
    id,
    slide.kind,
    slide.title,
    slide.body,
    slide.notes,
    slide.image ? JSON.stringify(slide.image) : null,
  );
  return id;
}
