type Props = {
  /** The server's words; empty when it could not be reached. */
  message: string;
  /** What to say when the server could not be reached. */
  unreachable: string;
  /** kb:check's or flows:check's findings, one per line. */
  issues: readonly string[];
};

/** Why the centre did not take a publication: its message and the checker's findings. */
export function PublishRefusal({ message, unreachable, issues }: Props) {
  return (
    <div role="alert">
      <p>{message || unreachable}</p>
      {issues.length > 0 && (
        <ul>
          {issues.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
