import { useEffect, useRef, useState, type ReactNode } from 'react';
import { call, get, type MethodOutput, type Result } from '../../api';
import { SelectField } from '../../components/Field';
import { useAction, useLoad } from '../../hooks';
import { useI18n } from '../../i18n';
import { AgreementsEditor } from '../agreements/AgreementsEditor';
import { SaveStatus, useAutosave } from './autosave';
import type { Meeting } from './model';
import { CasePollResults, PollPanel } from './polls/PollPanel';
import { TextAreaField } from './TextAreaField';
import { LinkButton } from '../../components/LinkButton';

type DeckSlide = MethodOutput<'deck.get'>['slides'][number];
type Note = MethodOutput<'discussionNotes.list'>[number];

const WHOLE_GROUP = 'group';
const answerKey = (questionId: string, practiceId: number | null) => `${questionId}:${practiceId ?? WHOLE_GROUP}`;

/** The chair's panel next to the slides: it follows the current slide. */
export function ChairPanel({
  meeting,
  slide,
  onAgreementsChanged,
}: {
  meeting: Meeting;
  slide: DeckSlide | undefined;
  onAgreementsChanged?: () => void;
}) {
  const { t } = useI18n();
  return (
    <aside className="chair-panel" aria-label={t('chair.title')}>
      <div className="chair-slide">
        <p className="eyebrow">{t('chair.currentSlide')}</p>
        <h3>{slide?.title ?? '—'}</h3>
        <SlideTimer slideId={slide?.id} />
      </div>
      <PollPanel slide={slide} />
      {slide?.kind === 'case' && slide.questions.length > 0 && <CaseAnswers meeting={meeting} slide={slide} />}
      <DiscussionNotes meetingId={meeting.id} slideId={slide?.id ?? null} />
      <details className="chair-agreements" open>
        <summary>{t('chair.agreements')}</summary>
        <AgreementsEditor meeting={meeting} compact onChanged={onAgreementsChanged} />
      </details>
    </aside>
  );
}

/** Time spent on the current slide: starts again at every slide, can be paused. */
function SlideTimer({ slideId }: { slideId: string | undefined }) {
  const { t } = useI18n();
  const [seconds, setSeconds] = useState(0);
  const [running, setRunning] = useState(true);
  useEffect(() => {
    setSeconds(0);
    setRunning(true);
  }, [slideId]);
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setSeconds((s) => s + 1), 1000);
    return () => clearInterval(timer);
  }, [running]);
  const text = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  return (
    <div className="slide-timer">
      <span className="timer" role="timer" aria-label={t('chair.timer')}>
        {text}
      </span>
      <LinkButton label={running ? t('chair.pause') : t('chair.resume')} onClick={() => setRunning((r) => !r)} />
      <LinkButton label={t('chair.resetTimer')} onClick={() => setSeconds(0)} />
    </div>
  );
}

/** The case's questions, each with the answer of the whole group or of one practice. */
function CaseAnswers({ meeting, slide }: { meeting: Meeting; slide: DeckSlide }) {
  const { t } = useI18n();
  const practices = useLoad(() => get('practices.list', { groupId: meeting.groupId }), [meeting.groupId]);
  const loaded = useLoad(() => get('caseAnswers.list', { meetingId: meeting.id }), [meeting.id]);
  // What was typed this session, so that switching practice and back shows it without reloading.
  const typed = useRef(new Map<string, string>());
  const [whose, setWhose] = useState(WHOLE_GROUP);
  const practiceId = whose === WHOLE_GROUP ? null : Number(whose);
  const stored = new Map(loaded.data?.map((a) => [answerKey(a.questionId, a.practiceId), a.text]));

  return (
    <section className="case-answers" aria-label={t('chair.caseAnswers')}>
      <h4>{t('chair.caseAnswers')}</h4>
      {loaded.error && <p className="error">{loaded.error}</p>}
      <SelectField
        label={t('chair.answerOf')}
        value={whose}
        onChange={setWhose}
        options={[
          { value: WHOLE_GROUP, label: t('agreement.wholeGroup') },
          ...(practices.data ?? []).map((p) => ({ value: String(p.id), label: p.name })),
        ]}
      />
      {loaded.data &&
        slide.questions.map((question, index) => {
          const questionId = `${slide.id}-${index + 1}`;
          const key = answerKey(questionId, practiceId);
          return (
            <CaseAnswer
              key={key}
              meetingId={meeting.id}
              questionId={questionId}
              practiceId={practiceId}
              label={`${index + 1}. ${question}`}
              initial={typed.current.get(key) ?? stored.get(key) ?? ''}
              onTyped={(text) => typed.current.set(key, text)}
            />
          );
        })}
    </section>
  );
}

interface AnswerProps {
  meetingId: number;
  questionId: string;
  practiceId: number | null;
  label: string;
  initial: string;
  onTyped(text: string): void;
}

function CaseAnswer({ meetingId, questionId, practiceId, label, initial, onTyped }: AnswerProps) {
  return (
    <AutosavedText
      label={label}
      initial={initial}
      rows={3}
      onTyped={onTyped}
      save={(text) => call('caseAnswers.save', { meetingId, questionId, practiceId, text })}
    >
      <CasePollResults questionId={questionId} />
    </AutosavedText>
  );
}

/** Discussion points noted on this slide (or on no slide), each saved as it is typed. */
function DiscussionNotes({ meetingId, slideId }: { meetingId: number; slideId: string | null }) {
  const { t } = useI18n();
  const loaded = useLoad(() => get('discussionNotes.list', { meetingId }), [meetingId]);
  const [notes, setNotes] = useState<Note[]>();
  useEffect(() => setNotes(loaded.data), [loaded.data]);
  const [focusId, setFocusId] = useState<number>();
  const add = useAction(() => call('discussionNotes.add', { meetingId, slideId }));
  const remove = async (id: number) => {
    if ((await call('discussionNotes.delete', { id })).ok) setNotes((list) => list?.filter((n) => n.id !== id));
  };
  const shown = notes?.filter((n) => n.slideId === slideId) ?? [];
  return (
    <section className="discussion-notes" aria-label={t('chair.notes')}>
      <div className="panel-head">
        <h4>{t('chair.notes')}</h4>
        <button
          type="button"
          disabled={!notes || add.busy}
          onClick={async () => {
            const result = await add.run();
            if (!result.ok) return;
            setNotes((list) => [...(list ?? []), result.value]);
            setFocusId(result.value.id);
          }}
        >
          {t('chair.addNote')}
        </button>
      </div>
      {(loaded.error ?? add.error) && <p className="error">{loaded.error ?? add.error?.message}</p>}
      {shown.map((note, index) => (
        <NoteEditor
          key={note.id}
          note={note}
          label={t('chair.noteNumbered', { n: index + 1 })}
          autoFocus={note.id === focusId}
          onTyped={(text) => setNotes((list) => list?.map((n) => (n.id === note.id ? { ...n, text } : n)))}
          onRemove={() => remove(note.id)}
        />
      ))}
    </section>
  );
}

interface NoteProps {
  note: Note;
  label: string;
  autoFocus: boolean;
  onTyped(text: string): void;
  onRemove(): void;
}

function NoteEditor({ note, label, autoFocus, onTyped, onRemove }: NoteProps) {
  const { t } = useI18n();
  return (
    <AutosavedText
      label={label}
      initial={note.text}
      rows={2}
      autoFocus={autoFocus}
      onTyped={onTyped}
      save={(text) => call('discussionNotes.save', { id: note.id, text })}
    >
      <LinkButton label={t('common.remove')} name={t('chair.removeNote', { name: label })} onClick={onRemove} />
    </AutosavedText>
  );
}

interface AutosavedTextProps {
  label: string;
  initial: string;
  rows: number;
  autoFocus?: boolean;
  save(text: string): Promise<Result<unknown>>;
  onTyped(text: string): void;
  /** Shown after the save status. */
  children: ReactNode;
}

/** A text saved while it is typed, with its save status. */
function AutosavedText({ label, initial, rows, autoFocus, save, onTyped, children }: AutosavedTextProps) {
  const [text, setText] = useState(initial);
  const autosave = useAutosave<{ text: string }>((patch) => save(patch.text ?? ''));
  return (
    <div className="autosaved">
      <TextAreaField
        label={label}
        value={text}
        rows={rows}
        autoFocus={autoFocus}
        {...autosave.field('text', (value: string) => {
          setText(value);
          onTyped(value);
        })}
        onBlur={() => void autosave.flush()}
      />
      <SaveStatus state={autosave.state} />
      {children}
    </div>
  );
}
