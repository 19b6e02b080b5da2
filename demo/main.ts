// Demo entry point (placeholder): replaced once the components exist.
const app = document.querySelector('#app');
if (app) {
  const line = document.createElement('p');
  line.textContent = `Demo script loaded at ${new Date().toLocaleTimeString()}.`;
  app.append(line);
}
