// Vite turns an imported image into its URL (the marker images ship inside the leaflet package).
declare module 'leaflet/dist/images/*.png' {
  const url: string;
  export default url;
}
