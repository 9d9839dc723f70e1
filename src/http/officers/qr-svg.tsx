// A QR code drawn as inline SVG on the server (the `qrcode` library's matrix, one path of dark modules): no script,
// no image request, crisp at any size.
import { create } from 'qrcode';

/** The quiet zone around the symbol, in modules (the standard's four). */
const QUIET = 4;

export function QrSvg(props: { text: string; label: string }) {
  const { modules } = create(props.text, { errorCorrectionLevel: 'M' });
  const side = modules.size + 2 * QUIET;
  let d = '';
  for (let row = 0; row < modules.size; row++)
    for (let col = 0; col < modules.size; col++)
      if (modules.get(row, col)) d += `M${col + QUIET} ${row + QUIET}h1v1h-1z`;
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${side} ${side}`}
      role="img"
      aria-label={props.label}
      shape-rendering="crispEdges"
      style="display:block;width:100%;max-width:240px;height:auto;background:#fff"
    >
      <path d={d} fill="#000" />
    </svg>
  );
}
