import { strToU8, zipSync, type Zippable } from 'fflate';

/**
 * Hand-written REFI-QDA projects as other tools write them (per the quirks gathered from real
 * exports: folder case, .qde name, namespaces, BOM and line endings, what positions count,
 * where variables and memos sit). Built here by hand, never by our exporter, so an import
 * test checks our reader against their habits rather than against itself.
 */

/** A GUID with a number in it; `upper` and `braces` as MAXQDA, ATLAS.ti and the standard's annex write them. */
export function guid(n: number, style: { upper?: boolean; braces?: boolean } = {}): string {
  const g = `0000${n.toString(16).padStart(4, '0')}-aaaa-4bbb-8ccc-${n.toString(16).padStart(12, '0')}`;
  const cased = style.upper ? g.toUpperCase() : g;
  return style.braces ? `{${cased}}` : cased;
}

/** UTF-16 units (NVivo) or code points (the standard) of `part` within `text`, end-exclusive. */
export function span(text: string, part: string, unit: 'utf16' | 'codepoint', from = 0): { start: number; end: number } {
  const at = text.indexOf(part, from);
  if (at < 0) throw new Error(`fixture: "${part}" is not in the text`);
  if (unit === 'utf16') return { start: at, end: at + part.length };
  const start = Array.from(text.slice(0, at)).length;
  return { start, end: start + Array.from(part).length };
}

export type ArchiveEntry = { name: string; data: string | Uint8Array; stored?: boolean };

/** A .qdpx: deflated entries unless `stored` (NVivo for Mac stores everything). */
export function qdpx(entries: readonly ArchiveEntry[]): Uint8Array {
  const files: Zippable = {};
  for (const e of entries) {
    const bytes = typeof e.data === 'string' ? strToU8(e.data) : e.data;
    files[e.name] = [bytes, { level: e.stored ? 0 : 6 }];
  }
  return zipSync(files);
}

export const BOM = '\ufeff';

// ---- NVivo 12 for Windows: Sources/, BOM + CRLF texts, UTF-16 offsets, one selection per coding,
// categories not codable, a file classification as an unnamed case, a memo linked to a selection.
export const NVIVO_WIN_TEXT = 'Interviewer: Why micro-credentials? 😀\r\nSam: They add value 🎓 for employers.\r\nSam: Ownership is unclear.\r\n';

export function nvivoWindows(): Uint8Array {
  const value = span(NVIVO_WIN_TEXT, 'add value', 'utf16');
  const owner = span(NVIVO_WIN_TEXT, 'Ownership is unclear', 'utf16');
  const sel = (n: number, s: { start: number; end: number }, code: number) =>
    `<PlainTextSelection guid="${guid(n)}" name="Interview Sam" startPosition="${s.start}" endPosition="${s.end}" creatingUser="${guid(1)}" creationDateTime="2020-01-15T10:00:00Z"><Coding guid="${guid(n + 100)}" creatingUser="${guid(1)}" creationDateTime="2020-01-15T10:05:00Z"><CodeRef targetGUID="${guid(code)}"/></Coding></PlainTextSelection>`;
  const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns:xsd="http://www.w3.org/2001/XMLSchema" name="Micro" origin="NVivo 12 for Windows" creatingUserGUID="${guid(1)}" creationDateTime="2020-01-15T09:00:00Z" xmlns="urn:QDA-XML:project:1.0">
  <Users><User guid="${guid(1)}" name="Sam Fisher" id="SF"/></Users>
  <CodeBook><Codes>
    <Code guid="${guid(10)}" name="Benefits" isCodable="false" color="#FF0000"><Description>Why people do it</Description>
      <Code guid="${guid(11)}" name="Value" isCodable="true"/>
    </Code>
    <Code guid="${guid(12)}" name="IP" isCodable="true"><NoteRef targetGUID="${guid(41)}"/></Code>
  </Codes></CodeBook>
  <Variables><Variable guid="${guid(20)}" name="Role" typeOfVariable="Text"/><Variable guid="${guid(21)}" name="Interview date" typeOfVariable="Date"/></Variables>
  <Cases>
    <Case guid="${guid(30)}" name="Sam"><VariableValue><VariableRef targetGUID="${guid(20)}"/><TextValue>Lecturer</TextValue></VariableValue><SourceRef targetGUID="${guid(2)}"/></Case>
    <Case guid="${guid(31)}"><VariableValue><VariableRef targetGUID="${guid(21)}"/><DateValue>2020-01-10</DateValue></VariableValue><SourceRef targetGUID="${guid(2)}"/></Case>
  </Cases>
  <Sources>
    <TextSource guid="${guid(2)}" name="Interview Sam" richTextPath="internal://${guid(2)}.docx" plainTextPath="internal://${guid(2)}.txt" creatingUser="${guid(1)}" creationDateTime="2020-01-15T09:30:00Z">
      ${sel(50, value, 11)}
      ${sel(51, value, 10)}
      ${sel(52, value, 11)}
      ${sel(53, owner, 12)}
    </TextSource>
  </Sources>
  <Notes>
    <Note guid="${guid(40)}" name="Memo on value" plainTextPath="internal://${guid(40)}.txt" creatingUser="${guid(1)}" creationDateTime="2020-01-16T08:00:00Z"/>
    <Note guid="${guid(41)}" name="IP memo"><PlainTextContent>Check the policy.</PlainTextContent></Note>
  </Notes>
  <Links><Link guid="${guid(60)}" name="memo link" direction="OneWay" originGUID="${guid(40)}" targetGUID="${guid(50)}"/></Links>
</Project>`;
  return qdpx([
    { name: 'project.qde', data: qde },
    { name: `Sources/${guid(2)}.txt`, data: BOM + NVIVO_WIN_TEXT },
    { name: `Sources/${guid(2)}.docx`, data: 'PK-not-read' },
    { name: `Sources/${guid(40)}.txt`, data: `${BOM}Employers say so.\r\nTwice.` },
  ]);
}

// ---- NVivo for Mac: sources/ with an empty .root entry, everything stored, no BOM, LF; a text
// exported as a single line break with its content only in the .docx.
export const NVIVO_MAC_TEXT = 'Ana: Stackable 🧱 credentials help.\nAna: Costs worry us.\n';

export function nvivoMac(): Uint8Array {
  const stack = span(NVIVO_MAC_TEXT, 'credentials help', 'utf16');
  const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project name="Mac study" origin="NVivo 15.0 for Mac" xmlns="urn:QDA-XML:project:1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="urn:QDA-XML:project:1.0 http://schema.qdasoftware.org/versions/Project/v1.0/Project.xsd">
  <Users><User guid="${guid(1)}" name="Ana Lima" id="AL"/></Users>
  <CodeBook><Codes><Code guid="${guid(10)}" name="Stackability" isCodable="true" color="#00AA00"/></Codes></CodeBook>
  <Sources>
    <TextSource guid="${guid(2)}" name="Ana" plainTextPath="internal://${guid(2)}.txt"><PlainTextSelection guid="${guid(50)}" startPosition="${stack.start}" endPosition="${stack.end}"><Coding guid="${guid(51)}" creatingUser="${guid(1)}"><CodeRef targetGUID="${guid(10)}"/></Coding></PlainTextSelection></TextSource>
    <TextSource guid="${guid(3)}" name="Scanned letter" richTextPath="internal://${guid(3)}.docx" plainTextPath="internal://${guid(3)}.txt"><PlainTextSelection guid="${guid(52)}" startPosition="0" endPosition="40"><Coding guid="${guid(53)}"><CodeRef targetGUID="${guid(10)}"/></Coding></PlainTextSelection></TextSource>
  </Sources>
</Project>`;
  return qdpx([
    { name: 'project.qde', data: qde, stored: true },
    { name: 'sources/.root', data: '', stored: true },
    { name: `sources/${guid(2)}.txt`, data: NVIVO_MAC_TEXT, stored: true },
    { name: `sources/${guid(3)}.txt`, data: '\n', stored: true },
    { name: `sources/${guid(3)}.docx`, data: 'PK-not-read', stored: true },
  ]);
}

// ---- MAXQDA 24: uppercase GUIDs, LF and no BOM, code points, document variables on the source,
// comments as selection descriptions, codable parents.
export const MAXQDA_TEXT = 'Café ☕ first. Then 🎓 badges matter to us.\nLast line.';

export function maxqda(): Uint8Array {
  const G = (n: number) => guid(n, { upper: true });
  const badges = span(MAXQDA_TEXT, 'badges matter', 'codepoint');
  const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project name="MAXQDA project" origin="MAXQDA 24.7.0" xmlns="urn:QDA-XML:project:1.0">
  <Users><User guid="${G(1)}" name="Lee"/></Users>
  <CodeBook><Codes><Code guid="${G(10)}" name="Recognition" isCodable="true" color="#0000ff"><Code guid="${G(11)}" name="Badges" isCodable="true" color="#00f"/></Code></Codes></CodeBook>
  <Variables><Variable guid="${G(20)}" name="Age" typeOfVariable="Integer"/></Variables>
  <Sources>
    <TextSource guid="${G(2)}" name="Lee 2024" plainTextPath="internal://${G(2)}.txt" creatingUser="${G(1)}" creationDateTime="2024-03-01T12:00:00Z">
      <PlainTextSelection guid="${G(50)}" startPosition="${badges.start}" endPosition="${badges.end}" creatingUser="${G(1)}" creationDateTime="2024-03-02T12:00:00Z">
        <Description>Strong claim here.</Description>
        <Coding guid="${G(51)}" creatingUser="${G(1)}" creationDateTime="2024-03-02T12:00:00Z"><CodeRef targetGUID="${G(11)}"/></Coding>
      </PlainTextSelection>
      <VariableValue><VariableRef targetGUID="${G(20)}"/><IntegerValue>42</IntegerValue></VariableValue>
    </TextSource>
  </Sources>
</Project>`;
  return qdpx([
    { name: 'project.qde', data: qde },
    { name: `sources/${G(2)}.txt`, data: MAXQDA_TEXT },
  ]);
}

// ---- ATLAS.ti 26 (macOS): the .qde named after the project, CRLF text with positions counting a
// line break as one, code groups and document groups as sets, a PDF with its text, a network.
export const ATLAS_TEXT = 'Q: What is a badge?\r\nA: A badge 🏅 shows a skill.\r\nA: Employers check it.';

export function atlas(): Uint8Array {
  const lf = ATLAS_TEXT.replace(/\r\n/g, '\n');
  const shows = span(lf, 'shows a skill', 'codepoint');
  const check = span(lf, 'Employers check it', 'codepoint');
  const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project name="Trial" origin="ATLAS.ti 26.1.2 (macOS)" xmlns="urn:QDA-XML:project:1.0">
  <Users><User guid="${guid(1, { upper: true })}" name="Kim"/></Users>
  <CodeBook><Codes>
    <Code guid="${guid(10, { upper: true })}" name="Skills" isCodable="true" color="#AA3300"/>
    <Code guid="${guid(11, { upper: true })}" name="Employers" isCodable="true"/>
  </Codes></CodeBook>
  <Sources>
    <TextSource guid="${guid(2, { upper: true })}" name="Kim interview" plainTextPath="internal://${guid(2, { upper: true })}.txt">
      <PlainTextSelection guid="${guid(50, { upper: true })}" startPosition="${shows.start}" endPosition="${shows.end}"><Coding guid="${guid(51, { upper: true })}"><CodeRef targetGUID="${guid(10, { upper: true })}"/></Coding></PlainTextSelection>
      <PlainTextSelection guid="${guid(52, { upper: true })}" startPosition="${check.start}" endPosition="${check.end}"><Coding guid="${guid(53, { upper: true })}"><CodeRef targetGUID="${guid(11, { upper: true })}"/></Coding></PlainTextSelection>
    </TextSource>
    <PDFSource guid="${guid(3, { upper: true })}" name="Policy" path="internal://${guid(3, { upper: true })}.pdf">
      <PDFSelection guid="${guid(54, { upper: true })}" page="1" firstX="10" firstY="10" secondX="90" secondY="40"><Coding guid="${guid(55, { upper: true })}"><CodeRef targetGUID="${guid(10, { upper: true })}"/></Coding></PDFSelection>
      <Representation guid="${guid(4, { upper: true })}" plainTextPath="internal://${guid(4, { upper: true })}.txt"><PlainTextSelection guid="${guid(56, { upper: true })}" startPosition="0" endPosition="6"><Coding guid="${guid(57, { upper: true })}"><CodeRef targetGUID="${guid(11, { upper: true })}"/></Coding></PlainTextSelection></Representation>
    </PDFSource>
  </Sources>
  <Sets>
    <Set guid="${guid(70, { upper: true })}" name="Outcomes"><MemberCode targetGUID="${guid(10, { upper: true })}"/><MemberCode targetGUID="${guid(11, { upper: true })}"/></Set>
    <Set guid="${guid(71, { upper: true })}" name="Wave 1 documents"><MemberSource targetGUID="${guid(2, { upper: true })}"/></Set>
  </Sets>
  <Graphs><Graph guid="${guid(80, { upper: true })}" name="Network"><Vertex guid="${guid(81, { upper: true })}" representedGUID="${guid(10, { upper: true })}" firstX="0" firstY="0"/></Graph></Graphs>
</Project>`;
  return qdpx([
    { name: 'Trial.qde', data: qde },
    { name: `sources/${guid(2, { upper: true })}.txt`, data: ATLAS_TEXT },
    { name: `sources/${guid(3, { upper: true })}.pdf`, data: '%PDF-not-read' },
    { name: `sources/${guid(4, { upper: true })}.txt`, data: 'Policy text on badges.' },
  ]);
}

// ---- QualCoder 3.x: sources and notes as .txt with a BOM, a case holding selections, a picture
// with a coded region, an audio file whose transcript is coded between sync points.
export const QUALCODER_TEXT = 'Respondent R1 says the course was flexible.\nR1 also liked the badge.';
export const QUALCODER_TRANSCRIPT = 'R2: The audio says costs matter.';

export function qualcoder(): Uint8Array {
  const flexible = span(QUALCODER_TEXT, 'the course was flexible', 'codepoint');
  const badge = span(QUALCODER_TEXT, 'liked the badge', 'codepoint');
  const costs = span(QUALCODER_TRANSCRIPT, 'costs matter', 'codepoint');
  const qde = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="urn:QDA-XML:project:1:0 Project.xsd" name="QualCoder study" origin="QualCoder 3.5" creationDateTime="2023-05-05T10:00:00Z">
  <Users><User guid="${guid(1)}" name="default"/><User guid="${guid(5)}" name="coder two"/></Users>
  <CodeBook><Codes>
    <Code guid="${guid(10)}" name="Design" isCodable="false" color="#777777"><Code guid="${guid(11)}" name="Flexibility" isCodable="true" color="#12ab34"/></Code>
    <Code guid="${guid(12)}" name="Badges" isCodable="true" color="#abcdef"/>
    <Code guid="${guid(13)}" name="Costs" isCodable="true" color="#fedcba"/>
  </Codes></CodeBook>
  <Variables><Variable guid="${guid(20)}" name="Gender" typeOfVariable="Text"/></Variables>
  <Cases><Case guid="${guid(30)}" name="R1"><VariableValue><VariableRef targetGUID="${guid(20)}"/><TextValue>F</TextValue></VariableValue><SelectionRef targetGUID="${guid(50)}"/><SelectionRef targetGUID="${guid(52)}"/></Case></Cases>
  <Sources>
    <TextSource guid="${guid(2)}" name="survey answers" plainTextPath="internal://${guid(2)}.txt">
      <PlainTextSelection guid="${guid(50)}" startPosition="${flexible.start}" endPosition="${flexible.end}" creatingUser="${guid(1)}"><Coding guid="${guid(51)}" creatingUser="${guid(1)}" creationDateTime="2023-05-06T10:00:00Z"><CodeRef targetGUID="${guid(11)}"/><NoteRef targetGUID="${guid(40)}"/></Coding></PlainTextSelection>
      <PlainTextSelection guid="${guid(52)}" startPosition="${badge.start}" endPosition="${badge.end}" creatingUser="${guid(5)}"><Coding guid="${guid(53)}" creatingUser="${guid(5)}" creationDateTime="2023-05-07T10:00:00Z"><CodeRef targetGUID="${guid(12)}"/></Coding></PlainTextSelection>
    </TextSource>
    <PictureSource guid="${guid(3)}" name="Poster" path="internal://${guid(3)}.png"><PictureSelection guid="${guid(54)}" firstX="1" firstY="1" secondX="50" secondY="50"><Coding guid="${guid(55)}"><CodeRef targetGUID="${guid(12)}"/></Coding></PictureSelection></PictureSource>
    <AudioSource guid="${guid(6)}" name="Focus group" path="internal://${guid(6)}.m4a">
      <Transcript guid="${guid(7)}" plainTextPath="internal://${guid(7)}.txt">
        <SyncPoint guid="${guid(60)}" timeStamp="1000" position="${costs.start}"/><SyncPoint guid="${guid(61)}" timeStamp="2000" position="${costs.end}"/>
        <TranscriptSelection guid="${guid(62)}" fromSyncPoint="${guid(60)}" toSyncPoint="${guid(61)}"><Coding guid="${guid(63)}"><CodeRef targetGUID="${guid(13)}"/></Coding></TranscriptSelection>
      </Transcript>
      <AudioSelection guid="${guid(64)}" begin="0" end="500"><Coding guid="${guid(65)}"><CodeRef targetGUID="${guid(13)}"/></Coding></AudioSelection>
    </AudioSource>
  </Sources>
  <Notes><Note guid="${guid(40)}" name="Flexible?" plainTextPath="internal://${guid(40)}.txt" creatingUser="${guid(1)}"/></Notes>
</Project>`;
  return qdpx([
    { name: 'project.qde', data: qde },
    { name: `sources/${guid(2)}.txt`, data: BOM + QUALCODER_TEXT },
    { name: `sources/${guid(3)}.png`, data: new Uint8Array([0x89, 0x50, 0x4e, 0x47]) },
    { name: `sources/${guid(6)}.m4a`, data: new Uint8Array([0, 0, 0, 0x20]) },
    { name: `sources/${guid(7)}.txt`, data: BOM + QUALCODER_TRANSCRIPT },
    { name: `sources/${guid(40)}.txt`, data: `${BOM}Is it really flexible?` },
  ]);
}

// ---- Taguette: no namespace, the document inline, its codebook export with an empty <Sets/>.
export const TAGUETTE_TEXT = 'Highlights are made on this document about portability.';

export function taguette(): Uint8Array {
  const port = span(TAGUETTE_TEXT, 'portability', 'codepoint');
  const qde = `<?xml version='1.0' encoding='UTF-8'?>
<Project name="taguette" origin="Taguette 1.4.1"><Users><User guid="${guid(1)}" name="admin"/></Users>
<CodeBook><Codes><Code guid="${guid(10)}" name="portability" isCodable="true"/></Codes></CodeBook>
<Sources><TextSource guid="${guid(2)}" name="doc one"><PlainTextContent>${TAGUETTE_TEXT}</PlainTextContent><PlainTextSelection guid="${guid(50)}" startPosition="${port.start}" endPosition="${port.end}"><Coding guid="${guid(51)}" creatingUser="${guid(1)}"><CodeRef targetGUID="${guid(10)}"/></Coding></PlainTextSelection></TextSource></Sources>
</Project>`;
  return qdpx([{ name: 'project.qde', data: qde }]);
}

export const TAGUETTE_QDC = `<?xml version='1.0' encoding='UTF-8'?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Taguette 1.4.1"><Codes><Code guid="${guid(10)}" name="portability" isCodable="true"><Description>Moving credits</Description></Code></Codes><Sets/></CodeBook>`;

/** A minimal project in any namespace spelling, with any root name for its .qde. */
export function minimal(namespaceAttr: string, qdeName = 'project.qde', folder = 'sources'): Uint8Array {
  const text = 'One short text.';
  const qde = `<?xml version="1.0"?>
<${namespaceAttr.startsWith('xmlns:qda') ? 'qda:' : ''}Project ${namespaceAttr} name="Minimal">${namespaceAttr.startsWith('xmlns:qda') ? minimalBody('qda:', text) : minimalBody('', text)}</${namespaceAttr.startsWith('xmlns:qda') ? 'qda:' : ''}Project>`;
  return qdpx([
    { name: qdeName, data: qde },
    { name: `${folder}/${guid(2)}.txt`, data: text },
  ]);
}

function minimalBody(p: string, text: string): string {
  const s = span(text, 'short', 'codepoint');
  return `<${p}CodeBook><${p}Codes><${p}Code guid="${guid(10)}" name="Length" isCodable="true"/></${p}Codes></${p}CodeBook><${p}Sources><${p}TextSource guid="${guid(2)}" name="Text" plainTextPath="internal://${guid(2)}.txt"><${p}PlainTextSelection guid="${guid(50)}" startPosition="${s.start}" endPosition="${s.end}"><${p}Coding guid="${guid(51)}"><${p}CodeRef targetGUID="${guid(10)}"/></${p}Coding></${p}PlainTextSelection></${p}TextSource></${p}Sources>`;
}
