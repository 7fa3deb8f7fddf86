"""Text that every output shares: escaping a name or cell for the terminal, Markdown,
HTML, CSV and xlsx (escape), breaking lines the Chinese way (wrap), and the report's
titles (titles). It depends on nothing of zytalent but diagnostics.i18n, so the terminal
renderers and the file writers both build on it without depending on each other."""
