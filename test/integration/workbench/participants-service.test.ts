import { afterEach, describe, expect, it } from 'vitest';
import { openBench, type Bench } from './workbench-helpers.ts';

/**
 * Participants and their attributes as the Participants panel edits them on the demo project
 * (PA Helena Varga, PB Tomás Reyes, PC Mireille Okafor; one attribute, "role", a category).
 */

let b: Bench;
afterEach(() => b?.cleanup());

const lastAudit = () => {
  const entry = b.audit().at(-1)!;
  return { ...entry, detail: JSON.parse(entry.detail) as unknown };
};
const participant = async (label: string) => {
  const p = (await b.ok('participants.list', {})).find((x) => x.label === label);
  if (!p) throw new Error(`no participant ${label}`);
  return p;
};

describe('adding and renaming participants', () => {
  it('a second participant with a label already in use is refused as a conflict naming the label', async () => {
    b = await openBench();
    const before = await b.ok('participants.list', {});
    const err = await b.fails('participants.create', { label: 'pb', name: 'Someone else' });
    expect(err).toMatchObject({ code: 'conflict', field: 'label' });
    expect(err.message).toContain('A participant labelled pb already exists');
    expect(await b.ok('participants.list', {})).toEqual(before);
  });

  it('renaming a participant to the label of another is refused with a message naming that label, and changes nothing', async () => {
    b = await openBench();
    const pa = await participant('PA');
    const before = b.snapshot();
    const err = await b.fails('participants.update', { id: pa.id, label: 'PB' });
    expect(err).toEqual({ code: 'conflict', message: 'A participant labelled PB already exists', field: 'label' });
    expect(b.snapshot()).toEqual(before);
  });

  it('a participant keeps its own label (even in other capitals) while its name changes', async () => {
    b = await openBench();
    const pa = await participant('PA');
    const same = await b.ok('participants.update', { id: pa.id, label: 'PA', name: 'Helena V.' });
    expect(same).toMatchObject({ id: pa.id, label: 'PA', name: 'Helena V.', description: pa.description });
    const lower = await b.ok('participants.update', { id: pa.id, label: 'pa' });
    expect(lower).toMatchObject({ id: pa.id, label: 'pa', name: 'Helena V.' });
  });

  it('changing only the description keeps the label and name, and the history records the values before', async () => {
    b = await openBench();
    const pb = await participant('PB');
    const after = await b.ok('participants.update', { id: pb.id, description: 'Coordinates CPD in nursing.' });
    expect(after).toMatchObject({ id: pb.id, label: 'PB', name: 'Tomás Reyes', description: 'Coordinates CPD in nursing.' });
    expect(lastAudit()).toEqual({
      action: 'update',
      entity: 'participant',
      entityId: pb.id,
      detail: { before: { label: 'PB', name: 'Tomás Reyes' }, after: { id: pb.id, description: 'Coordinates CPD in nursing.' } },
    });
  });

  it('updating a participant that does not exist is refused naming it', async () => {
    b = await openBench();
    const err = await b.fails('participants.update', { id: 999, name: 'Ghost' });
    expect(err).toMatchObject({ code: 'not_found', message: 'Participant 999 does not exist', field: 'id' });
  });
});

describe('defining attributes', () => {
  it('a new attribute is added once and recorded in the history once; defining it again returns the same one', async () => {
    b = await openBench();
    const auditBefore = b.audit().length;
    const age = await b.ok('attributes.define', { name: 'Age', type: 'number' });
    expect(age).toMatchObject({ name: 'Age', type: 'number' });
    expect(b.audit().length).toBe(auditBefore + 1);
    expect(lastAudit()).toEqual({ action: 'create', entity: 'attribute', entityId: age.id, detail: { name: 'Age', type: 'number' } });

    const again = await b.ok('attributes.define', { name: 'Age', type: 'number' });
    expect(again).toEqual(age);
    expect(b.audit().length).toBe(auditBefore + 1);
    expect((await b.ok('attributes.list', {})).map((a) => a.name)).toEqual(['role', 'Age']);
  });

  it('defining an existing attribute in other capitals returns it rather than adding a second', async () => {
    b = await openBench();
    const auditBefore = b.audit().length;
    const role = await b.ok('attributes.define', { name: 'ROLE', type: 'category' });
    expect(role).toMatchObject({ name: 'role', type: 'category' });
    expect(b.audit().length).toBe(auditBefore);
    expect(await b.ok('attributes.list', {})).toHaveLength(1);
  });

  it('defining an existing attribute with another type is refused, naming its name and current type', async () => {
    b = await openBench();
    const before = b.snapshot();
    const err = await b.fails('attributes.define', { name: 'Role', type: 'number' });
    expect(err).toEqual({ code: 'conflict', message: 'Attribute role already exists with type category', field: 'type' });
    expect(b.snapshot()).toEqual(before);
  });
});

describe('setting attribute values', () => {
  it('sets the value of the chosen attribute (not another one) and records which attribute got which value', async () => {
    b = await openBench();
    const pc = await participant('PC');
    const years = await b.ok('attributes.define', { name: 'Years in post', type: 'number' });
    const after = await b.ok('participants.setAttribute', { participantId: pc.id, attributeId: years.id, value: '12' });
    expect(after.attributes).toEqual({ role: 'Design team leader', 'Years in post': 12 });
    expect(lastAudit()).toEqual({
      action: 'set-attribute',
      entity: 'participant',
      entityId: pc.id,
      detail: { attribute: 'Years in post', value: '12' },
    });
    const asNumber = await b.ok('participants.setAttribute', { participantId: pc.id, attributeId: years.id, value: 7 });
    expect(asNumber.attributes['Years in post']).toBe(7);
  });

  it('a null value or an empty one clears the attribute instead of storing text', async () => {
    b = await openBench();
    const pa = await participant('PA');
    const cleared = await b.ok('participants.setAttribute', { participantId: pa.id, attributeId: 1, value: null });
    expect(cleared.attributes).toEqual({});
    const pb = await participant('PB');
    const blank = await b.ok('participants.setAttribute', { participantId: pb.id, attributeId: 1, value: '   ' });
    expect(blank.attributes).toEqual({});
    expect(lastAudit().detail).toEqual({ attribute: 'role', value: null });
  });

  it('a number attribute refuses text that is not a number, naming the attribute and the value', async () => {
    b = await openBench();
    const pa = await participant('PA');
    const years = await b.ok('attributes.define', { name: 'Years in post', type: 'number' });
    const before = b.snapshot();
    const err = await b.fails('participants.setAttribute', { participantId: pa.id, attributeId: years.id, value: 'about ten' });
    expect(err).toEqual({ code: 'invalid_input', message: 'Years in post is a number attribute; "about ten" is not a number', field: 'value' });
    expect(b.snapshot()).toEqual(before);
    // A number attribute can still be cleared.
    await b.ok('participants.setAttribute', { participantId: pa.id, attributeId: years.id, value: '3.5' });
    expect((await b.ok('participants.setAttribute', { participantId: pa.id, attributeId: years.id, value: null })).attributes).toEqual({
      role: 'Subject-matter expert',
    });
  });

  it('a date attribute takes YYYY-MM-DD, can be cleared, and refuses any other way of writing a date', async () => {
    b = await openBench();
    const pb = await participant('PB');
    const interviewed = await b.ok('attributes.define', { name: 'Interviewed on', type: 'date' });
    const set = await b.ok('participants.setAttribute', { participantId: pb.id, attributeId: interviewed.id, value: '2026-03-05' });
    expect(set.attributes['Interviewed on']).toBe('2026-03-05');
    const cleared = await b.ok('participants.setAttribute', { participantId: pb.id, attributeId: interviewed.id, value: null });
    expect(cleared.attributes).toEqual({ role: 'Subject-matter expert' });

    const before = b.snapshot();
    for (const value of ['5 March 2026', 'on 2026-03-05', '2026-03-05 morning', '26-03-05', '2026-3-05', '2026-03-5', 'abcd-ef-gh', '20260305']) {
      const err = await b.fails('participants.setAttribute', { participantId: pb.id, attributeId: interviewed.id, value });
      expect(err, value).toEqual({
        code: 'invalid_input',
        message: `Interviewed on is a date attribute; write dates as YYYY-MM-DD, not "${value}"`,
        field: 'value',
      });
    }
    expect(b.snapshot()).toEqual(before);
  });

  it('a date attribute refuses a day that is not in the calendar, and takes 29 February in a leap year', async () => {
    b = await openBench();
    const pb = await participant('PB');
    const interviewed = await b.ok('attributes.define', { name: 'Interviewed on', type: 'date' });
    const before = b.snapshot();
    for (const value of ['2026-13-45', '2026-02-30', '2025-02-29', '2026-04-31', '2026-00-10']) {
      expect(await b.fails('participants.setAttribute', { participantId: pb.id, attributeId: interviewed.id, value }), value).toEqual({
        code: 'invalid_input',
        message: `Interviewed on is a date attribute; ${value} is not a day of the calendar`,
        field: 'value',
      });
    }
    expect(b.snapshot()).toEqual(before);
    const leap = await b.ok('participants.setAttribute', { participantId: pb.id, attributeId: interviewed.id, value: '2024-02-29' });
    expect(leap.attributes['Interviewed on']).toBe('2024-02-29');
  });

  it('a text attribute takes any text, also text that looks like neither a number nor a date', async () => {
    b = await openBench();
    const pc = await participant('PC');
    const faculty = await b.ok('attributes.define', { name: 'Faculty', type: 'text' });
    const after = await b.ok('participants.setAttribute', { participantId: pc.id, attributeId: faculty.id, value: 'Centre for Digital Education' });
    expect(after.attributes.Faculty).toBe('Centre for Digital Education');
  });

  it('setting a value on a missing participant or attribute is refused, naming which one and the field', async () => {
    b = await openBench();
    const pa = await participant('PA');
    expect(await b.fails('participants.setAttribute', { participantId: 999, attributeId: 1, value: 'x' })).toEqual({
      code: 'not_found',
      message: 'Participant 999 does not exist',
      field: 'participantId',
    });
    expect(await b.fails('participants.setAttribute', { participantId: pa.id, attributeId: 77, value: 'x' })).toEqual({
      code: 'not_found',
      message: 'Attribute 77 does not exist',
      field: 'attributeId',
    });
  });
});
