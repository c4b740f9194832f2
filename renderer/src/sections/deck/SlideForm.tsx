import { useRef, useState } from 'react';
import { call } from '../../api';
import { TextField } from '../../components/Field';
import { useI18n } from '../../i18n';
import { SaveStatus, useAutosave } from '../meeting/autosave';
import { TextAreaField } from '../meeting/TextAreaField';
import { MarkdownField } from './MarkdownField';
import type { DeckSlide } from './model';

export type SlideText = { title: string; body: string; notes: string; hidden: boolean };

interface Props {
  meetingId: number;
  slide: DeckSlide;
  /** After each autosave: the list and the preview show the new text. */
  onSaved(): void;
  /** A finished change (a field left, the visibility switched), for the editor's undo. */
  onCommit(before: Partial<SlideText>, after: Partial<SlideText>): void;
}

/** One slide's title, text, speaker notes and visibility, saved while typing. */
export function SlideForm({ meetingId, slide, onSaved, onCommit }: Props) {
  const { t } = useI18n();
  const [text, setText] = useState<SlideText>({ title: slide.title, body: slide.body, notes: slide.notes, hidden: slide.hidden });
  // What the last finished change left, so that leaving a field records one undo step for all its typing.
  const committed = useRef<SlideText>(text);
  const autosave = useAutosave<SlideText>(async (patch) => {
    const result = await call('deck.editSlide', { meetingId, slideId: slide.id, ...patch });
    if (result.ok) onSaved();
    return result;
  });
  const change = <K extends keyof SlideText>(field: K, value: SlideText[K]) => {
    setText((current) => ({ ...current, [field]: value }));
    autosave.change({ [field]: value } as Partial<SlideText>);
  };
  const commit = (next: SlideText) => {
    const fields = (['title', 'body', 'notes', 'hidden'] as const).filter((field) => next[field] !== committed.current[field]);
    if (!fields.length) return;
    const pick = (from: SlideText) => Object.fromEntries(fields.map((field) => [field, from[field]])) as Partial<SlideText>;
    onCommit(pick(committed.current), pick(next));
    committed.current = next;
  };
  const flush = () => {
    commit(text);
    void autosave.flush();
  };
  const figures = slide.kind === 'data' || slide.kind === 'agreements';

  return (
    <div className="slide-form">
      <div className="slide-form-status">
        <label className="choice">
          <input
            type="checkbox"
            checked={text.hidden}
            onChange={(event) => {
              const hidden = event.target.checked;
              change('hidden', hidden);
              commit({ ...text, hidden });
              void autosave.flush();
            }}
          />
          {t('deck.hide')}
        </label>
        <SaveStatus state={autosave.state} />
      </div>
      <TextField
        label={t('deck.field.title')}
        value={text.title}
        onChange={(value) => change('title', value)}
        onBlur={flush}
        error={autosave.fieldError('title')}
      />
      <MarkdownField
        label={t('deck.field.body')}
        value={text.body}
        onChange={(value) => change('body', value)}
        onBlur={flush}
        error={autosave.fieldError('body')}
        hint={figures ? t('deck.bodyFiguresHint') : t('deck.bodyHint')}
        rows={figures ? 3 : 9}
      />
      {slide.questions.length > 0 && (
        <div className="slide-questions">
          <p className="field-label">{t('deck.questions')}</p>
          <ol>
            {slide.questions.map((question) => (
              <li key={question}>{question}</li>
            ))}
          </ol>
        </div>
      )}
      <TextAreaField
        label={t('deck.field.notes')}
        value={text.notes}
        onChange={(value) => change('notes', value)}
        onBlur={flush}
        error={autosave.fieldError('notes')}
        hint={t('deck.notesHint')}
        rows={5}
      />
    </div>
  );
}
