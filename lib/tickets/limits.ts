/** A CNAM caller name is at most 15 characters in the North American databases. */
export const CNAM_MAX_LENGTH = 15;
