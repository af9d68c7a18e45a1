import { Alert } from "antd";
import { errorText } from "../../shared/form-errors";
import { isApiError } from "../../shared/http";

/** Every refused pair of a save, as the server lists them (one bad pair refuses the whole set). */
export function FailureList({ error }: { error: unknown }) {
  if (!error) return null;
  const fields = isApiError(error) ? error.fields : [];
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginTop: 12 }}
      title={errorText(error)}
      description={
        fields.length > 1 ? (
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {fields.map((field) => (
              <li key={`${field.path}-${field.message}`}>{field.message}</li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}
