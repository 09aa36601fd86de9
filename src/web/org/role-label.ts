import i18next from 'i18next';

/** A role's name in the UI language; an unknown role (added on the server later) shows its code. */
export function roleLabel(role: string): string {
  const key = `org:role.${role}`;
  return i18next.exists(key) ? i18next.t(key) : role;
}
