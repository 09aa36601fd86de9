/** Display helpers shared by the console and the worker app. */

export function maskPhone(phone: string): string {
  if (phone.includes('*') || phone.length < 7) {
    return phone;
  }
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}

/** Same shape as the server's masking: first 3 and last 4 characters kept. */
export function maskNationalId(id: string): string {
  if (id.includes('*') || id.length < 8) {
    return id;
  }
  return `${id.slice(0, 3)}${'*'.repeat(id.length - 7)}${id.slice(-4)}`;
}

export function formatDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return iso;
  }
  return new Intl.DateTimeFormat(language === 'lo' ? 'lo-LA' : language, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  }).format(date);
}

export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(language === 'lo' ? 'lo-LA' : language).format(value);
}
