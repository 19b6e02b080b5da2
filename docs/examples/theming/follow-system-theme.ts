/** Keeps a workspace's theme equal to the system's; returns the function that stops following. */
export function followSystemTheme(
  workspace: HTMLElementTagNameMap['live-chat-workspace'],
): () => void {
  const dark = matchMedia('(prefers-color-scheme: dark)');
  const apply = () => (workspace.theme = dark.matches ? 'dark' : 'light');
  dark.addEventListener('change', apply);
  apply();
  return () => dark.removeEventListener('change', apply);
}
