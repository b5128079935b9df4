import { Form } from "@remix-run/react";

/** A separate form, so deleting is always a deliberate second button. */
export function DeleteStep({ label }: { label: string }) {
  return (
    <Form method="post" className="delete-step">
      <input type="hidden" name="intent" value="delete" />
      <button type="submit" className="secondary">
        {label}
      </button>
    </Form>
  );
}
