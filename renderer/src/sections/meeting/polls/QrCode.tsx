import type { Poll } from './usePolls';

/** The QR code the core made for the poll's address, drawn as one SVG path (crisp at any size). */
export function QrCode({ qr, label }: { qr: NonNullable<Poll['address']>['qr']; label: string }) {
  return (
    <svg className="qr-code" viewBox={`0 0 ${qr.size} ${qr.size}`} role="img" aria-label={label} shapeRendering="crispEdges">
      <rect width={qr.size} height={qr.size} fill="#fff" />
      <path d={qr.path} fill="#000" />
    </svg>
  );
}
