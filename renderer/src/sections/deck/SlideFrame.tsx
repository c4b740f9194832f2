import { useLayoutEffect, useRef } from 'react';
import { fitSlides } from '../../../../slides/fit';
import { revealInShadow, type SlideSize } from './shadow';

interface Props {
  /** The deck's theme CSS. */
  css: string;
  /** One slide's <section>. */
  html: string;
  size: SlideSize;
  label: string;
}

/** One slide, drawn as in the presentation and scaled down to the width of its frame. */
export function SlideFrame({ css, html, size, label }: Props) {
  const host = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const frame = host.current!;
    const reveal = revealInShadow(frame, css);
    reveal.classList.add('frame');
    reveal.innerHTML = html;
    // Fitted at full size (the measurement is in unscaled pixels), then scaled.
    fitSlides(reveal);
    const scale = () => {
      reveal.style.transform = `scale(${frame.clientWidth / size.width})`;
    };
    scale();
    const observer = new ResizeObserver(scale);
    observer.observe(frame);
    return () => observer.disconnect();
  }, [css, html, size.width]);
  return <div ref={host} className="slide-frame" style={{ aspectRatio: `${size.width} / ${size.height}` }} role="img" aria-label={label} />;
}
