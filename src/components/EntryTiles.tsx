import { PlainBox } from './PlainBox';
import { PlainText } from './PlainText';
import { TapButton } from './TapButton';

interface Tile {
  label: string;
  hint: string;
  onClick: () => void;
}

/** The home page's big entries, two to a row; each tile is one tap target. */
export function EntryTiles({ tiles }: { tiles: readonly Tile[] }) {
  return (
    <PlainBox className='tiles'>
      {tiles.map((tile) => (
        <TapButton key={tile.label} className='tile' pressedClass='tile--pressed' onClick={tile.onClick}>
          <PlainText className='tile__label'>{tile.label}</PlainText>
          <PlainText className='tile__hint'>{tile.hint}</PlainText>
        </TapButton>
      ))}
    </PlainBox>
  );
}
