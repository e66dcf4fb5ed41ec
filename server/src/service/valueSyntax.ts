// The syntax of condition values by the type an operator compares: numbers, ISO 8601 dates and
// times, Booleans, and IPv4 or IPv6 addresses and CIDR blocks. Written out here rather than
// taken from node:net so that the service stays free of Node's modules.
import type { ValueType } from './conditionCatalogue';

/** True when `value` is written as the type expects. Any string is a string. */
export function fitsValueType(value: string, type: ValueType): boolean {
  switch (type) {
    case 'string':
      return true;
    case 'number':
      return isNumber(value);
    case 'date':
      return isIsoDateTime(value);
    case 'boolean':
      return value === 'true' || value === 'false';
    case 'ip':
      return isIpOrCidr(value);
  }
}

export function isNumber(value: string): boolean {
  return /^-?\d+(\.\d+)?$/.test(value);
}

/**
 * An ISO 8601 calendar date, optionally with a time (seconds and fractions optional) and a zone
 * (`Z` or an offset): `2026-01-31`, `2026-01-31T23:59:59Z`, `2026-01-31T08:00+08:00`.
 */
export function isIsoDateTime(value: string): boolean {
  const match = ISO_DATE_TIME.exec(value);
  if (!match) return false;

  const [year, month, day] = [match[1], match[2], match[3]].map(Number) as [number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return false;

  const [hour, minute, second] = [match[4], match[5], match[6]].map((part) => Number(part ?? 0));
  if (hour! > 23 || minute! > 59 || second! > 59) return false;
  return isZone(match[7]);
}

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

function isZone(zone: string | undefined): boolean {
  if (zone === undefined || zone === 'Z') return true;

  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || 0);
  return hours <= 14 && minutes <= 59;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** An IPv4 or IPv6 address, or a CIDR block of either: `10.0.0.1`, `10.0.0.0/8`, `2001:db8::/32`. */
export function isIpOrCidr(value: string): boolean {
  const slash = value.indexOf('/');
  const address = slash < 0 ? value : value.slice(0, slash);
  const prefix = slash < 0 ? undefined : value.slice(slash + 1);

  const bits = isIpv4(address) ? 32 : isIpv6(address) ? 128 : 0;
  if (bits === 0) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= bits);
}

export function isIpv4(value: string): boolean {
  const parts = value.split('.');
  return parts.length === 4 && parts.every((part) => /^\d{1,3}$/.test(part) && Number(part) <= 255);
}

/** An IPv6 address in full or with one `::`, its last 32 bits optionally as IPv4. */
export function isIpv6(value: string): boolean {
  const halves = value.split('::');
  if (halves.length > 2) return false;

  const groups = halves.map((half) => (half === '' ? [] : half.split(':')));
  const all = groups.flat();
  const last = all[all.length - 1];
  const endsInIpv4 = last !== undefined && last.includes('.');
  if (endsInIpv4 && !isIpv4(last)) return false;

  const hexGroups = endsInIpv4 ? all.slice(0, -1) : all;
  if (!hexGroups.every((group) => /^[0-9A-Fa-f]{1,4}$/.test(group))) return false;

  const width = hexGroups.length + (endsInIpv4 ? 2 : 0);
  return halves.length === 2 ? width < 8 : width === 8;
}
