/** Ids that end up in stream names and URLs: lower-case letters, digits and dashes. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,79}$/;
export const ID_PATTERN_MESSAGE = '$property must be 1-80 lower-case letters, digits or dashes, starting with a letter or digit';
