import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { configureAmplify } from './amplify-setup.js';
import { App } from './components/App.js';
import { parseRuntimeConfig, RuntimeConfigError } from './runtime-config.js';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');
const root = createRoot(container);

/** config.json sits next to index.html: the stage's endpoints, read at start so one build serves every stage. */
async function start(): Promise<void> {
  const response = await fetch(`${import.meta.env.BASE_URL}config.json`, { cache: 'no-store' });
  if (!response.ok) throw new RuntimeConfigError(`config.json answered HTTP ${response.status}`);
  configureAmplify(parseRuntimeConfig(await response.json()));
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

start().catch((error: unknown) => {
  root.render(
    <main>
      <p role="alert">The app could not start: {error instanceof Error ? error.message : String(error)}</p>
    </main>,
  );
});
