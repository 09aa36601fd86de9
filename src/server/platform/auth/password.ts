import { hash, verify } from '@node-rs/argon2';

// argon2id with the library's defaults (19 MiB, t=2, p=1: the OWASP baseline).
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** At least 10 characters from two classes (letters, digits, symbols), not containing the username. */
export function passwordMeetsPolicy(password: string, username: string): boolean {
  if (password.length < 10 || password.length > 128) {
    return false;
  }
  const classes = [/[A-Za-z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 2) {
    return false;
  }
  return !(username.length >= 3 && password.toLowerCase().includes(username.toLowerCase()));
}
