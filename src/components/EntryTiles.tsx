import { Button, View } from '@tarojs/components';
import { PlainText } from './PlainText';

interface Tile {
  label: string;
  hint: string;
  onClick: () => void;
}

/** The home page's big entries, two to a row; each tile is one tap target. */
export function EntryTiles({ tiles }: { tiles: readonly Tile[] }) {
  return (
    <View className='tiles'>
      {tiles.map((tile) => (
        <Button key={tile.label} className='tile' hoverClass='tile--pressed' onClick={tile.onClick}>
          <PlainText className='tile__label'>{tile.label}</PlainText>
          <PlainText className='tile__hint'>{tile.hint}</PlainText>
        </Button>
      ))}
    </View>
  );
}
