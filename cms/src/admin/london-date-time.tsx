/**
 * Date-and-time fields in UK time, whatever time zone the editor's computer is set to. Strapi's
 * picker shows and returns the browser's local wall clock; this hands it a date whose local wall
 * clock reads as London's, and reads the picked wall clock back as London's. The hint says which
 * instant will be saved, with GMT or BST, so a time near a clock change is never a surprise.
 */
import { DateTimePicker, Field } from '@strapi/design-system';
import { useField } from '@strapi/strapi/admin';
import type { ReactNode } from 'react';
import { ukDateTime } from '../feeds/dates';
import { londonTime, londonWallClock } from '../lib/london-time';

type Props = { name: string; label: ReactNode; hint?: ReactNode; required?: boolean; disabled?: boolean; labelAction?: ReactNode };

const pad = (n: number) => String(n).padStart(2, '0');

/** A Date whose local wall clock shows the London wall clock of `instant`. */
export function pickerDateOf(instant: string): Date {
  const { date, time } = londonWallClock(instant);
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  return new Date(year, month - 1, day, hour, minute);
}

/** The instant (ISO) whose London wall clock is the picker's local wall clock. */
export function instantOfPicked(picked: Date): string {
  return londonTime(`${picked.getFullYear()}-${pad(picked.getMonth() + 1)}-${pad(picked.getDate())}`, `${pad(picked.getHours())}:${pad(picked.getMinutes())}`);
}

/** "Saved as 9am on Monday 1 March 2027 (GMT)". */
export const savedAs = (instant: string) => `Saved as ${ukDateTime(new Date(instant))} (${londonWallClock(instant).zone}).`;

export function LondonDateTimeInput({ name, label, hint, required, disabled, labelAction }: Props) {
  const field = useField<string | null>(name);
  const value = typeof field.value === 'string' && field.value ? field.value : null;
  return (
    <Field.Root
      name={name}
      error={field.error}
      required={required}
      hint={
        <>
          {hint} {value ? savedAs(value) : ''}
        </>
      }
    >
      <Field.Label action={labelAction}>{label}</Field.Label>
      <DateTimePicker
        value={value ? pickerDateOf(value) : null}
        onChange={(picked) => field.onChange(name, picked ? instantOfPicked(picked) : null)}
        onClear={() => field.onChange(name, null)}
        clearLabel="Clear"
        dateLabel="Date (UK)"
        timeLabel="Time (UK)"
        step={5}
        disabled={disabled}
        locale="en-GB"
      />
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
}
