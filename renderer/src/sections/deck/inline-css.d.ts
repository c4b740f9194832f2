// Vite's ?inline: a stylesheet's text as a string, for the slides' shadow roots.
declare module '*.css?inline' {
  const css: string;
  export default css;
}
