import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyFormat } from '../../renderer/src/sections/deck/markdown-edit';
import { parseMarkdown } from '../../slides/markdown';

// The editor's formatting buttons write the Markdown that slides/ reads, and a second press undoes the first.

describe('formatting buttons of the slide text', () => {
  it('mark the selection bold or italic, as the deck engine reads it', () => {
    const bold = applyFormat('bold', 'Kies morfine', 5, 12);
    expect(bold).toEqual({ text: 'Kies **morfine**', selectionStart: 7, selectionEnd: 14 });
    expect(parseMarkdown(bold.text)).toEqual([{ type: 'paragraph', runs: [{ text: 'Kies ' }, { text: 'morfine', bold: true }] }]);
    const italic = applyFormat('italic', 'Kies morfine', 5, 12);
    expect(parseMarkdown(italic.text)).toEqual([{ type: 'paragraph', runs: [{ text: 'Kies ' }, { text: 'morfine', italic: true }] }]);
  });

  it('turn the selected lines into a list and back', () => {
    const text = 'Inleiding\nEen week\nAlleen langwerkend\nSlot';
    const start = text.indexOf('week');
    const listed = applyFormat('list', text, start, text.indexOf('Slot') - 3);
    expect(listed.text).toBe('Inleiding\n- Een week\n- Alleen langwerkend\nSlot');
    expect(parseMarkdown(listed.text)[1]).toMatchObject({
      type: 'list',
      ordered: false,
      items: [{ runs: [{ text: 'Een week' }] }, { runs: [{ text: 'Alleen langwerkend' }] }],
    });
    expect(applyFormat('list', listed.text, listed.selectionStart, listed.selectionEnd).text).toBe(text);
  });

  it('undo themselves when pressed twice on the same selection', () => {
    const word = fc.stringMatching(/^[a-zA-Zë ]{0,12}$/);
    fc.assert(
      fc.property(
        word,
        word,
        word,
        fc.constantFrom('bold' as const, 'italic' as const, 'list' as const),
        (before, selected, after, format) => {
          const text = `${before}${selected}${after}`;
          const once = applyFormat(format, text, before.length, before.length + selected.length);
          // The selection still covers the same words.
          if (format !== 'list') expect(once.text.slice(once.selectionStart, once.selectionEnd)).toBe(selected);
          const twice = applyFormat(format, once.text, once.selectionStart, once.selectionEnd);
          expect(twice.text).toBe(text);
        },
      ),
    );
  });
});
