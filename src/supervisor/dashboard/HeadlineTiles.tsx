import { callsBehind, type Figures, type Headline, type HeadlineTile } from '../../analytics';
import { t } from '../../i18n';
import { headlineDelta, headlineValue } from './headlineText';

type Props = {
  tiles: HeadlineTile[];
  figures: Figures;
  /** Opens the calls list filtered to the calls behind a figure. */
  onOpen: (key: Headline) => void;
};

function ChangeLine({ tile }: { tile: HeadlineTile }) {
  const c = t.supervisor.dashboard.change;
  const { direction, delta, good } = tile.change;
  const words =
    direction === null || delta === null
      ? c.unknown
      : direction === 'same'
        ? c.same
        : c[direction](headlineDelta(tile.key, delta));
  const judged = good === null ? 'none' : good ? 'good' : 'bad';
  return (
    <p className={`tile__change tile__change--${judged}`}>
      {words}
      {good !== null && <strong>{good ? ` — ${c.good}` : ` — ${c.bad}`}</strong>}
    </p>
  );
}

/** The period's headline figures, each against the period of the same length before, each opening its calls. */
export function HeadlineTiles({ tiles, figures, onOpen }: Props) {
  const text = t.supervisor.dashboard;
  return (
    <ul className="tiles">
      {tiles.map((tile) => {
        const n = callsBehind(tile.key, figures);
        return (
          <li key={tile.key} className="tile">
            <h3 className="tile__title">{text.tiles[tile.key]}</h3>
            <p className="tile__value" data-figure={tile.key}>
              {headlineValue(tile.key, tile.value)}
            </p>
            <ChangeLine tile={tile} />
            <p className="tile__previous">{text.change.previous(headlineValue(tile.key, tile.previous))}</p>
            <button
              type="button"
              className="secondary tile__open"
              disabled={n === 0}
              onClick={() => onOpen(tile.key)}
            >
              {text.tileOpens(t.supervisor.filters.behindChoices[tile.key], n)}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
