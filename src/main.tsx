import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { bundledFlowsOnce } from './services/flowCatalog';
import { Boundary, PartFailed } from './ui/Boundary';
import './app/styles.css';

// The call flows are a JSON file: fetched while the database opens, not after.
void bundledFlowsOnce();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <Boundary fallback={<PartFailed />}>
        <App />
      </Boundary>
    </StrictMode>,
  );
}
