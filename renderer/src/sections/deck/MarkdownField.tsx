import { useRef, type KeyboardEvent } from 'react';
import { useI18n, type Key } from '../../i18n';
import { TextAreaField } from '../meeting/TextAreaField';
import { applyFormat, type Format } from './markdown-edit';

interface Props {
  label: string;
  value: string;
  onChange(value: string): void;
  onBlur?(): void;
  error?: string | undefined;
  hint?: string;
  rows?: number;
}

const buttons: { format: Format; key: Key; shortcut?: string }[] = [
  { format: 'bold', key: 'deck.format.bold', shortcut: 'b' },
  { format: 'italic', key: 'deck.format.italic', shortcut: 'i' },
  { format: 'list', key: 'deck.format.list' },
];

/** A slide text with buttons (and Ctrl+B / Ctrl+I) for the slides' simple Markdown. */
export function MarkdownField({ label, value, onChange, onBlur, error, hint, rows = 8 }: Props) {
  const { t } = useI18n();
  const area = useRef<HTMLTextAreaElement>(null);
  const format = (kind: Format) => {
    const element = area.current!;
    const edit = applyFormat(kind, element.value, element.selectionStart, element.selectionEnd);
    onChange(edit.text);
    // After React has written the new text: the same words selected, the keyboard back in the text.
    requestAnimationFrame(() => {
      element.focus();
      element.setSelectionRange(edit.selectionStart, edit.selectionEnd);
    });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    const button = (event.ctrlKey || event.metaKey) && !event.altKey && buttons.find((b) => b.shortcut === event.key.toLowerCase());
    if (!button) return;
    event.preventDefault();
    format(button.format);
  };
  return (
    <div className="markdown-field">
      <div className="format-bar" role="toolbar" aria-label={t('deck.format.label', { field: label })}>
        {buttons.map((button) => (
          <button
            key={button.format}
            type="button"
            className={`format-${button.format}`}
            onClick={() => format(button.format)}
            onMouseDown={(e) => e.preventDefault()}
          >
            {t(button.key)}
          </button>
        ))}
      </div>
      <TextAreaField
        ref={area}
        label={label}
        value={value}
        onChange={onChange}
        onBlur={onBlur}
        onKeyDown={onKeyDown}
        error={error}
        hint={hint}
        rows={rows}
      />
    </div>
  );
}
