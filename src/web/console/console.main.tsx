import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { appBundles } from '../app.i18n.ts';
import { initI18n } from '../shared/i18n.ts';
import { ConsoleApp } from './console-app.tsx';
import './console.css';

const root = document.getElementById('root');
if (root) {
  void initI18n(appBundles).then(() => {
    createRoot(root).render(
      <StrictMode>
        <ConsoleApp />
      </StrictMode>,
    );
  });
}
