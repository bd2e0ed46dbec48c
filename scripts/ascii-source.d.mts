/**
 * The text with every non-ASCII character in a comment or a regular expression literal written as
 * \uXXXX; null when one stands anywhere else, or when the text could not be followed to its end.
 */
export function asciiSource(code: string): string | null;
