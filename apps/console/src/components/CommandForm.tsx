import { type ReactNode, useState } from 'react';
import { type DefaultValues, type FieldValues, type UseFormReturn, useForm } from 'react-hook-form';
import { useCommand } from '../api/hooks';
import type { CommandResult } from '../api/views';
import { ErrorNote } from './ErrorNote';
import { eventLabel } from './format';

interface Props<T extends FieldValues> {
  title: string;
  submitLabel: string;
  /** Ask before sending (decisions): the question shown with Confirm / Cancel. */
  confirm?: (values: T) => string;
  send: (values: T) => Promise<CommandResult>;
  defaultValues?: DefaultValues<T>;
  children?: (form: UseFormReturn<T>) => ReactNode;
  /** Shown beside the button before sending (e.g. an auditor's conflicts). */
  warning?: (values: T) => ReactNode;
  /** Distinguishes forms with the same title on one page. */
  name?: string;
  /** After the engine recorded the command. */
  onDone?: (result: CommandResult) => void;
}

/**
 * One command as a small form: fields, an optional confirmation step, the engine's refusal next to
 * the button in plain words, and what was recorded once it succeeds.
 */
export function CommandForm<T extends FieldValues>({ title, submitLabel, confirm, send, defaultValues, children, warning, name, onDone }: Props<T>) {
  const form = useForm<T>({ defaultValues });
  const command = useCommand(send);
  const done = (result: CommandResult) => {
    form.reset(defaultValues);
    onDone?.(result);
  };
  const [pending, setPending] = useState<T | null>(null);
  const values = form.watch();
  const submit = form.handleSubmit((v) => {
    command.reset();
    if (confirm) setPending(v);
    else command.mutate(v, { onSuccess: done });
  });
  const id = (name ?? title).toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return (
    <form className="command" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      {children?.(form)}
      {warning?.(values as T)}
      {pending ? (
        <div className="confirm" role="group" aria-label="Confirmation">
          <p>{confirm!(pending)}</p>
          <button
            type="button"
            className="danger"
            disabled={command.isPending}
            onClick={() => command.mutate(pending, { onSettled: () => setPending(null), onSuccess: done })}
          >
            Confirm
          </button>
          <button type="button" className="secondary" onClick={() => setPending(null)}>
            Cancel
          </button>
        </div>
      ) : (
        <button type="submit" disabled={command.isPending}>
          {submitLabel}
        </button>
      )}
      <ErrorNote error={command.error} />
      {command.isSuccess && command.data && (
        <p className="recorded" role="status">
          Recorded: {command.data.events.map((e) => eventLabel(e.type)).join(', ')} (revision {command.data.revision})
        </p>
      )}
    </form>
  );
}

/** A labelled field inside a CommandForm. */
export function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}
