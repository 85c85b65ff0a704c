import { describe, expect, it } from 'vitest';
import { declaresDoctype, parseRefiXml, parseXmlTree } from '../../../electron/backend/exchange/xml-read.ts';

const bytes = (s: string) => new TextEncoder().encode(s);

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<Project xmlns="urn:QDA-XML:project:1.0" name="&lol9;"><Description>&lol9;</Description></Project>`;

const EXTERNAL_ENTITY = `<?xml version="1.0" encoding="UTF-8"?>
<!-- exported -->
<!DOCTYPE Project [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
<Project xmlns="urn:QDA-XML:project:1.0" name="x"><Description>&secret;</Description></Project>`;

describe('parseRefiXml', () => {
  it('matches local names whatever the prefix, decodes entities and keeps CDATA as written', () => {
    const root = parseRefiXml(
      bytes('\ufeff<?xml version="1.0"?>\n<qda:Project xmlns:qda="urn:QDA-XML:project:1:0" name="A &amp; B"><qda:Description>x &lt; y &#x1F600; <![CDATA[a &amp; <b>]]></qda:Description></qda:Project>'),
      'project.qde',
      'Project',
    );
    expect(root.name).toBe('Project');
    expect(root.attrs['name']).toBe('A & B');
    expect(root.children[0]).toMatchObject({ name: 'Description', text: 'x < y 😀 a &amp; <b>' });
  });

  it('accepts every urn:QDA-XML version and no namespace, and refuses other roots and namespaces', () => {
    for (const ns of ['urn:QDA-XML:project:1.0', 'urn:QDA-XML:project:0:10', 'urn:QDA-XML:project:1:0']) {
      expect(parseRefiXml(bytes(`<Project xmlns="${ns}" name="p"/>`), 'p.qde', 'Project').attrs['name']).toBe('p');
    }
    expect(parseRefiXml(bytes('<CodeBook><Codes/></CodeBook>'), 'c.qdc', 'CodeBook').name).toBe('CodeBook');
    expect(parseRefiXml(bytes('<CodeBook xmlns="urn:QDA-XML:codebook:0:4"/>'), 'c.qdc', 'CodeBook').name).toBe('CodeBook');
    expect(() => parseRefiXml(bytes('<Project xmlns="urn:other" name="p"/>'), 'p.qde', 'Project')).toThrow(
      'p.qde is not a REFI-QDA project file: its namespace is urn:other, not urn:QDA-XML:project:1.0',
    );
    expect(() => parseRefiXml(bytes('<CodeBook xmlns="urn:QDA-XML:project:1.0"/>'), 'c.qdc', 'CodeBook')).toThrow(/not a REFI-QDA codebook file: its namespace/);
    expect(() => parseRefiXml(bytes('<html/>'), 'p.qde', 'Project')).toThrow('p.qde is not a REFI-QDA project file: its root element is <html>, not <Project>');
  });

  it('says where malformed XML breaks', () => {
    expect(() => parseRefiXml(bytes('<Project name="p">\n  <Users>\n</Project>'), 'project.qde', 'Project')).toThrow(
      /^project\.qde is not well-formed XML \(line 3, column \d+: Expected closing tag 'Users'/,
    );
    expect(() => parseRefiXml(new Uint8Array([0x3c, 0x50, 0xff, 0xfe, 0x3e]), 'project.qde', 'Project')).toThrow('project.qde is not UTF-8 text, as REFI-QDA XML must be');
  });

  it('refuses a billion-laughs DOCTYPE at once', () => {
    const started = process.hrtime.bigint();
    expect(() => parseRefiXml(bytes(BILLION_LAUGHS), 'project.qde', 'Project')).toThrow(/project\.qde was refused: it declares a DOCTYPE/);
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(5000);
  });

  it('refuses an external entity, even after a comment, and never reads the file', () => {
    expect(declaresDoctype(EXTERNAL_ENTITY)).toBe(true);
    expect(() => parseRefiXml(bytes(EXTERNAL_ENTITY), 'project.qde', 'Project')).toThrow(/was refused: it declares a DOCTYPE/);
    expect(declaresDoctype('<Project><Description>&lt;!DOCTYPE x&gt;</Description></Project>')).toBe(false);
    expect(declaresDoctype('<Project><![CDATA[<!DOCTYPE x>]]></Project>')).toBe(false);
  });

  it('expands nothing even if a DOCTYPE reached the parser', () => {
    const laughs = parseXmlTree(BILLION_LAUGHS, 'project.qde').root;
    expect(laughs.attrs['name']).toBe('&lol9;');
    expect(laughs.children[0]!.text).toBe('&lol9;');
    // fast-xml-parser refuses external entities itself: a second wall behind the DOCTYPE check.
    expect(() => parseXmlTree(EXTERNAL_ENTITY, 'project.qde')).toThrow(/External entities are not supported/);
  });
});
