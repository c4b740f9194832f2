import { useEffect, useState } from 'react';
import { call, get, type MethodInput, type MethodOutput } from '../../../api';
import { SelectField, TextField } from '../../../components/Field';
import { fieldError, useAction, useLoad } from '../../../hooks';
import { useI18n } from '../../../i18n';
import { TextAreaField } from '../TextAreaField';
import { PollResults } from './PollResults';
import { usePolls, type Poll } from './usePolls';
import './polls.css';

type DeckSlide = MethodOutput<'deck.get'>['slides'][number];
type Kind = Poll['kind'];
const OWN = 'own';

/** The chair's poll controls: put a question to the room, follow the answers, close, and every earlier run. */
export function PollPanel({ slide }: { slide: DeckSlide | undefined }) {
  const { t } = useI18n();
  const { polls, open, error, onScreen, setOnScreen } = usePolls();
  const earlier = (polls ?? []).filter((p) => p.status === 'closed').reverse();
  return (
    <section className="poll-panel" aria-label={t('poll.title')}>
      <h4>{t('poll.title')}</h4>
      {error && <p className="error">{error}</p>}
      {!open && onScreen && (
        <div className="poll-run">
          <p className="eyebrow">{t('poll.shownOnScreen')}</p>
          <p className="poll-question">{onScreen.question}</p>
          <ScreenToggle poll={onScreen} onScreen setOnScreen={setOnScreen} />
        </div>
      )}
      {open ? (
        <OpenPoll poll={open} />
      ) : (
        // Open on a case slide; elsewhere one click away, so the panel stays short.
        <details className="poll-start-details" open={slide?.kind === 'case'}>
          <summary>{t('poll.start')}</summary>
          <StartPoll slide={slide} />
        </details>
      )}
      {earlier.length > 0 && (
        <details className="poll-runs">
          <summary>{t('poll.runs', { n: earlier.length })}</summary>
          {earlier.map((poll) => (
            <ClosedPoll key={poll.id} poll={poll} />
          ))}
        </details>
      )}
    </section>
  );
}

function StartPoll({ slide }: { slide: DeckSlide | undefined }) {
  const { t } = useI18n();
  const { meetingId, polls, update, setOnScreen } = usePolls();
  const questions = slide?.kind === 'case' ? slide.questions : [];
  const [which, setWhich] = useState(OWN);
  const [question, setQuestion] = useState('');
  const [kind, setKind] = useState<Kind>('choice');
  const [options, setOptions] = useState('');
  const [hidden, setHidden] = useState(false);
  /** Fills the form for a case question (or the chair's own): as its last run was asked, so it can be run again. */
  const prepare = (questionId: string) => {
    const index = Number(questionId.slice(questionId.lastIndexOf('-') + 1)) - 1;
    const last = (polls ?? [])
      .filter((p) => (questionId === OWN ? p.questionId === null && p.slideId === (slide?.id ?? null) : p.questionId === questionId))
      .at(-1);
    setWhich(questionId);
    setQuestion(last?.question ?? (questionId === OWN ? '' : (questions[index] ?? '')));
    setKind(last?.kind ?? 'choice');
    setOptions(last?.options.join('\n') ?? '');
  };
  // A case slide offers its first question; another slide starts with a question of the chair's own.
  useEffect(() => prepare(questions.length > 0 ? `${slide!.id}-1` : OWN), [slide?.id]); // eslint-disable-line react-hooks/exhaustive-deps
  const start = useAction((input: MethodInput<'polls.open'>) => call('polls.open', input));
  const submit = async () => {
    const result = await start.run({
      meetingId,
      slideId: slide?.id ?? null,
      questionId: which === OWN ? null : which,
      kind,
      question,
      options: kind === 'choice' ? options.split('\n') : [],
      resultsHidden: hidden,
    });
    if (!result.ok) return;
    update(result.value);
    setOnScreen(result.value.id);
  };
  return (
    <form
      className="poll-start"
      aria-label={t('poll.start')}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      {questions.length > 0 && (
        <SelectField
          label={t('poll.caseQuestion')}
          value={which}
          onChange={prepare}
          options={[
            ...questions.map((q, i) => ({ value: `${slide!.id}-${i + 1}`, label: `${i + 1}. ${q}` })),
            { value: OWN, label: t('poll.ownQuestion') },
          ]}
        />
      )}
      <TextField
        label={t('poll.question')}
        value={question}
        onChange={setQuestion}
        error={fieldError(start.error, 'question')}
        maxLength={300}
      />
      <SelectField<Kind>
        label={t('poll.kind')}
        value={kind}
        onChange={setKind}
        options={(['choice', 'number', 'text'] as const).map((k) => ({ value: k, label: t(`poll.kind.${k}`) }))}
      />
      {kind === 'choice' && (
        <TextAreaField
          label={t('poll.options')}
          value={options}
          rows={4}
          onChange={setOptions}
          error={fieldError(start.error, 'options')}
        />
      )}
      <label className="choice">
        <input type="checkbox" checked={hidden} onChange={(event) => setHidden(event.target.checked)} /> {t('poll.hideResults')}
      </label>
      <NetworkChoice />
      {start.error && !['question', 'options'].includes(start.error.field ?? '') && <p className="error">{start.error.message}</p>}
      <button type="submit" className="primary" disabled={start.busy}>
        {t('poll.open')}
      </button>
    </form>
  );
}

/** Which network the phones use, when this computer has more than one. */
function NetworkChoice() {
  const { t } = useI18n();
  const network = useLoad(() => get('polls.network'), []);
  const [current, setCurrent] = useState<string>();
  const choose = useAction((name: string) => call('polls.setInterface', { name }));
  const info = network.data;
  if (!info) return null;
  if (info.interfaces.length === 0) return <p className="muted">{t('poll.noNetwork')}</p>;
  if (info.interfaces.length === 1) return null;
  return (
    <SelectField
      label={t('poll.network')}
      value={current ?? info.current ?? ''}
      onChange={async (name) => {
        setCurrent(name);
        await choose.run(name);
      }}
      error={choose.error?.message}
      options={info.interfaces.map((c) => ({
        value: c.name,
        label: `${c.name} (${c.address})${c.isDefault ? ` – ${t('poll.networkDefault')}` : ''}`,
      }))}
    />
  );
}

function OpenPoll({ poll }: { poll: Poll }) {
  const { t } = useI18n();
  const { update, onScreen, setOnScreen } = usePolls();
  const act = useAction((change: 'close' | 'hide' | 'show') =>
    change === 'close' ? call('polls.close', { id: poll.id }) : call('polls.setResultsHidden', { id: poll.id, hidden: change === 'hide' }),
  );
  const run = async (change: 'close' | 'hide' | 'show') => {
    const result = await act.run(change);
    if (result.ok) update(result.value);
  };
  return (
    <div className="poll-open">
      <p className="poll-question">
        <span className="live-dot" aria-hidden="true" /> {poll.question}
      </p>
      {poll.address ? (
        <p className="poll-address">
          {t('poll.address')}: <strong>{poll.address.short}</strong> · {t('poll.code')} <strong>{poll.address.code}</strong>
        </p>
      ) : (
        <p className="error">{poll.addressProblem}</p>
      )}
      {poll.resultsHidden ? (
        <>
          <p className="poll-count" aria-live="polite">
            {t('poll.answers', { n: poll.result.count })}
          </p>
          <p className="muted">{t('poll.resultsHidden')}</p>
        </>
      ) : (
        <PollResults poll={poll} />
      )}
      <div className="poll-actions">
        <button type="button" className="primary" onClick={() => run('close')} disabled={act.busy}>
          {t('poll.close')}
        </button>
        <button type="button" onClick={() => run(poll.resultsHidden ? 'show' : 'hide')} disabled={act.busy}>
          {poll.resultsHidden ? t('poll.showResults') : t('poll.hideResultsNow')}
        </button>
        <ScreenToggle poll={poll} onScreen={onScreen?.id === poll.id} setOnScreen={setOnScreen} />
      </div>
      {act.error && <p className="error">{act.error.message}</p>}
    </div>
  );
}

function ScreenToggle({ poll, onScreen, setOnScreen }: { poll: Poll; onScreen: boolean; setOnScreen(id: number | undefined): void }) {
  const { t } = useI18n();
  return (
    <button type="button" onClick={() => setOnScreen(onScreen ? undefined : poll.id)} aria-pressed={onScreen}>
      {onScreen ? t('poll.offScreen') : t('poll.onScreen')}
    </button>
  );
}

function ClosedPoll({ poll }: { poll: Poll }) {
  const { t, lang } = useI18n();
  const { onScreen, setOnScreen } = usePolls();
  const time = poll.closedAt
    ? new Date(poll.closedAt).toLocaleTimeString(lang === 'nl' ? 'nl-NL' : 'en-GB', { hour: '2-digit', minute: '2-digit' })
    : '';
  return (
    <div className="poll-run">
      <p className="poll-question">
        {poll.question} <span className="muted">({t('poll.closedAt', { time })})</span>
      </p>
      <PollResults poll={poll} />
      <ScreenToggle poll={poll} onScreen={onScreen?.id === poll.id} setOnScreen={setOnScreen} />
    </div>
  );
}

/** Next to the group's written conclusion: every run of a poll on this case question. */
export function CasePollResults({ questionId }: { questionId: string }) {
  const { t } = useI18n();
  const runs = (usePolls().polls ?? []).filter((p) => p.questionId === questionId);
  if (runs.length === 0) return null;
  return (
    <div className="case-polls" aria-label={t('poll.caseResults')}>
      {runs.map((poll, index) => (
        <div key={poll.id} className="case-poll">
          <p className="eyebrow">
            {t('poll.run', { n: index + 1 })}
            {poll.status === 'open' && ` · ${t('poll.live')}`}
          </p>
          {poll.status === 'open' && poll.resultsHidden ? (
            <p className="poll-count">{t('poll.answers', { n: poll.result.count })}</p>
          ) : (
            <PollResults poll={poll} />
          )}
        </div>
      ))}
    </div>
  );
}
