/**
 * Colours that tell coders apart in the margin, chosen to sit apart from one another at a
 * glance. A coder's colour follows from their id in the project, so it is the same in every
 * source and does not change when other coders are hidden (nine or more coders share colours;
 * the tooltip and the stripe's label name the coder).
 */
export const CODER_PALETTE = ['#1b6ca8', '#c2410c', '#15803d', '#7e22ce', '#b91c1c', '#0f766e', '#a16207', '#be185d'] as const;

export const coderColor = (coderId: number): string => CODER_PALETTE[(((coderId - 1) % CODER_PALETTE.length) + CODER_PALETTE.length) % CODER_PALETTE.length]!;
