/**
 * The EU emblem and the funding statement the PNRR publicity rules ask of every public
 * communication. The emblem is drawn from its official geometric description: a blue
 * rectangle of 3:2, twelve gold five-pointed stars upright on an invisible circle whose
 * radius is a third of the height, each star's points on a circle of a ninth of the
 * height across, placed like the hours of a clock. Blue is Reflex Blue (#039), gold #FC0.
 */
import { FUNDING_STATEMENT } from "./attuazione";

const HEIGHT = 540;
const WIDTH = (HEIGHT * 3) / 2;
const RING = HEIGHT / 3;
const STAR = HEIGHT / 18;
/** Inner to outer radius of a regular five-pointed star (a pentagram's outline). */
const INNER = Math.cos((72 * Math.PI) / 180) / Math.cos((36 * Math.PI) / 180);
/** On a dark background the emblem keeps a white border of 1/25 of its height. */
const BORDER = Math.round(HEIGHT / 25);

const round = (n: number) => Math.round(n * 100) / 100;

/** The ten corners of an upright star centred on (cx, cy), as an SVG points list. */
function starPoints(cx: number, cy: number): string {
  return Array.from({ length: 10 }, (_, k) => {
    const angle = ((-90 + k * 36) * Math.PI) / 180;
    const r = k % 2 === 0 ? STAR : STAR * INNER;
    return `${round(cx + r * Math.cos(angle))},${round(cy + r * Math.sin(angle))}`;
  }).join(" ");
}

const STARS = Array.from({ length: 12 }, (_, hour) => {
  const angle = ((-90 + hour * 30) * Math.PI) / 180;
  return starPoints(WIDTH / 2 + RING * Math.cos(angle), HEIGHT / 2 + RING * Math.sin(angle));
});

export function EuEmblem({ className = "" }: { className?: string }) {
  return (
    <svg
      className={`eu-emblem ${className}`.trim()}
      viewBox={`${-BORDER} ${-BORDER} ${WIDTH + 2 * BORDER} ${HEIGHT + 2 * BORDER}`}
      role="img"
      aria-label="Emblema dell'Unione europea"
    >
      <title>Emblema dell'Unione europea</title>
      <rect
        x={-BORDER}
        y={-BORDER}
        width={WIDTH + 2 * BORDER}
        height={HEIGHT + 2 * BORDER}
        fill="#fff"
      />
      <rect x={0} y={0} width={WIDTH} height={HEIGHT} fill="#039" />
      {STARS.map((points) => (
        <polygon key={points} fill="#FC0" points={points} />
      ))}
    </svg>
  );
}

/** The emblem with "Finanziato dall'Unione europea – NextGenerationEU" beside it. */
export function EuFunding() {
  return (
    <div className="eu-funding">
      <EuEmblem />
      <p className="eu-funding-text">{FUNDING_STATEMENT}</p>
    </div>
  );
}
