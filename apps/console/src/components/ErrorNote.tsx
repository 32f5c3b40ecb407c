import { plainError } from '../api/errors';

/** An API error, in plain words, shown next to the action that caused it. */
export function ErrorNote({ error }: { error: unknown }) {
  if (!error) return null;
  const e = plainError(error);
  return (
    <div className="error-note" role="alert">
      <strong>{e.title}</strong>
      {e.rule && <span className="rule"> (rule {e.rule})</span>}
      {e.detail && <div>{e.detail}</div>}
      {e.fields && e.fields.length > 0 && (
        <ul>
          {e.fields.map((f) => (
            <li key={f.field + f.message}>
              <code>{f.field}</code>: {f.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
