// No look-alike characters (0/O, 1/l/I): the password is read aloud or copied by hand to a commune officer.
const ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** A random temporary password (14 characters, grouped for reading) that meets the API's password policy. */
export function generateTemporaryPassword(): string {
  const bytes = new Uint32Array(12);
  globalThis.crypto.getRandomValues(bytes);
  const chars = Array.from(bytes, (value) => ALPHABET[value % ALPHABET.length]);
  return `${chars.slice(0, 4).join("")}-${chars.slice(4, 8).join("")}-${chars.slice(8).join("")}`;
}
