import { unstableSetRender } from 'antd-mobile';
import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { appBundles } from '../app.i18n.ts';
import { initI18n } from '../shared/i18n.ts';
import { WorkerApp } from './worker-app.tsx';
import './worker.css';

// antd-mobile's imperative dialogs and toasts render with React 18's API unless told how to under React 19.
const roots = new WeakMap<Element | DocumentFragment, Root>();
unstableSetRender((node, container) => {
  const root = roots.get(container) ?? createRoot(container);
  roots.set(container, root);
  root.render(node);
  return async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    root.unmount();
    roots.delete(container);
  };
});

const element = document.getElementById('root');
if (element) {
  void initI18n(appBundles).then(() => {
    createRoot(element).render(
      <StrictMode>
        <WorkerApp />
      </StrictMode>,
    );
  });
}
