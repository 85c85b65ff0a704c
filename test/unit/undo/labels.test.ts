import { describe, expect, it } from 'vitest';
import { defaultLabel, q } from '../../../electron/backend/undo/labels.ts';

describe('undo labels', () => {
  it('names an operation from its method when the service names nothing better', () => {
    expect(defaultLabel('codes.recolor')).toBe('Recolor code');
    expect(defaultLabel('participants.update')).toBe('Update participant');
    expect(defaultLabel('participants.setAttribute')).toBe('Set attribute (participant)');
    expect(defaultLabel('imports.run')).toBe('Run imports');
  });

  it('quotes names as the UI shows them and shortens long ones', () => {
    expect(q('Flexibility')).toBe('‘Flexibility’');
    const long = q('x'.repeat(100));
    expect(long).toHaveLength(60);
    expect(long.endsWith('…’')).toBe(true);
  });
});
