import { useEffect, useState, type FormEvent } from 'react';
import { flowsApi, type FlowSummary } from '../api/flowsApi';

type Listing = { kind: 'loading' } | { kind: 'loaded'; flows: FlowSummary[] } | { kind: 'failed'; message: string };

/** The start page: the flows there are, and a way to make a new one. */
export function FlowList({ onOpen }: { onOpen: (flowId: string) => void }) {
  const [listing, setListing] = useState<Listing>({ kind: 'loading' });
  const [name, setName] = useState('');
  const [createError, setCreateError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    flowsApi.list().then(
      (flows) => !cancelled && setListing({ kind: 'loaded', flows }),
      (error: unknown) => !cancelled && setListing({ kind: 'failed', message: String(error) }),
    );
    return () => {
      cancelled = true;
    };
  }, []);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setCreateError(null);
    try {
      const flow = await flowsApi.create(name.trim());
      onOpen(flow.id);
    } catch (error) {
      setCreateError(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <main className="flow-list" data-testid="flow-list">
      <h1>Threadline flows</h1>
      <form className="create-flow" onSubmit={(event) => void create(event)}>
        <input
          aria-label="New flow name"
          data-testid="new-flow-name"
          placeholder="New flow name"
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <button type="submit" className="primary" data-testid="create-flow" disabled={name.trim() === ''}>
          Create flow
        </button>
        {createError ? <span className="error">{createError}</span> : null}
      </form>
      {listing.kind === 'loading' ? <p>Loading…</p> : null}
      {listing.kind === 'failed' ? <p className="error">Could not list flows: {listing.message}</p> : null}
      {listing.kind === 'loaded' ? (
        listing.flows.length === 0 ? (
          <p>No flows yet.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>Name</th>
                <th>Id</th>
                <th>Live version</th>
                <th>Updated</th>
              </tr>
            </thead>
            <tbody>
              {listing.flows.map((flow) => (
                <tr key={flow.id}>
                  <td>
                    <button type="button" className="link" data-testid={`open-flow-${flow.id}`} onClick={() => onOpen(flow.id)}>
                      {flow.name}
                    </button>
                  </td>
                  <td>
                    <code>{flow.id}</code>
                  </td>
                  <td>{flow.publishedVersion === null ? '—' : `v${flow.publishedVersion}`}</td>
                  <td>{flow.updatedAt === null ? '—' : new Date(flow.updatedAt).toLocaleString()}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      ) : null}
    </main>
  );
}
