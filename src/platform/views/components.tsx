import type { Child } from 'hono/jsx';
import { useView } from './context.ts';
import type { FieldErrors } from '../http/forms.ts';

export function CsrfField() {
  const { csrfToken } = useView();
  return <input type="hidden" name="_csrf" value={csrfToken()} />;
}

interface PostFormProps {
  action: string;
  children?: Child;
  class?: string;
  /**
   * The form's id, also added to its action's address: when the server answers with the form
   * again (an error), the browser scrolls to it, so the error is in view without any script.
   */
  anchor?: string;
  /** Errors to list at the top of the form, each linking to its field. */
  errors?: FieldErrors;
  /** Field names to labels, in the form's order (the summary follows it). */
  labels?: Record<string, string>;
  /** The form carries a file (a FileField). */
  multipart?: boolean;
}

/** A POST form that always carries the CSRF token, and lists its errors first. */
export function PostForm({ action, children, class: className, anchor, errors, labels, multipart }: PostFormProps) {
  return (
    <form method="post" action={anchor ? `${action}#${anchor}` : action} class={className} id={anchor} enctype={multipart ? 'multipart/form-data' : undefined} novalidate>
      <CsrfField />
      <ErrorSummary errors={errors} labels={labels ?? {}} />
      {children}
    </form>
  );
}

/** The errors in the order the form shows its fields (the order of `labels`), whole-form errors first. */
function inFormOrder(errors: FieldErrors, labels: Record<string, string>): Array<[string, string]> {
  const order = ['_form', ...Object.keys(labels)];
  const rank = (field: string) => (order.includes(field) ? order.indexOf(field) : order.length);
  return Object.entries(errors).sort(([a], [b]) => rank(a) - rank(b));
}

/** Lists a form's errors first, each linking to its field, so screen readers hear them at once. */
export function ErrorSummary({ errors, labels }: { errors?: FieldErrors; labels: Record<string, string> }) {
  const { t } = useView();
  if (!errors || Object.keys(errors).length === 0) return null;
  return (
    <div class="alert" role="alert" aria-labelledby="error-summary-title">
      {/* Not a heading: a summary may appear at any depth of the page's outline. */}
      <p id="error-summary-title"><strong>{t('common.errors.summary')}</strong></p>
      <ul>
        {inFormOrder(errors, labels).map(([field, message]) => (
          <li>
            {field === '_form' ? message : <a href={`#field-${field}`}>{t('common.format.labelled', { label: labels[field] ?? field, value: message })}</a>}
          </li>
        ))}
      </ul>
    </div>
  );
}

interface FieldProps {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
}

function describedBy(name: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `hint-${name}` : '', error ? `error-${name}` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function FieldNotes({ name, hint, error }: { name: string; hint?: string; error?: string }) {
  return (
    <>
      {hint && <p class="hint" id={`hint-${name}`}>{hint}</p>}
      {error && <p class="error" id={`error-${name}`}>{error}</p>}
    </>
  );
}

export function TextField(
  props: FieldProps & { value?: string; type?: 'text' | 'email' | 'password' | 'url' | 'number' | 'search'; autocomplete?: string; maxlength?: number; lang?: string },
) {
  const { name, label, hint, error, required, value, type = 'text', autocomplete, maxlength, lang } = props;
  return (
    <div class="field">
      <label for={`field-${name}`}>{label}</label>
      <FieldNotes name={name} hint={hint} error={error} />
      <input
        id={`field-${name}`}
        name={name}
        type={type}
        value={type === 'password' ? undefined : value}
        required={required}
        autocomplete={autocomplete}
        maxlength={maxlength}
        lang={lang}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(name, hint, error)}
      />
    </div>
  );
}

/** A file to upload (in a `multipart` PostForm); `accept` only helps the browser's picker, the server checks the bytes. */
export function FileField(props: FieldProps & { accept: string }) {
  const { name, label, hint, error, required, accept } = props;
  return (
    <div class="field">
      <label for={`field-${name}`}>{label}</label>
      <FieldNotes name={name} hint={hint} error={error} />
      <input id={`field-${name}`} name={name} type="file" accept={accept} required={required}
        aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy(name, hint, error)} />
    </div>
  );
}

export function TextArea(props: FieldProps & { value?: string; lang?: string; maxlength?: number }) {
  const { name, label, hint, error, required, value, lang, maxlength } = props;
  return (
    <div class="field">
      <label for={`field-${name}`}>{label}</label>
      <FieldNotes name={name} hint={hint} error={error} />
      <textarea
        id={`field-${name}`}
        name={name}
        required={required}
        lang={lang}
        maxlength={maxlength}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(name, hint, error)}
      >
        {value ?? ''}
      </textarea>
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField(
  props: FieldProps & { options: Option[]; value?: string | string[]; multiple?: boolean; blank?: string; autocomplete?: string },
) {
  const { name, label, hint, error, required, options, value, multiple, blank, autocomplete } = props;
  const selected = new Set(Array.isArray(value) ? value : value ? [value] : []);
  return (
    <div class="field">
      <label for={`field-${name}`}>{label}</label>
      <FieldNotes name={name} hint={hint} error={error} />
      <select
        id={`field-${name}`}
        name={name}
        required={required}
        multiple={multiple}
        autocomplete={autocomplete}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(name, hint, error)}
      >
        {blank !== undefined && <option value="">{blank}</option>}
        {options.map((option) => (
          <option value={option.value} selected={selected.has(option.value)}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A group of radio buttons or checkboxes inside a fieldset whose legend names it. */
export function ChoiceField(props: FieldProps & { options: Option[]; value?: string | string[]; type: 'radio' | 'checkbox' }) {
  const { name, label, hint, error, options, value, type } = props;
  const selected = new Set(Array.isArray(value) ? value : value ? [value] : []);
  return (
    <fieldset id={`field-${name}`} class="field" aria-describedby={describedBy(name, hint, error)}>
      <legend>{label}</legend>
      <FieldNotes name={name} hint={hint} error={error} />
      <div class="choices">
        {options.map((option, index) => (
          <span>
            <input
              type={type}
              id={`field-${name}-${index}`}
              name={name}
              value={option.value}
              checked={selected.has(option.value)}
              aria-invalid={error ? 'true' : undefined}
            />{' '}
            <label for={`field-${name}-${index}`}>{option.label}</label>
          </span>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * A list of checkboxes for choosing several of many (countries, languages): no Ctrl-click as in
 * a multiple select. The chosen ones come first; a filter box appears when script runs.
 */
export function ChecklistField(props: FieldProps & { options: Option[]; value?: string[]; filterLabel: string }) {
  const { name, label, hint, error, options, value = [], filterLabel } = props;
  useView().enhance();
  const chosen = new Set(value);
  const ordered = [...options.filter((o) => chosen.has(o.value)), ...options.filter((o) => !chosen.has(o.value))];
  return (
    <fieldset id={`field-${name}`} class={error ? 'field checklist invalid' : 'field checklist'} aria-describedby={describedBy(name, hint, error)}>
      <legend>{label}</legend>
      <FieldNotes name={name} hint={hint} error={error} />
      <div class="checklist-filter" data-filter-for={`options-${name}`} hidden>
        <label for={`filter-${name}`}>{filterLabel}</label>
        <input type="search" id={`filter-${name}`} autocomplete="off" />
      </div>
      <div class="checklist-options" id={`options-${name}`}>
        {ordered.map((option) => (
          <label>
            <input type="checkbox" name={name} value={option.value} checked={chosen.has(option.value)} /> {option.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function Checkbox(props: FieldProps & { checked?: boolean }) {
  const { name, label, hint, error, checked } = props;
  return (
    <div class="field">
      <FieldNotes name={name} hint={hint} error={error} />
      <input
        type="checkbox"
        id={`field-${name}`}
        name={name}
        checked={checked}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(name, hint, error)}
      />{' '}
      <label for={`field-${name}`}>{label}</label>
    </div>
  );
}

/** A message after an action, chosen from a fixed list so a URL cannot inject text. */
export function Notice({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <p class="notice" role="status">
      {message}
    </p>
  );
}

/** Previous and next links around "page n of m" for a list shown a page at a time; nothing when one page holds it all. */
export function Pager({ page, pages, href }: { page: number; pages: number; href: (page: number) => string }) {
  const { t } = useView();
  if (pages <= 1) return null;
  return (
    <nav aria-label={t('common.pagination.label')}>
      <ul class="pager">
        {page > 1 && <li><a href={href(page - 1)} rel="prev">{t('common.pagination.previous')}</a></li>}
        <li aria-current="page">{t('common.pagination.page_of', { page, pages })}</li>
        {page < pages && <li><a href={href(page + 1)} rel="next">{t('common.pagination.next')}</a></li>}
      </ul>
    </nav>
  );
}
