import { describe, expect, it } from 'vitest';
import { showChange, showDetail } from '../../../renderer/src/features/anonymize/audit-detail.ts';

describe('an audit entry as the trail viewer shows it', () => {
  it('puts what was before and after a change in their own columns, the rest as details', () => {
    expect(showDetail('{"before":"Why","after":"Motives"}')).toEqual({ before: 'Why', after: 'Motives', facts: '' });
    expect(showDetail('{"before":{"start":3,"end":9},"after":{"start":3,"end":14}}')).toEqual({ before: 'start: 3, end: 9', after: 'start: 3, end: 14', facts: '' });
    expect(showDetail('{"from":4,"to":7,"reason":"merge"}')).toEqual({ before: '4', after: '7', facts: 'reason: merge' });
  });

  it('shows other details as short key: value pairs, nested two levels deep, a seal without its manifest', () => {
    expect(showDetail('{"name":"Trust","parentId":null,"origin":"inductive"}').facts).toBe('name: Trust, parentId: —, origin: inductive');
    expect(showDetail('{"replaced":{"term":20,"candidate":2},"copy":{"sources":6,"memos":{"a":1}}}').facts).toBe('replaced: {term: 20, candidate: 2}, copy: {sources: 6, memos: {…}}');
    expect(showDetail('{"reason":"pseudonymized copy","manifest":{"sources":[1,2,3]}}').facts).toBe('reason: pseudonymized copy');
    expect(showDetail('{"title":""}').facts).toBe('title: “”');
  });

  it('keeps a detail that is not JSON as written, cut to a line', () => {
    expect(showDetail('legacy text')).toEqual({ before: null, after: null, facts: 'legacy text' });
    const long = showDetail(`{"text":"${'x'.repeat(400)}"}`).facts;
    expect(long).toHaveLength(160);
    expect(long.endsWith('…')).toBe(true);
  });

  it('names the change and what it was made to', () => {
    expect(showChange('update', 'framework_element', 4)).toBe('update framework element 4');
    expect(showChange('seal', 'project', null)).toBe('seal project');
  });
});
