import { ApiFailure } from '../../../shared/api/errors.ts';
import { splitsSurrogatePair } from '../../../shared/domain/offsets.ts';

/**
 * Checks a passage against its source text: inside the text and not splitting a character.
 * Offsets are UTF-16 units (see the architecture guide); end > start is checked by the schema.
 */
export function checkSpan(text: string, span: { start: number; end: number }): void {
  if (span.end > text.length) {
    throw new ApiFailure('invalid_input', `end ${span.end} is past the end of the source (${text.length} characters)`, 'end');
  }
  for (const field of ['start', 'end'] as const) {
    if (splitsSurrogatePair(text, span[field])) {
      throw new ApiFailure('invalid_input', `${field} ${span[field]} falls inside a character (between the halves of a surrogate pair)`, field);
    }
  }
}
