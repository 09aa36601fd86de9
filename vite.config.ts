import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const page = (name: string) => fileURLToPath(new URL(name, import.meta.url));
const apiTarget = process.env.GONGYOU_API ?? 'http://127.0.0.1:4311';

// Two entry pages: the worker app (`/`, antd-mobile) and the console (`/admin`, antd).
// Vendor groups keep the big libraries in their own long-cached chunks, and let each
// page load only the UI kit it uses.
export default defineConfig({
  base: '/',
  plugins: [react()],
  server: {
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      input: { index: page('index.html'), admin: page('admin.html') },
      output: {
        codeSplitting: {
          groups: [
            { name: 'vendor-echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 40 },
            { name: 'vendor-antd-mobile', test: /node_modules[\\/]antd-mobile/, priority: 35 },
            {
              name: 'vendor-antd',
              test: /node_modules[\\/](antd|@ant-design|dayjs)[\\/]/,
              priority: 30,
            },
            {
              name: 'vendor-react',
              test: /node_modules[\\/](react|react-dom|react-router|scheduler|i18next|react-i18next)[\\/]/,
              // above the UI kits, or antd's group would pull react-dom in and the worker app would load antd
              priority: 50,
            },
          ],
        },
      },
    },
  },
});
