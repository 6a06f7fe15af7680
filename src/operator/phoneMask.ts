// The +7 mask of the phone inputs: the operator types digits as the caller dictates them and sees
// "+7 (343) 312-00-50" grow; validation stays with normalizeRuPhone.

/** Formats what was typed so far; a leading 8 or 7 is read as the country prefix. */
export function maskRuPhone(input: string): string {
  let digits = input.replace(/\D/g, '');
  if (digits === '') return '';
  if (digits.startsWith('8') || digits.startsWith('7')) digits = digits.slice(1);
  digits = digits.slice(0, 10);
  const parts = [digits.slice(0, 3), digits.slice(3, 6), digits.slice(6, 8), digits.slice(8, 10)];
  let out = '+7';
  // The bracket closes only once the next group starts, so deleting it with Backspace is not undone.
  if (parts[0]) out += ` (${parts[0]}`;
  if (parts[1]) out += `) ${parts[1]}`;
  if (parts[2]) out += `-${parts[2]}`;
  if (parts[3]) out += `-${parts[3]}`;
  return out;
}
