import { useState } from 'react';
import { call } from '../../api';
import { FormDialog } from '../../components/Dialog';
import { LabelledField, SelectField, TextField } from '../../components/Field';
import { fieldError, formError, useAction } from '../../hooks';
import { useI18n } from '../../i18n';
import { TextAreaField } from '../meeting/TextAreaField';
import { MarkdownField } from './MarkdownField';
import { kindKey, type DeckSlide } from './model';

type OwnKind = 'text' | 'title' | 'image';
const ownKinds: OwnKind[] = ['text', 'title', 'image'];
/** Larger pictures would make every export heavy; a slide needs no more. */
const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
const SHOWN_FIELDS = ['title', 'body', 'notes', 'image', 'image.src', 'image.alt'];

interface Props {
  meetingId: number;
  /** The new slide comes after this one (null: at the end). */
  after: DeckSlide | null;
  onClose(): void;
  onAdded(id: string): void;
}

/** An own slide: a title, text with simple formatting, or a picture from a file. */
export function AddSlideDialog({ meetingId, after, onClose, onAdded }: Props) {
  const { t } = useI18n();
  const [kind, setKind] = useState<OwnKind>('text');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [notes, setNotes] = useState('');
  const [image, setImage] = useState<{ src: string; name: string } | null>(null);
  const [alt, setAlt] = useState('');
  const [imageProblem, setImageProblem] = useState<string>();
  const add = useAction(() =>
    call('deck.addSlide', {
      meetingId,
      afterSlideId: after?.id ?? null,
      kind,
      title,
      body,
      notes,
      image: kind === 'image' && image ? { src: image.src, alt } : null,
    }),
  );

  const pick = (file: File | undefined) => {
    setImage(null);
    setImageProblem(undefined);
    if (!file) return;
    if (file.size > MAX_IMAGE_BYTES) return setImageProblem(t('deck.imageTooBig', { name: file.name }));
    const reader = new FileReader();
    reader.onload = () => setImage({ src: String(reader.result), name: file.name });
    reader.onerror = () => setImageProblem(t('deck.imageUnreadable', { name: file.name }));
    reader.readAsDataURL(file);
  };

  const submit = async () => {
    if (kind === 'image' && !image) return setImageProblem(t('deck.imageNeeded'));
    const result = await add.run();
    if (result.ok) onAdded(result.value.id);
  };

  const imageError = imageProblem ?? fieldError(add.error, 'image.src') ?? fieldError(add.error, 'image');
  return (
    <FormDialog
      title={t('deck.addTitle')}
      onClose={onClose}
      onSubmit={submit}
      busy={add.busy}
      submitLabel={t('deck.addSubmit')}
      error={formError(add.error, (field) => SHOWN_FIELDS.includes(field))}
      wide
    >
      <p className="hint">{after ? t('deck.addAfter', { name: after.title }) : t('deck.addAtEnd')}</p>
      <SelectField<OwnKind>
        label={t('deck.field.kind')}
        value={kind}
        onChange={setKind}
        options={ownKinds.map((k) => ({ value: k, label: t(kindKey(k)) }))}
      />
      <TextField label={t('deck.field.title')} value={title} onChange={setTitle} error={fieldError(add.error, 'title')} autoFocus />
      {kind === 'image' && (
        <>
          <LabelledField
            label={t('deck.field.image')}
            error={imageError}
            control={(ids) => (
              <input
                {...ids}
                type="file"
                accept="image/png,image/jpeg,image/gif,image/svg+xml,image/webp"
                onChange={(event) => pick(event.target.files?.[0])}
              />
            )}
          />
          {image && <img className="deck-image-preview" src={image.src} alt={t('deck.imageChosen', { name: image.name })} />}
          <TextField
            label={t('deck.field.alt')}
            value={alt}
            onChange={setAlt}
            error={fieldError(add.error, 'image.alt')}
            hint={t('deck.altHint')}
          />
        </>
      )}
      <MarkdownField
        label={t('deck.field.body')}
        value={body}
        onChange={setBody}
        error={fieldError(add.error, 'body')}
        hint={t('deck.bodyHint')}
        rows={kind === 'image' ? 3 : 7}
      />
      <TextAreaField label={t('deck.field.notes')} value={notes} onChange={setNotes} error={fieldError(add.error, 'notes')} rows={3} />
    </FormDialog>
  );
}
