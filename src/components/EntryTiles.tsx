import { Button, Text, View } from '@tarojs/components';

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
          <Text className='tile__label'>{tile.label}</Text>
          <Text className='tile__hint'>{tile.hint}</Text>
        </Button>
      ))}
    </View>
  );
}
