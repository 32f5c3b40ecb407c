import { ApiError } from './client';

/** A rule name such as "MajorFindingOpen" as words: "Major finding open". */
export function ruleInWords(rule: string): string {
  const words = rule.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export interface PlainError {
  title: string;
  detail?: string;
  fields?: { field: string; message: string }[];
  rule?: string;
}

/** What went wrong, in words a person understands, for each status the API uses. */
export function plainError(error: unknown): PlainError {
  if (!(error instanceof ApiError)) return { title: 'The engine could not be reached.', detail: error instanceof Error ? error.message : String(error) };
  const { status, body } = error;
  switch (status) {
    case 400:
      return { title: 'Some fields need correcting.', fields: body.errors ?? [], detail: body.errors?.length ? undefined : error.message };
    case 401:
      return { title: 'Your sign-in is no longer valid. Sign in again.', detail: error.message };
    case 403:
      return { title: 'Your role may not do this.', detail: error.message };
    case 404:
      return { title: 'Not found.', detail: error.message };
    case 409:
      return { title: 'Someone else changed this at the same moment. Try again.' };
    case 412:
      return { title: 'This was changed since you loaded it. The page now shows the latest; check it and try again.' };
    case 422:
      return { title: `The engine refused: ${body.rule ? ruleInWords(body.rule) : 'a business rule is broken'}.`, detail: error.message, rule: body.rule };
    case 429:
      return { title: 'Too many requests: wait a moment and try again.' };
    default:
      return { title: `The engine answered with an error (${status}).`, detail: error.message };
  }
}
