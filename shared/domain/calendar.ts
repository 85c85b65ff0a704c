/** Days in each month of a leap year; 29 February is checked against the year. */
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True when year, month (1–12) and day name a day of the Gregorian calendar: no 13th month, no 30 February, 29 February only in a leap year. */
export const isCalendarDay = (y: number, m: number, d: number): boolean =>
  m >= 1 && m <= 12 && d >= 1 && d <= DAYS_IN_MONTH[m - 1]! && !(m === 2 && d === 29 && (y % 4 !== 0 || (y % 100 === 0 && y % 400 !== 0)));
