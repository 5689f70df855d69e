/**
 * tldraw's light palette (tldraw/editor defaultThemes), so a printed canvas
 * keeps the colours people saw on the board without loading tldraw.
 */
const PALETTE: Record<string, { solid: string; semi: string; note: string }> = {
  black: { solid: '#1d1d1d', semi: '#e8e8e8', note: '#FCE19C' },
  blue: { solid: '#4465e9', semi: '#dce1f8', note: '#8AA3FF' },
  green: { solid: '#099268', semi: '#d3e9e3', note: '#6FC896' },
  grey: { solid: '#9fa8b2', semi: '#eceef0', note: '#C0CAD3' },
  'light-blue': { solid: '#4ba1f1', semi: '#ddedfa', note: '#9BC4FD' },
  'light-green': { solid: '#4cb05e', semi: '#dbf0e0', note: '#98D08A' },
  'light-red': { solid: '#f87777', semi: '#f4dadb', note: '#F7A5A1' },
  'light-violet': { solid: '#e085f4', semi: '#f5eafa', note: '#DFB0F9' },
  orange: { solid: '#e16919', semi: '#f8e2d4', note: '#FAA475' },
  red: { solid: '#e03131', semi: '#f4dadb', note: '#FC8282' },
  violet: { solid: '#ae3ec9', semi: '#ecdcf2', note: '#DB91FD' },
  yellow: { solid: '#f1ac4b', semi: '#f9f0e6', note: '#FED49A' },
  white: { solid: '#FFFFFF', semi: '#f5f5f5', note: '#FFFFFF' },
};

export function paletteOf(color: string): { solid: string; semi: string; note: string } {
  return PALETTE[color] ?? PALETTE.black!;
}
