/**
 * The reader pages' form controls, in the GOV.UK pattern: labelled checkboxes in a fieldset with
 * a legend, and a labelled select with an optional hint. Ids are `<name>-<value>` and `<name>`,
 * so a label, a test or a page script can find each control.
 */
export type Option = { value: string; label: string };

export function Checkboxes({ legend, name, options, checked }: { legend: string; name: string; options: readonly Option[]; checked: readonly string[] }) {
  return (
    <fieldset className="fieldset">
      <legend>{legend}</legend>
      {options.map((option) => (
        <div className="checkbox" key={option.value}>
          <input type="checkbox" id={`${name}-${option.value}`} name={name} value={option.value} defaultChecked={checked.includes(option.value)} />
          <label htmlFor={`${name}-${option.value}`}>{option.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** `all`: a first choice meaning "no filter" (value ""); `hint`: a line under the label, read with the select. */
export function Select({
  label,
  name,
  options,
  selected,
  all,
  hint,
}: {
  label: string;
  name: string;
  options: readonly Option[];
  selected: string;
  all?: string;
  hint?: string;
}) {
  return (
    <div className="form-group">
      <label className="label" htmlFor={name}>
        {label}
      </label>
      {hint && (
        <p className="hint" id={`${name}-hint`}>
          {hint}
        </p>
      )}
      {/* The chosen option carries `selected`: server rendering writes no value on a select. */}
      <select className="select" id={name} name={name} aria-describedby={hint ? `${name}-hint` : undefined}>
        {all !== undefined && (
          <option value="" selected={selected === ''}>
            {all}
          </option>
        )}
        {options.map((option) => (
          <option key={option.value} value={option.value} selected={option.value === selected}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
