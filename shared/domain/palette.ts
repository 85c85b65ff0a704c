/** Code colours: distinct at a glance, readable as a light highlight behind dark text. */
export const CODE_PALETTE = [
  '#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948',
  '#b07aa1', '#ff9da7', '#9c755f', '#3b8bc2', '#d4a017', '#6b8e23',
] as const;

export const paletteColor = (index: number): string => CODE_PALETTE[((index % CODE_PALETTE.length) + CODE_PALETTE.length) % CODE_PALETTE.length]!;

/** rgba() of a #RRGGBB colour, for translucent highlights. */
export function withAlpha(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

/** rgb() of a #RRGGBB colour with each channel scaled by `factor` (below 1: darker); other strings come back as they are. */
export function shade(hex: string, factor: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  if (Number.isNaN(n)) return hex;
  const channel = (shift: number) => Math.round(((n >> shift) & 255) * factor);
  return `rgb(${channel(16)}, ${channel(8)}, ${channel(0)})`;
}
