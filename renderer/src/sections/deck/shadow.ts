import revealCss from 'reveal.js/reveal.css?inline';

// Slides are shown inside a shadow root with reveal's CSS and the deck's own theme, exactly as in the exported
// file: the app's styles (tables, headings, box sizing) stay out of the slides, and the theme stays out of the app.

export interface SlideSize {
  width: number;
  height: number;
}

/** The slide size from deck.presentation's reveal settings. */
export function slideSize(config: Record<string, unknown>): SlideSize {
  return { width: Number(config.width) || 1280, height: Number(config.height) || 720 };
}

// A single slide outside a running reveal: drawn at full size, then scaled to its frame.
const FRAME_CSS = `
.reveal.frame { position: absolute; top: 0; left: 0; transform-origin: 0 0; width: auto; height: auto; overflow: visible; }
.reveal.frame > section { display: block; }
`;

/**
 * Gives `host` (once) a shadow root, fills it with the stylesheets and an empty .reveal element, and returns that.
 * The host's own children (the meeting's poll over the slides) are shown through a slot after the slides.
 */
export function revealInShadow(host: HTMLElement, themeCss: string): HTMLElement {
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = `${revealCss}\n${themeCss}\n${FRAME_CSS}`;
  const reveal = document.createElement('div');
  reveal.className = 'reveal';
  root.replaceChildren(style, reveal, document.createElement('slot'));
  return reveal;
}

/** The sections of deck.presentation's sectionsHtml, parsed (not run) to take them apart. */
export function splitSections(sectionsHtml: string): HTMLElement[] {
  const template = document.createElement('template');
  template.innerHTML = sectionsHtml;
  return [...template.content.children].filter((element): element is HTMLElement => element instanceof HTMLElement);
}
